import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditWriter } from '../audit/audit-writer';
import { PlanVocabularyService } from '../plan-vocabulary/plan-vocabulary.service';
import { UnitOfWork } from '../database/unit-of-work';
import { CounsellingTopic } from './entities/counselling-topic.entity';
import { BUILT_IN_TOPICS } from './topics';
import type { CounsellingProblem } from './counselling-problems';

/** The topics a plan's counsellors choose from: the built-in ones and the plan's own. */
@Injectable()
export class CounsellingTopicsService extends PlanVocabularyService {
  constructor(uow: UnitOfWork, @InjectDataSource() dataSource: DataSource, audit: AuditWriter) {
    super(
      uow,
      dataSource,
      audit,
      {
        entity: CounsellingTopic,
        builtIn: BUILT_IN_TOPICS,
        noun: 'topic',
        listPath: '/counselling-topics',
        codes: { exists: 'topic_exists' satisfies CounsellingProblem, unknown: 'unknown_topic' satisfies CounsellingProblem },
        audit: { action: 'counselling_topic.added', purpose: 'counselling', entityType: 'counselling_topic' },
      },
      'topic',
    );
  }
}
