import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** The statements of an outreach list's retention sweep (outreach-retention.service.ts), each in the caller's transaction. */
@Injectable()
export class OutreachRetentionRepository {
  /** Lists whose names are held past their retention at `now`, oldest first, locked; a list someone is writing to (FOR SHARE) is skipped. */
  async lockDue(manager: EntityManager, now: Date, limit: number): Promise<string[]> {
    const due: { id: string }[] = await manager.query(
      `SELECT id FROM outreach_lists
        WHERE names_deleted_at IS NULL AND created_at + make_interval(days => retention_days) <= $1
        ORDER BY created_at, id LIMIT $2
        FOR UPDATE SKIP LOCKED`,
      [now, limit],
    );
    return due.map((l) => l.id);
  }

  /** The lists' attempts as counts per list, Danish day and outcome, added to any kept before. */
  async tallyAttempts(manager: EntityManager, listIds: string[]): Promise<void> {
    await manager.query(
      `INSERT INTO outreach_attempt_tallies (plan_id, list_id, day, outcome, attempts)
       SELECT plan_id, list_id, (at AT TIME ZONE 'Europe/Copenhagen')::date, outcome, count(*)
         FROM outreach_attempts WHERE list_id = ANY($1::uuid[])
        GROUP BY 1, 2, 3, 4
       ON CONFLICT (list_id, day, outcome) DO UPDATE SET attempts = outreach_attempt_tallies.attempts + EXCLUDED.attempts`,
      [listIds],
    );
  }

  /** Deletes the lists' attempts and people and marks the lists; how many of each went. */
  async forgetNames(manager: EntityManager, listIds: string[], now: Date): Promise<{ people: number; attempts: number }> {
    const [, attempts] = (await manager.query(`DELETE FROM outreach_attempts WHERE list_id = ANY($1::uuid[])`, [listIds])) as [unknown, number];
    const [, people] = (await manager.query(`DELETE FROM outreach_people WHERE list_id = ANY($1::uuid[])`, [listIds])) as [unknown, number];
    await manager.query(`UPDATE outreach_lists SET names_deleted_at = $2 WHERE id = ANY($1::uuid[])`, [listIds, now]);
    return { people, attempts };
  }
}
