import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_DB_ROLE } from '../app-db-role';

/*
 * The values of src/residents/referred-from.ts and of the referral and internship states, spelled
 * out: a migration is frozen history, so it never imports a list that may grow later.
 */
const REFERRED_FROM_CHECK = `IN ('school','youth_service','housing_staff','partner','self','other')`;
const REFERRAL_STATUS_CHECK = `IN ('sent','accepted','rejected','completed','revoked')`;

/**
 * Issue 12, parts 4-6:
 * - Where a resident came from (`referred_from`) on counselling cases and job programmes: optional,
 *   so existing rows stay as they are (unknown).
 * - Referral follow-up: a referral's current status on the row (existing referrals were sent, so
 *   they start as `sent`), and its history in counselling_referral_status_changes. The history is a
 *   record of what happened: the app may add to it and blank a note (an erasure), never rewrite it.
 * - Internships for adults (praktikpladser, 004_*): one running internship per resident and
 *   employer, enforced by a partial unique index as well as by the service.
 */
export class ReferralFollowUpAndInternships1733810000000 implements MigrationInterface {
  name = 'ReferralFollowUpAndInternships1733810000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE counselling_cases ADD COLUMN referred_from text CONSTRAINT counselling_cases_referred_from CHECK (referred_from ${REFERRED_FROM_CHECK})`);
    await q.query(`ALTER TABLE job_programmes ADD COLUMN referred_from text CONSTRAINT job_programmes_referred_from CHECK (referred_from ${REFERRED_FROM_CHECK})`);

    await q.query(`ALTER TABLE counselling_referrals
      ADD COLUMN status text NOT NULL DEFAULT 'sent' CONSTRAINT counselling_referrals_status CHECK (status ${REFERRAL_STATUS_CHECK}),
      ADD COLUMN status_changed_at timestamptz(3),
      ADD COLUMN version integer NOT NULL DEFAULT 1`);
    // A caseworker's list: the referrals to their organisation, newest first, by status.
    await q.query(`CREATE INDEX counselling_referrals_recipient ON counselling_referrals (plan_id, organisation_id, referred_at DESC, id DESC)`);
    await q.query(`CREATE INDEX counselling_referrals_plan ON counselling_referrals (plan_id, referred_at DESC, id DESC)`);
    await q.query(`
      CREATE TABLE counselling_referral_status_changes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL REFERENCES plans(id),
        referral_id uuid NOT NULL REFERENCES counselling_referrals(id),
        from_status text NOT NULL CHECK (from_status ${REFERRAL_STATUS_CHECK}),
        to_status text NOT NULL CHECK (to_status ${REFERRAL_STATUS_CHECK} AND to_status <> 'sent'),
        note text,
        changed_by uuid NOT NULL REFERENCES users(id),
        changed_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX counselling_referral_status_changes_referral ON counselling_referral_status_changes (referral_id, changed_at)`);
    await q.query(`GRANT SELECT, INSERT ON counselling_referral_status_changes TO ${APP_DB_ROLE}`);
    await q.query(`REVOKE UPDATE, DELETE, TRUNCATE ON counselling_referral_status_changes FROM ${APP_DB_ROLE}`);
    // An erasure blanks the note, the only free text about the resident in the history.
    await q.query(`GRANT UPDATE (note) ON counselling_referral_status_changes TO ${APP_DB_ROLE}`);

    await q.query(`
      CREATE TABLE internships (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL REFERENCES plans(id),
        resident_id uuid NOT NULL REFERENCES residents(id),
        employer_id uuid NOT NULL REFERENCES employers(id),
        starts_on date NOT NULL,
        ends_on date NOT NULL,
        hours_per_week numeric(4,1) NOT NULL CONSTRAINT internships_hours CHECK (hours_per_week BETWEEN 1 AND 37),
        referred_from text CONSTRAINT internships_referred_from CHECK (referred_from ${REFERRED_FROM_CHECK}),
        ended_on date,
        outcome text CONSTRAINT internships_outcome CHECK (outcome IN ('job','education','ended')),
        ended_by uuid REFERENCES users(id),
        version integer NOT NULL DEFAULT 1,
        created_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT internships_period CHECK (ends_on > starts_on),
        CONSTRAINT internships_ended_with_outcome CHECK ((ended_on IS NULL) = (outcome IS NULL) AND (ended_on IS NULL) = (ended_by IS NULL)),
        CONSTRAINT internships_ended_not_before_start CHECK (ended_on IS NULL OR ended_on >= starts_on)
      )`);
    await q.query(`CREATE UNIQUE INDEX internships_one_running ON internships (resident_id, employer_id) WHERE ended_on IS NULL`);
    await q.query(`CREATE INDEX internships_plan ON internships (plan_id, created_at DESC, id DESC)`);
    // Retention and the resident's copy ask for one resident's internships.
    await q.query(`CREATE INDEX internships_resident ON internships (resident_id)`);
    await q.query(`CREATE INDEX internships_employer ON internships (employer_id)`);
    await q.query(`GRANT SELECT, INSERT, UPDATE ON internships TO ${APP_DB_ROLE}`);
    await q.query(`REVOKE DELETE, TRUNCATE ON internships FROM ${APP_DB_ROLE}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE internships`);
    await q.query(`DROP TABLE counselling_referral_status_changes`);
    await q.query(`DROP INDEX counselling_referrals_plan`);
    await q.query(`DROP INDEX counselling_referrals_recipient`);
    await q.query(`ALTER TABLE counselling_referrals DROP COLUMN version, DROP COLUMN status_changed_at, DROP COLUMN status`);
    await q.query(`ALTER TABLE job_programmes DROP COLUMN referred_from`);
    await q.query(`ALTER TABLE counselling_cases DROP COLUMN referred_from`);
  }
}
