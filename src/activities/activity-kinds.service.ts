import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { PlanActor } from '../access/actor';
import { AuditWriter } from '../audit/audit-writer';
import { Conflict, InvalidInput } from '../common/domain-errors';
import { UnitOfWork } from '../database/unit-of-work';
import { BUILT_IN_ACTIVITY_KINDS, isBuiltInActivityKind } from './activity-kinds';
import { ActivityKindsRepository } from './activity-kinds.repository';
import type { ActivitiesProblem } from './activities-problems';
import type { ActivityKindPage, ActivityKindResponse } from './dto/activity-response.dto';

export const ACTIVITIES_PURPOSE = 'activities';

/** The kinds a plan's activities have: the built-in ones and the plan's own. */
@Injectable()
export class ActivityKindsService {
  constructor(
    private readonly uow: UnitOfWork,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly kinds: ActivityKindsRepository,
    private readonly audit: AuditWriter,
  ) {}

  async list(planId: string): Promise<ActivityKindPage> {
    const own = await this.kinds.ofPlan(this.dataSource.manager, planId);
    const builtIn = Object.entries(BUILT_IN_ACTIVITY_KINDS).map(([key, label]) => ({ key, label, builtIn: true }));
    return { items: [...builtIn, ...own.map((k) => ({ key: k.key, label: k.label, builtIn: false }))], nextCursor: null };
  }

  async add(actor: PlanActor, key: string, label: string): Promise<ActivityKindResponse> {
    return this.uow.run(async (manager) => {
      const saved = isBuiltInActivityKind(key) ? undefined : await this.kinds.add(manager, actor.planId, key, label);
      if (!saved) throw new Conflict(`The activity kind "${key}" already exists`, { code: 'activity_kind_exists' satisfies ActivitiesProblem });
      await this.audit.record(actor, { action: 'activity_kind.added', purpose: ACTIVITIES_PURPOSE, entityType: 'activity_kind', entityId: saved.id }, manager);
      return { key: saved.key, label: saved.label, builtIn: false };
    });
  }

  /** A kind the plan knows, or a 400 that names the field. */
  async assertKnown(manager: EntityManager, planId: string, key: string): Promise<void> {
    if (isBuiltInActivityKind(key) || (await this.kinds.exists(manager, planId, key))) return;
    throw new InvalidInput([{ field: 'kind', message: `kind "${key}" is neither a built-in kind nor one of your plan's own (GET /activity-kinds)` }], 'unknown_activity_kind' satisfies ActivitiesProblem);
  }

  /** The label of every kind of the plan, built-in ones from activity-kinds.ts; one query for any number of rows. */
  async labels(manager: EntityManager, planId: string): Promise<(key: string) => string> {
    const own = new Map((await this.kinds.ofPlan(manager, planId)).map((k) => [k.key, k.label]));
    return (key) => (isBuiltInActivityKind(key) ? BUILT_IN_ACTIVITY_KINDS[key] : (own.get(key) ?? key));
  }
}
