import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditWriter } from '../audit/audit-writer';
import { PlanVocabularyService } from '../plan-vocabulary/plan-vocabulary.service';
import { UnitOfWork } from '../database/unit-of-work';
import { VolunteerHelpTopic } from './entities/volunteer-help-topic.entity';
import { BUILT_IN_VOLUNTEER_TOPICS } from './volunteer-topics';
import type { VolunteersProblem } from './volunteers-problems';

/** The topics volunteers record help under: the built-in ones and the plan's own (as counselling topics). */
@Injectable()
export class VolunteerTopicsService extends PlanVocabularyService {
  constructor(uow: UnitOfWork, @InjectDataSource() dataSource: DataSource, audit: AuditWriter) {
    super(
      uow,
      dataSource,
      audit,
      {
        entity: VolunteerHelpTopic,
        builtIn: BUILT_IN_VOLUNTEER_TOPICS,
        noun: 'volunteer-help topic',
        listPath: '/volunteer-help-topics',
        codes: { exists: 'volunteer_topic_exists' satisfies VolunteersProblem, unknown: 'unknown_volunteer_topic' satisfies VolunteersProblem },
        audit: { action: 'volunteer_topic.added', purpose: 'plan_administration', entityType: 'volunteer_help_topic' },
      },
      'topic',
    );
  }
}
