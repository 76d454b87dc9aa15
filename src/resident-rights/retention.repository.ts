import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ResidentErasure } from './resident-erasure';

export interface PlanRetention {
  planId: string;
  months: number;
}

/** The residents retention looks at, and which of them are due (RetentionService says when and why). */
@Injectable()
export class RetentionRepository {
  constructor(private readonly erasure: ResidentErasure) {}

  /** The next `size` residents not yet erased, in id order after `after`. */
  async windowAfter(manager: EntityManager, after: string, size: number): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(`SELECT id FROM residents WHERE erased_at IS NULL AND id > $1::uuid ORDER BY id LIMIT $2`, [after, size]);
    return rows.map((row) => row.id);
  }

  /**
   * Of `ids`, those due at `now` by their plan's retention, locked FOR UPDATE; a resident someone
   * else has locked is skipped (left for the next run), so nobody waits for the job.
   */
  dueAmong(manager: EntityManager, ids: string[], now: Date, plans: PlanRetention[]): Promise<{ id: string; plan_id: string }[]> {
    return manager.query(this.dueSql(), [ids, now, plans.map((p) => p.planId), plans.map((p) => p.months)]);
  }

  private dueSql(): string {
    const since = `($2::timestamptz - make_interval(months => plan.retention_months))`;
    const busy = this.erasure.parts.flatMap((part) => (part.workInProgress ? [part.workInProgress('r')] : []));
    const active = [this.erasure.record.activitySince('r', since), ...this.erasure.parts.map((part) => part.activitySince('r', since))];
    return `SELECT r.id, r.plan_id FROM residents r JOIN unnest($3::uuid[], $4::int[]) AS plan(id, retention_months) ON plan.id = r.plan_id
             WHERE r.id = ANY($1::uuid[]) AND r.erased_at IS NULL
               AND NOT (${[...busy, ...active].join('\n OR ')})
             ORDER BY r.id
             FOR UPDATE OF r SKIP LOCKED`;
  }
}
