import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { PlanActor } from '../access/actor';
import { AuditWriter } from '../audit/audit-writer';
import { PlanVocabulary } from '../plan-vocabulary/plan-vocabulary';
import { UnitOfWork } from '../database/unit-of-work';
import type { TopicPage, TopicResponse } from './dto/counselling-response.dto';
import { CounsellingTopic } from './entities/counselling-topic.entity';
import { BUILT_IN_TOPICS } from './topics';
import type { CounsellingProblem } from './counselling-problems';

/** The topics a plan's counsellors choose from: the built-in ones and the plan's own. */
@Injectable()
export class CounsellingTopicsService {
  private readonly vocabulary: PlanVocabulary;

  constructor(
    private readonly uow: UnitOfWork,
    @InjectDataSource() private readonly dataSource: DataSource,
    audit: AuditWriter,
  ) {
    this.vocabulary = new PlanVocabulary(
      {
        entity: CounsellingTopic,
        builtIn: BUILT_IN_TOPICS,
        noun: 'topic',
        listPath: '/counselling-topics',
        codes: { exists: 'topic_exists' satisfies CounsellingProblem, unknown: 'unknown_topic' satisfies CounsellingProblem },
        audit: { action: 'counselling_topic.added', purpose: 'counselling', entityType: 'counselling_topic' },
      },
      audit,
    );
  }

  async list(planId: string): Promise<TopicPage> {
    return { items: await this.vocabulary.list(this.dataSource.manager, planId), nextCursor: null };
  }

  add(actor: PlanActor, key: string, label: string): Promise<TopicResponse> {
    return this.uow.run((manager) => this.vocabulary.add(manager, actor, key, label));
  }

  /** A topic the plan knows, or a 400 that names the field. */
  assertKnown(manager: EntityManager, planId: string, key: string, field = 'topic'): Promise<void> {
    return this.vocabulary.assertKnown(manager, planId, key, field);
  }

  /** The label of every topic of the plan, built-in ones from topics.ts; one query for any number of rows. */
  labels(manager: EntityManager, planId: string): Promise<(key: string) => string> {
    return this.vocabulary.labels(manager, planId);
  }
}
