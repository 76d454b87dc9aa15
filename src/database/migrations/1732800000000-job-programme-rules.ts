import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_DB_ROLE } from '../app-db-role';

/**
 * Issue 7 "Hardening", job programmes:
 * - a phase change keeps when it happened (`occurred_at`, the business date the half-year report
 *   counts by) apart from when it was typed (`recorded_at`); a programme enters clarification at
 *   local midnight of its start day;
 * - the employment records which guardian signed the contract, and whether the youth is still in
 *   compulsory schooling (it decides the young-worker limits from 15);
 * - the plan's school calendar (school holidays) tells school weeks from school-free weeks;
 * - a reminder kind for programmes whose guardian withdrew the participation consent.
 */
export class JobProgrammeRules1732800000000 implements MigrationInterface {
  name = 'JobProgrammeRules1732800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE job_programme_transitions ADD COLUMN recorded_at timestamptz(3)`);
    // Until now the two were the same moment.
    await q.query(`UPDATE job_programme_transitions SET recorded_at = occurred_at`);
    await q.query(`ALTER TABLE job_programme_transitions ALTER COLUMN recorded_at SET NOT NULL, ALTER COLUMN recorded_at SET DEFAULT now()`);
    // The first history row said when the programme was typed in; it started on its start day.
    await q.query(`UPDATE job_programme_transitions t SET occurred_at = (p.started_at::timestamp AT TIME ZONE 'Europe/Copenhagen')
                     FROM job_programmes p WHERE p.id = t.programme_id AND t.from_phase IS NULL`);
    // "The phase at the end of a period" reads each programme's last change by occurred_at.
    await q.query(`CREATE INDEX job_programme_transitions_plan_occurred ON job_programme_transitions (plan_id, occurred_at)`);

    await q.query(`ALTER TABLE job_programme_employments
      ADD COLUMN contract_signed_by_guardian_id uuid REFERENCES guardians(id),
      ADD COLUMN in_compulsory_schooling boolean NOT NULL DEFAULT true`);

    await q.query(`
      CREATE TABLE school_holidays (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL REFERENCES plans(id),
        name text NOT NULL CHECK (btrim(name) <> ''),
        starts_on date NOT NULL,
        ends_on date NOT NULL,
        created_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT school_holidays_period CHECK (ends_on >= starts_on)
      )`);
    await q.query(`CREATE INDEX school_holidays_plan_starts ON school_holidays (plan_id, starts_on)`);
    // Explicit, like 1732400000000: default privileges only cover tables created by the role that set them.
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON school_holidays TO ${APP_DB_ROLE}`);

    await q.query(`ALTER TABLE reminders DROP CONSTRAINT reminders_kind_check`);
    await q.query(`ALTER TABLE reminders ADD CONSTRAINT reminders_kind_check CHECK (kind IN ('evaluation_due','consent_expiring','participation_consent_withdrawn'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM reminders WHERE kind = 'participation_consent_withdrawn'`);
    await q.query(`ALTER TABLE reminders DROP CONSTRAINT reminders_kind_check`);
    await q.query(`ALTER TABLE reminders ADD CONSTRAINT reminders_kind_check CHECK (kind IN ('evaluation_due','consent_expiring'))`);

    await q.query(`DROP TABLE school_holidays`);

    await q.query(`ALTER TABLE job_programme_employments DROP COLUMN contract_signed_by_guardian_id, DROP COLUMN in_compulsory_schooling`);

    await q.query(`DROP INDEX job_programme_transitions_plan_occurred`);
    // Back to "when it was typed" for the first rows; later rows keep their business date, the closer of the two.
    await q.query(`UPDATE job_programme_transitions SET occurred_at = recorded_at WHERE from_phase IS NULL`);
    await q.query(`ALTER TABLE job_programme_transitions DROP COLUMN recorded_at`);
  }
}
