import { DynamicModule, Module } from '@nestjs/common';
import type { ProcessRole } from '../config/app-config';
import { ConsentsModule } from '../consents/consents.module';
import { ActivitiesModule } from '../activities/activities.module';
import { CounsellingModule } from '../counselling/counselling.module';
import { IdempotencyModule } from '../idempotency/idempotency.module';
import { InternshipsModule } from '../internships/internships.module';
import { JobcentreModule } from '../jobcentre/jobcentre.module';
import { SmallJobsModule } from '../small-jobs/small-jobs.module';
import { OutreachResidentDataModule } from '../outreach/outreach-resident-data';
import { JobProgrammesModule } from '../job-programmes/job-programmes.module';
import { PlansModule } from '../plans/plans.module';
import { ResidentsModule } from '../residents/residents.module';
import { UsersModule } from '../users/users.module';
import { AccessLogService } from './access-log.service';
import { ErasureService } from './erasure.service';
import { ResidentErasure } from './resident-erasure';
import { ResidentExportService } from './resident-export.service';
import { ResidentRightsController } from './resident-rights.controller';
import { RetentionProcessor } from './retention.processor';
import { RetentionRepository } from './retention.repository';
import { RetentionService } from './retention.service';

/** A resident's rights: the access log, their copy (Art. 15), erasure (Art. 17) and retention. */
@Module({})
export class ResidentRightsModule {
  static register(processRole: ProcessRole): DynamicModule {
    return {
      module: ResidentRightsModule,
      imports: [ResidentsModule, ConsentsModule, CounsellingModule, JobProgrammesModule, InternshipsModule, JobcentreModule, SmallJobsModule, OutreachResidentDataModule, ActivitiesModule, IdempotencyModule, UsersModule, PlansModule],
      controllers: [ResidentRightsController],
      providers: [AccessLogService, ResidentExportService, ErasureService, ResidentErasure, RetentionRepository, RetentionService, ...(processRole === 'api' ? [] : [RetentionProcessor])],
      exports: [RetentionService],
    };
  }
}
