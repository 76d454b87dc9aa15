import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { PlanActor } from '../access/actor';
import { AuditWriter } from '../audit/audit-writer';
import { PlanVocabulary } from '../plan-vocabulary/plan-vocabulary';
import { UnitOfWork } from '../database/unit-of-work';
import { BUILT_IN_ACTIVITY_KINDS } from './activity-kinds';
import type { ActivitiesProblem } from './activities-problems';
import type { ActivityKindPage, ActivityKindResponse } from './dto/activity-response.dto';
import { ActivityKind } from './entities/activity-kind.entity';

export const ACTIVITIES_PURPOSE = 'activities';

/** The kinds a plan's activities have: the built-in ones and the plan's own. */
@Injectable()
export class ActivityKindsService {
  private readonly vocabulary: PlanVocabulary;

  constructor(
    private readonly uow: UnitOfWork,
    @InjectDataSource() private readonly dataSource: DataSource,
    audit: AuditWriter,
  ) {
    this.vocabulary = new PlanVocabulary(
      {
        entity: ActivityKind,
        builtIn: BUILT_IN_ACTIVITY_KINDS,
        noun: 'kind',
        listPath: '/activity-kinds',
        codes: { exists: 'activity_kind_exists' satisfies ActivitiesProblem, unknown: 'unknown_activity_kind' satisfies ActivitiesProblem },
        audit: { action: 'activity_kind.added', purpose: ACTIVITIES_PURPOSE, entityType: 'activity_kind' },
      },
      audit,
    );
  }

  async list(planId: string): Promise<ActivityKindPage> {
    return { items: await this.vocabulary.list(this.dataSource.manager, planId), nextCursor: null };
  }

  add(actor: PlanActor, key: string, label: string): Promise<ActivityKindResponse> {
    return this.uow.run((manager) => this.vocabulary.add(manager, actor, key, label));
  }

  /** A kind the plan knows, or a 400 that names the field. */
  assertKnown(manager: EntityManager, planId: string, key: string): Promise<void> {
    return this.vocabulary.assertKnown(manager, planId, key, 'kind');
  }

  /** The label of every kind of the plan, built-in ones from activity-kinds.ts; one query for any number of rows. */
  labels(manager: EntityManager, planId: string): Promise<(key: string) => string> {
    return this.vocabulary.labels(manager, planId);
  }
}
