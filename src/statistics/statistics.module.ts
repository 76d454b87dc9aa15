import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { ProcessRole } from '../config/app-config';
import { IndicatorsModule } from '../indicators/indicators.module';
import { PlansModule } from '../plans/plans.module';
import { HalfYearReport } from './half-year-report.entity';
import { ReportComputer } from './report-computer';
import { ReportRunner } from './report-runner';
import { ReportScheduler } from './report-scheduler';
import { ReportsController } from './reports.controller';
import { ReportsRepository } from './reports.repository';
import { ReportsService } from './reports.service';
import { StatisticsProcessor } from './statistics.processor';

/** Half-year statistics. The queue's worker is only started in processes that run workers. */
@Module({})
export class StatisticsModule {
  static register(processRole: ProcessRole): DynamicModule {
    return {
      module: StatisticsModule,
      imports: [TypeOrmModule.forFeature([HalfYearReport]), PlansModule, IndicatorsModule],
      controllers: [ReportsController],
      providers: [ReportsService, ReportsRepository, ReportComputer, ReportRunner, ReportScheduler, ...(processRole === 'api' ? [] : [StatisticsProcessor])],
      exports: [ReportsService, ReportScheduler],
    };
  }
}
