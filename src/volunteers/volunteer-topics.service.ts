import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { PlanActor } from '../access/actor';
import { AuditWriter } from '../audit/audit-writer';
import { PlanVocabulary } from '../plan-vocabulary/plan-vocabulary';
import { UnitOfWork } from '../database/unit-of-work';
import type { VolunteerTopicPage, VolunteerTopicResponse } from './dto/volunteer-help-response.dto';
import { VolunteerHelpTopic } from './entities/volunteer-help-topic.entity';
import { BUILT_IN_VOLUNTEER_TOPICS } from './volunteer-topics';
import type { VolunteersProblem } from './volunteers-problems';

/** The topics volunteers record help under: the built-in ones and the plan's own (as counselling topics). */
@Injectable()
export class VolunteerTopicsService {
  private readonly vocabulary: PlanVocabulary;

  constructor(
    private readonly uow: UnitOfWork,
    @InjectDataSource() private readonly dataSource: DataSource,
    audit: AuditWriter,
  ) {
    this.vocabulary = new PlanVocabulary(
      {
        entity: VolunteerHelpTopic,
        builtIn: BUILT_IN_VOLUNTEER_TOPICS,
        noun: 'volunteer-help topic',
        listPath: '/volunteer-help-topics',
        codes: { exists: 'volunteer_topic_exists' satisfies VolunteersProblem, unknown: 'unknown_volunteer_topic' satisfies VolunteersProblem },
        audit: { action: 'volunteer_topic.added', purpose: 'plan_administration', entityType: 'volunteer_help_topic' },
      },
      audit,
    );
  }

  async list(planId: string): Promise<VolunteerTopicPage> {
    return { items: await this.vocabulary.list(this.dataSource.manager, planId), nextCursor: null };
  }

  add(actor: PlanActor, key: string, label: string): Promise<VolunteerTopicResponse> {
    return this.uow.run((manager) => this.vocabulary.add(manager, actor, key, label));
  }

  assertKnown(manager: EntityManager, planId: string, key: string): Promise<void> {
    return this.vocabulary.assertKnown(manager, planId, key, 'topic');
  }

  labels(manager: EntityManager, planId: string): Promise<(key: string) => string> {
    return this.vocabulary.labels(manager, planId);
  }
}
