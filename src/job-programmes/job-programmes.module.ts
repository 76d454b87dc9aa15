import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ConsentsModule } from '../consents/consents.module';
import { EmployersModule } from '../employers/employers.module';
import { PlansModule } from '../plans/plans.module';
import { ResidentsModule } from '../residents/residents.module';
import { SchoolHolidaysModule } from '../school-holidays/school-holidays.module';
import { JobProgrammeConversation } from './entities/job-programme-conversation.entity';
import { JobProgrammeEmployment } from './entities/job-programme-employment.entity';
import { JobProgrammeMatch } from './entities/job-programme-match.entity';
import { JobProgrammeTimesheetRevision } from './entities/job-programme-timesheet-revision.entity';
import { JobProgrammeTimesheet } from './entities/job-programme-timesheet.entity';
import { JobProgrammeTransition } from './entities/job-programme-transition.entity';
import { JobProgramme } from './entities/job-programme.entity';
import { ProgrammeResidentData } from './programme-resident-data';
import { JobProgrammesController } from './job-programmes.controller';
import { JobProgrammesService } from './job-programmes.service';
import { ProgrammeActivityController } from './programme-activity.controller';
import { ProgrammeActivityService } from './programme-activity.service';
import { ProgrammeEmploymentService } from './programme-employment.service';
import { ProgrammeFactsReader } from './programme-facts';
import { JobProgrammesRepository } from './job-programmes.repository';
import { ProgrammeActivityRepository } from './programme-activity.repository';
import { ProgrammeDetails } from './programme-details';
import { ProgrammeTransitionsService } from './programme-transitions.service';

/** Leisure-job programmes (fritidsjobforløb): the phase machine, conversations, matches, employment, timesheets. */
@Module({
  imports: [
    TypeOrmModule.forFeature([JobProgramme, JobProgrammeTransition, JobProgrammeConversation, JobProgrammeMatch, JobProgrammeEmployment, JobProgrammeTimesheet, JobProgrammeTimesheetRevision]),
    ResidentsModule,
    PlansModule,
    ConsentsModule,
    EmployersModule,
    SchoolHolidaysModule,
  ],
  controllers: [JobProgrammesController, ProgrammeActivityController],
  providers: [
    JobProgrammesService,
    ProgrammeTransitionsService,
    ProgrammeActivityService,
    ProgrammeEmploymentService,
    ProgrammeFactsReader,
    ProgrammeDetails,
    JobProgrammesRepository,
    ProgrammeActivityRepository,
    ProgrammeResidentData,
  ],
  exports: [ProgrammeResidentData],
})
export class JobProgrammesModule {}
