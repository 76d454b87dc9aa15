import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IndicatorPeriodValue } from './indicator-value.entity';
import { IndicatorValuesRepository } from './indicator-values.repository';
import { IndicatorValuesService } from './indicator-values.service';
import { IndicatorsController } from './indicators.controller';
import { IndicatorsRepository } from './indicators.repository';
import { IndicatorsService } from './indicators.service';
import { PlanIndicator } from './plan-indicator.entity';

@Module({
  imports: [TypeOrmModule.forFeature([PlanIndicator, IndicatorPeriodValue])],
  controllers: [IndicatorsController],
  providers: [IndicatorsService, IndicatorsRepository, IndicatorValuesService, IndicatorValuesRepository],
  exports: [IndicatorsService, IndicatorValuesService],
})
export class IndicatorsModule {}
