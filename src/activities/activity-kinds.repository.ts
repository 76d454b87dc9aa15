import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ActivityKind } from './entities/activity-kind.entity';

/** The activity_kinds table: the kinds a plan adds next to the built-in ones. */
@Injectable()
export class ActivityKindsRepository {
  ofPlan(manager: EntityManager, planId: string): Promise<ActivityKind[]> {
    return manager.getRepository(ActivityKind).find({ where: { planId }, order: { key: 'ASC' } });
  }

  exists(manager: EntityManager, planId: string, key: string): Promise<boolean> {
    return manager.getRepository(ActivityKind).existsBy({ planId, key });
  }

  /** The new kind, or undefined when a concurrent call added the same key first. */
  async add(manager: EntityManager, planId: string, key: string, label: string): Promise<ActivityKind | undefined> {
    const result = await manager.createQueryBuilder().insert().into(ActivityKind).values({ planId, key, label }).orIgnore().returning('*').execute();
    const row = result.raw[0] as { id: string; plan_id: string; key: string; label: string; created_at: Date } | undefined;
    return row && Object.assign(new ActivityKind(), { id: row.id, planId: row.plan_id, key: row.key, label: row.label, createdAt: row.created_at });
  }
}
