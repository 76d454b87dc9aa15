import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_DB_ROLE } from '../app-db-role';

const NEW_TABLES = ['half_year_reports', 'outbox', 'plan_indicators', 'reminders'];

/**
 * Half-year report snapshots, the outbox that hands work to the queue, the plan's indicators
 * (delmål) and reminders. A completed report is an immutable snapshot: a new run is a new version.
 */
export class StatisticsQueueIndicatorsReminders1732500000000 implements MigrationInterface {
  name = 'StatisticsQueueIndicatorsReminders1732500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE plans
      ADD COLUMN job_programme_target_per_year integer NOT NULL DEFAULT 18 CHECK (job_programme_target_per_year >= 0),
      ADD COLUMN suppression_threshold smallint NOT NULL DEFAULT 5 CHECK (suppression_threshold BETWEEN 1 AND 50)`);

    await q.query(`
      CREATE TABLE half_year_reports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL REFERENCES plans(id),
        year smallint NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        half smallint NOT NULL CHECK (half IN (1, 2)),
        version integer NOT NULL,
        status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued','running','completed','failed')),
        progress smallint NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
        interim boolean NOT NULL,
        trigger text NOT NULL CHECK (trigger IN ('requested','scheduled')),
        parameters jsonb NOT NULL,
        result jsonb,
        failure_reason text,
        attempts integer NOT NULL DEFAULT 0,
        requested_by uuid REFERENCES users(id),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        started_at timestamptz(3),
        completed_at timestamptz(3),
        CONSTRAINT half_year_reports_version_unique UNIQUE (plan_id, year, half, version),
        CONSTRAINT half_year_reports_completed_has_result CHECK (status <> 'completed' OR result IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX half_year_reports_plan_created ON half_year_reports (plan_id, created_at DESC, id DESC)`);
    // The schedule files each plan's previous half-year once, however many workers run it.
    await q.query(`CREATE UNIQUE INDEX half_year_reports_one_scheduled ON half_year_reports (plan_id, year, half) WHERE trigger = 'scheduled'`);
    await q.query(`
      CREATE FUNCTION half_year_reports_snapshot_is_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          RAISE EXCEPTION 'half-year reports are kept: run a new version instead' USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF OLD.status = 'completed' THEN
          RAISE EXCEPTION 'a completed half-year report is an immutable snapshot: run a new version instead' USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF NEW.plan_id <> OLD.plan_id OR NEW.year <> OLD.year OR NEW.half <> OLD.half OR NEW.version <> OLD.version OR NEW.parameters <> OLD.parameters THEN
          RAISE EXCEPTION 'a report''s period, version and parameters are fixed when it is requested' USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER half_year_reports_immutable BEFORE UPDATE OR DELETE ON half_year_reports
      FOR EACH ROW EXECUTE FUNCTION half_year_reports_snapshot_is_immutable()`);

    await q.query(`
      CREATE TABLE outbox (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        queue text NOT NULL,
        job_name text NOT NULL,
        payload jsonb NOT NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        dispatched_at timestamptz(3),
        attempts integer NOT NULL DEFAULT 0,
        last_error text
      )`);
    await q.query(`CREATE INDEX outbox_pending ON outbox (created_at) WHERE dispatched_at IS NULL`);

    await q.query(`
      CREATE TABLE plan_indicators (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL REFERENCES plans(id),
        goal text NOT NULL,
        indicator text NOT NULL,
        unit text NOT NULL,
        baseline numeric,
        baseline_year smallint,
        data_source text NOT NULL,
        target numeric,
        metric text CHECK (metric IN ('job_programmes_started','ordinary_job_share','counselling_cases_started','counselling_unique_residents')),
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX plan_indicators_plan ON plan_indicators (plan_id, created_at)`);

    await q.query(`
      CREATE TABLE reminders (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL REFERENCES plans(id),
        kind text NOT NULL CHECK (kind IN ('evaluation_due','consent_expiring')),
        role text NOT NULL CHECK (role IN ('counsellor','social_worker')),
        resident_id uuid NOT NULL REFERENCES residents(id),
        subject_type text NOT NULL,
        subject_id uuid NOT NULL,
        due_on date NOT NULL,
        message text NOT NULL,
        computed_at timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT reminders_one_per_subject UNIQUE (kind, subject_id)
      )`);
    await q.query(`CREATE INDEX reminders_plan_role ON reminders (plan_id, role, due_on)`);

    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ${NEW_TABLES.join(', ')} TO ${APP_DB_ROLE}`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [...NEW_TABLES].reverse()) await q.query(`DROP TABLE ${table}`);
    await q.query(`DROP FUNCTION half_year_reports_snapshot_is_immutable()`);
    await q.query(`ALTER TABLE plans DROP COLUMN job_programme_target_per_year, DROP COLUMN suppression_threshold`);
  }
}
