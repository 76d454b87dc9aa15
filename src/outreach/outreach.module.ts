import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { ProcessRole } from '../config/app-config';
import { CounsellingModule } from '../counselling/counselling.module';
import { ResidentsModule } from '../residents/residents.module';
import { OutreachAttempt } from './entities/outreach-attempt.entity';
import { OutreachList } from './entities/outreach-list.entity';
import { OutreachPerson } from './entities/outreach-person.entity';
import { OutreachRetentionProcessor } from './outreach-retention.processor';
import { OutreachRetentionRepository } from './outreach-retention.repository';
import { OutreachRetentionService } from './outreach-retention.service';
import { OutreachController } from './outreach.controller';
import { OutreachRepository } from './outreach.repository';
import { OutreachService } from './outreach.service';

/** Door-to-door outreach lists (001_*) with their own retention; the nightly sweep runs where workers do. */
@Module({})
export class OutreachModule {
  static register(processRole: ProcessRole): DynamicModule {
    return {
      module: OutreachModule,
      imports: [TypeOrmModule.forFeature([OutreachList, OutreachPerson, OutreachAttempt]), ResidentsModule, CounsellingModule],
      controllers: [OutreachController],
      providers: [OutreachService, OutreachRepository, OutreachRetentionService, OutreachRetentionRepository, ...(processRole === 'api' ? [] : [OutreachRetentionProcessor])],
      exports: [OutreachRetentionService],
    };
  }
}
