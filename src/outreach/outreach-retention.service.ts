import { Injectable, Logger } from '@nestjs/common';
import { UnitOfWork } from '../database/unit-of-work';

export interface OutreachRetentionRun {
  lists: number;
  people: number;
  attempts: number;
}

/**
 * An outreach list's own retention (issue 23, part 5): the names come from the municipality for
 * one round of door-to-door outreach, so once a list is `retention_days` old its people and their
 * attempts are deleted. What the half-year report counts survives as tallies per list, Danish
 * day and outcome, so a report run later shows the same figures.
 *
 * One transaction per batch of lists, locked FOR UPDATE SKIP LOCKED: a list someone is adding to
 * right now (they hold it FOR SHARE) is left for the next run; nobody waits for the sweep.
 */
@Injectable()
export class OutreachRetentionService {
  private readonly logger = new Logger(OutreachRetentionService.name);

  constructor(private readonly uow: UnitOfWork) {}

  async run(now = new Date(), batchSize = 100): Promise<OutreachRetentionRun> {
    const run: OutreachRetentionRun = { lists: 0, people: 0, attempts: 0 };
    for (;;) {
      const batch = await this.uow.inNewTransaction(async (manager) => {
        const due: { id: string }[] = await manager.query(
          `SELECT id FROM outreach_lists
            WHERE names_deleted_at IS NULL AND created_at + make_interval(days => retention_days) <= $1
            ORDER BY created_at, id LIMIT $2
            FOR UPDATE SKIP LOCKED`,
          [now, batchSize],
        );
        const ids = due.map((l) => l.id);
        if (ids.length === 0) return { lists: 0, people: 0, attempts: 0 };
        await manager.query(
          `INSERT INTO outreach_attempt_tallies (plan_id, list_id, day, outcome, attempts)
           SELECT plan_id, list_id, (at AT TIME ZONE 'Europe/Copenhagen')::date, outcome, count(*)
             FROM outreach_attempts WHERE list_id = ANY($1::uuid[])
            GROUP BY 1, 2, 3, 4
           ON CONFLICT (list_id, day, outcome) DO UPDATE SET attempts = outreach_attempt_tallies.attempts + EXCLUDED.attempts`,
          [ids],
        );
        const [, attempts] = (await manager.query(`DELETE FROM outreach_attempts WHERE list_id = ANY($1::uuid[])`, [ids])) as [unknown, number];
        const [, people] = (await manager.query(`DELETE FROM outreach_people WHERE list_id = ANY($1::uuid[])`, [ids])) as [unknown, number];
        await manager.query(`UPDATE outreach_lists SET names_deleted_at = $2 WHERE id = ANY($1::uuid[])`, [ids, now]);
        return { lists: ids.length, people, attempts };
      });
      run.lists += batch.lists;
      run.people += batch.people;
      run.attempts += batch.attempts;
      if (batch.lists < batchSize) break;
    }
    if (run.lists > 0) this.logger.log(run, 'deleted the names on outreach lists past their retention');
    return run;
  }
}
