import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the job reconciler (src/jobs/reconciler.ts) needs to see, in PostgreSQL, whether accepted
 * work ended: an outbox row records when its job completed or was given up on, how often the
 * reconciler gave it another round, and, for scheduled work, which run it is (one row per run,
 * so two workers filing the same morning's reminders file one). A report knows its job.
 */
export class JobReconciliation1732900000000 implements MigrationInterface {
  name = 'JobReconciliation1732900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE outbox
      ADD COLUMN completed_at timestamptz(3),
      ADD COLUMN failed_at timestamptz(3),
      ADD COLUMN failure_retries smallint NOT NULL DEFAULT 0,
      ADD COLUMN schedule_key text,
      ADD CONSTRAINT outbox_one_job_per_scheduled_run UNIQUE (schedule_key)`);
    await q.query(`DROP INDEX outbox_pending`);
    await q.query(`CREATE INDEX outbox_pending ON outbox (created_at) WHERE dispatched_at IS NULL AND completed_at IS NULL AND failed_at IS NULL`);
    await q.query(`CREATE INDEX outbox_in_flight ON outbox (created_at, id) WHERE dispatched_at IS NOT NULL AND completed_at IS NULL AND failed_at IS NULL`);

    await q.query(`ALTER TABLE half_year_reports ADD COLUMN outbox_id uuid REFERENCES outbox(id)`);
    await q.query(`CREATE INDEX half_year_reports_open ON half_year_reports (created_at) WHERE status IN ('queued', 'running')`);

    // Linking a completed snapshot to the job that computed it changes nothing in the snapshot.
    await q.query(`ALTER TABLE half_year_reports DISABLE TRIGGER half_year_reports_immutable`);
    await q.query(`UPDATE half_year_reports r SET outbox_id = o.id
      FROM (SELECT DISTINCT ON (payload->>'reportId') id, payload->>'reportId' AS report_id FROM outbox WHERE queue = 'statistics' ORDER BY payload->>'reportId', created_at) o
      WHERE o.report_id = r.id::text`);
    await q.query(`ALTER TABLE half_year_reports ENABLE TRIGGER half_year_reports_immutable`);
    // Jobs whose report already ended are finished: the reconciler must not hand them to the queue again.
    await q.query(`UPDATE outbox o SET completed_at = COALESCE(r.completed_at, o.dispatched_at, now())
      FROM half_year_reports r WHERE r.outbox_id = o.id AND r.status = 'completed'`);
    await q.query(`UPDATE outbox o SET failed_at = COALESCE(o.dispatched_at, now()), last_error = left(r.failure_reason, 500)
      FROM half_year_reports r WHERE r.outbox_id = o.id AND r.status = 'failed'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX half_year_reports_open`);
    await q.query(`ALTER TABLE half_year_reports DROP COLUMN outbox_id`);
    await q.query(`DROP INDEX outbox_in_flight`);
    await q.query(`DROP INDEX outbox_pending`);
    await q.query(`CREATE INDEX outbox_pending ON outbox (created_at) WHERE dispatched_at IS NULL`);
    await q.query(`ALTER TABLE outbox DROP CONSTRAINT outbox_one_job_per_scheduled_run,
      DROP COLUMN completed_at, DROP COLUMN failed_at, DROP COLUMN failure_retries, DROP COLUMN schedule_key`);
  }
}
