import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_DB_ROLE } from '../app-db-role';

/**
 * Issue 22: a week's timesheet could be recorded once and never corrected. A correction is made
 * on the timesheet's `version` and replaces its hours; the hours it replaces are kept, with who
 * recorded them and when, in job_programme_timesheet_revisions (the app may add to that history,
 * never change it), as indicator values keep their earlier revisions.
 */
export class TimesheetCorrections1734000000000 implements MigrationInterface {
  name = 'TimesheetCorrections1734000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE job_programme_timesheets ADD COLUMN version integer NOT NULL DEFAULT 1 CHECK (version >= 1)`);
    await q.query(`ALTER TABLE job_programme_timesheets ADD COLUMN recorded_at timestamptz(3)`);
    await q.query(`UPDATE job_programme_timesheets SET recorded_at = created_at`);
    await q.query(`ALTER TABLE job_programme_timesheets ALTER COLUMN recorded_at SET NOT NULL, ALTER COLUMN recorded_at SET DEFAULT now()`);
    await q.query(`
      CREATE TABLE job_programme_timesheet_revisions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL REFERENCES plans(id),
        timesheet_id uuid NOT NULL REFERENCES job_programme_timesheets(id),
        version integer NOT NULL CHECK (version >= 1),
        hours numeric(4,1) NOT NULL CHECK (hours >= 0 AND hours <= 60),
        recorded_by uuid NOT NULL REFERENCES users(id),
        recorded_at timestamptz(3) NOT NULL,
        replaced_at timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT job_programme_timesheet_revisions_once UNIQUE (timesheet_id, version)
      )`);
    await q.query(`REVOKE ALL ON job_programme_timesheet_revisions FROM ${APP_DB_ROLE}`);
    await q.query(`GRANT SELECT, INSERT ON job_programme_timesheet_revisions TO ${APP_DB_ROLE}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE job_programme_timesheet_revisions`);
    await q.query(`ALTER TABLE job_programme_timesheets DROP COLUMN recorded_at, DROP COLUMN version`);
  }
}
