import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export interface OutboxRow {
  id: string;
  queue: string;
  job_name: string;
  payload: object;
}

export interface InFlightRow extends OutboxRow {
  created_at: Date;
  dispatched_at: Date;
  failure_retries: number;
}

/** Still waiting: neither completed nor given up on. */
const OPEN = 'completed_at IS NULL AND failed_at IS NULL';

/** The outbox table's SQL, for the outbox, its relay and the reconciler. */
@Injectable()
export class OutboxRepository {
  async insert(manager: EntityManager, queue: string, jobName: string, payload: object): Promise<string> {
    const [row]: { id: string }[] = await manager.query(`INSERT INTO outbox (queue, job_name, payload) VALUES ($1, $2, $3) RETURNING id`, [
      queue,
      jobName,
      JSON.stringify(payload),
    ]);
    return row.id;
  }

  /** Whether the row was filed now: the unique schedule key makes a second filing a no-op. */
  async insertScheduled(manager: EntityManager, scheduleKey: string, queue: string, jobName: string, payload: object): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO outbox (queue, job_name, payload, schedule_key) VALUES ($1, $2, $3, $4) ON CONFLICT (schedule_key) DO NOTHING RETURNING id`,
      [queue, jobName, JSON.stringify(payload), scheduleKey],
    );
    return rows.length > 0;
  }

  async markCompleted(manager: EntityManager, id: string): Promise<void> {
    await manager.query(`UPDATE outbox SET completed_at = now() WHERE id = $1 AND ${OPEN}`, [id]);
  }

  async markFailed(manager: EntityManager, ids: string[], reason: string): Promise<void> {
    await manager.query(`UPDATE outbox SET failed_at = now(), last_error = $2 WHERE id = ANY($1) AND ${OPEN}`, [ids, reason.slice(0, 500)]);
  }

  /**
   * Rows not yet handed to the queue, oldest first, locked for the caller's transaction; rows another
   * relay holds are skipped, and so are rows for queues this process does not know (a newer version's,
   * during a rolling deploy): they wait for a process that knows them instead of holding back the rest.
   */
  claimUndispatched(manager: EntityManager, limit: number, queues: readonly string[]): Promise<OutboxRow[]> {
    return manager.query(
      `SELECT id, queue, job_name, payload FROM outbox WHERE dispatched_at IS NULL AND ${OPEN} AND queue = ANY($2) ORDER BY created_at LIMIT $1 FOR UPDATE SKIP LOCKED`,
      [limit, queues],
    );
  }

  async markDispatched(manager: EntityManager, id: string): Promise<void> {
    await manager.query(`UPDATE outbox SET dispatched_at = now(), attempts = attempts + 1, last_error = NULL WHERE id = $1`, [id]);
  }

  async recordDispatchFailure(manager: EntityManager, id: string, message: string): Promise<void> {
    await manager.query(`UPDATE outbox SET attempts = attempts + 1, last_error = $2 WHERE id = $1`, [id, message.slice(0, 500)]);
  }

  /** Dispatched rows still open, in (created_at, id) order after `after`: the reconciler walks them page by page. */
  inFlightAfter(manager: EntityManager, after: { createdAt: Date; id: string }, limit: number): Promise<InFlightRow[]> {
    return manager.query(
      `SELECT id, queue, job_name, payload, created_at, dispatched_at, failure_retries FROM outbox
        WHERE dispatched_at IS NOT NULL AND ${OPEN} AND (created_at, id) > ($1, $2)
        ORDER BY created_at, id LIMIT $3`,
      [after.createdAt, after.id, limit],
    );
  }

  /**
   * Hands the row to the relay again, unless it changed since it was read (dispatched again,
   * completed or failed meanwhile); whether it did.
   */
  async undispatch(manager: EntityManager, row: InFlightRow, note: string, afterFailure: boolean): Promise<boolean> {
    const updated: [unknown[], number] = await manager.query(
      `UPDATE outbox SET dispatched_at = NULL, last_error = $3, failure_retries = failure_retries + $4
        WHERE id = $1 AND dispatched_at = $2 AND ${OPEN}`,
      [row.id, row.dispatched_at, note.slice(0, 500), afterFailure ? 1 : 0],
    );
    return updated[1] > 0;
  }
}
