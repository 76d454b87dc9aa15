import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_DB_ROLE } from '../app-db-role';

/**
 * Issue 23: the job centre's own caseload in the area (002_* Varde, 004_* Sønderborg). The
 * caseworker keeps a compartment of their own (`jobcentre`), registers the people of the fremskudte
 * indsats in an effort, marks the quarters each was active in, and ends the enrolment with a reason.
 * The boligsocial staff see it only under a `share_jobcentre` consent naming their organisation.
 */
export class JobcentreEnrolments1734200000000 implements MigrationInterface {
  name = 'JobcentreEnrolments1734200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE residents DROP CONSTRAINT residents_compartment_check`);
    await q.query(`ALTER TABLE residents ADD CONSTRAINT residents_compartment_check CHECK (compartment IN ('counselling','job_programmes','jobcentre'))`);
    await q.query(`ALTER TABLE consents DROP CONSTRAINT consents_scope_check`);
    await q.query(`ALTER TABLE consents ADD CONSTRAINT consents_scope_check CHECK (scope IN ('share_counselling','share_job_programme','job_programme_participation','share_jobcentre'))`);
    await q.query(`
      CREATE TABLE jobcentre_enrolments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL REFERENCES plans(id),
        resident_id uuid NOT NULL REFERENCES residents(id),
        effort text NOT NULL CONSTRAINT jobcentre_enrolments_effort CHECK (length(effort) BETWEEN 1 AND 80),
        target_group text NOT NULL CONSTRAINT jobcentre_enrolments_target_group
          CHECK (target_group IN ('6.1','6.2','6.3','6.4','6.5','6.6','6.7','6.8','other')),
        criteria_met text[] NOT NULL DEFAULT '{}' CONSTRAINT jobcentre_enrolments_criteria
          CHECK (criteria_met <@ ARRAY['work_capacity_development','complex_problems','lives_in_area','effort_described']::text[]),
        started_on date NOT NULL,
        ended_on date,
        end_reason text CONSTRAINT jobcentre_enrolments_end_reason
          CHECK (end_reason IN ('job','education','small_job','flexjob','moved','sick','other')),
        ended_by uuid REFERENCES users(id),
        version integer NOT NULL DEFAULT 1,
        created_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT jobcentre_enrolments_ended_with_reason CHECK ((ended_on IS NULL) = (end_reason IS NULL) AND (ended_on IS NULL) = (ended_by IS NULL)),
        CONSTRAINT jobcentre_enrolments_ended_not_before_start CHECK (ended_on IS NULL OR ended_on >= started_on)
      )`);
    // One running enrolment per person and effort (the list shows a person once per effort).
    await q.query(`CREATE UNIQUE INDEX jobcentre_enrolments_one_running ON jobcentre_enrolments (resident_id, effort) WHERE ended_on IS NULL`);
    await q.query(`CREATE INDEX jobcentre_enrolments_plan ON jobcentre_enrolments (plan_id, created_at DESC, id DESC)`);
    // The figures ask which enrolments overlap a period.
    await q.query(`CREATE INDEX jobcentre_enrolments_period ON jobcentre_enrolments (plan_id, started_on, ended_on)`);
    await q.query(`CREATE INDEX jobcentre_enrolments_resident ON jobcentre_enrolments (resident_id)`);
    await q.query(`
      CREATE TABLE jobcentre_enrolment_quarters (
        enrolment_id uuid NOT NULL REFERENCES jobcentre_enrolments(id),
        plan_id uuid NOT NULL REFERENCES plans(id),
        quarter_start date NOT NULL CONSTRAINT jobcentre_quarters_first_day
          CHECK (extract(day FROM quarter_start) = 1 AND extract(month FROM quarter_start) IN (1,4,7,10)),
        active boolean NOT NULL,
        marked_by uuid NOT NULL REFERENCES users(id),
        marked_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (enrolment_id, quarter_start)
      )`);
    await q.query(`CREATE INDEX jobcentre_quarters_plan ON jobcentre_enrolment_quarters (plan_id, quarter_start) WHERE active`);
    await q.query(`GRANT SELECT, INSERT, UPDATE ON jobcentre_enrolments, jobcentre_enrolment_quarters TO ${APP_DB_ROLE}`);
    await q.query(`REVOKE DELETE, TRUNCATE ON jobcentre_enrolments, jobcentre_enrolment_quarters FROM ${APP_DB_ROLE}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE jobcentre_enrolment_quarters`);
    await q.query(`DROP TABLE jobcentre_enrolments`);
    await q.query(`ALTER TABLE consents DROP CONSTRAINT consents_scope_check`);
    await q.query(`ALTER TABLE consents ADD CONSTRAINT consents_scope_check CHECK (scope IN ('share_counselling','share_job_programme','job_programme_participation'))`);
    await q.query(`ALTER TABLE residents DROP CONSTRAINT residents_compartment_check`);
    await q.query(`ALTER TABLE residents ADD CONSTRAINT residents_compartment_check CHECK (compartment IN ('counselling','job_programmes'))`);
  }
}
