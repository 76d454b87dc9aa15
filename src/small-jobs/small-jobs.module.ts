import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EmployersModule } from '../employers/employers.module';
import { ResidentsModule } from '../residents/residents.module';
import { SmallJob } from './entities/small-job.entity';
import { SmallJobResidentData } from './small-job-resident-data';
import { SmallJobsController } from './small-jobs.controller';
import { SmallJobsRepository } from './small-jobs.repository';
import { SmallJobsService } from './small-jobs.service';

/** Småjobs for adults (all four seeds) with the plan's employers. */
@Module({
  imports: [TypeOrmModule.forFeature([SmallJob]), ResidentsModule, EmployersModule],
  controllers: [SmallJobsController],
  providers: [SmallJobsService, SmallJobsRepository, SmallJobResidentData],
  exports: [SmallJobResidentData],
})
export class SmallJobsModule {}
