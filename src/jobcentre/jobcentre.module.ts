import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PlansModule } from '../plans/plans.module';
import { ResidentsModule } from '../residents/residents.module';
import { JobcentreEnrolment, JobcentreQuarter } from './entities/jobcentre-enrolment.entity';
import { JobcentreController } from './jobcentre.controller';
import { JobcentreFiguresService } from './jobcentre-figures.service';
import { JobcentreResidentData } from './jobcentre-resident-data';
import { JobcentreRepository } from './jobcentre.repository';
import { JobcentreService } from './jobcentre.service';

/** The job centre's own caseload in the area (issue 23; 002_* Varde, 004_* Sønderborg). */
@Module({
  imports: [TypeOrmModule.forFeature([JobcentreEnrolment, JobcentreQuarter]), ResidentsModule, PlansModule],
  controllers: [JobcentreController],
  providers: [JobcentreService, JobcentreFiguresService, JobcentreRepository, JobcentreResidentData],
  exports: [JobcentreResidentData],
})
export class JobcentreModule {}
