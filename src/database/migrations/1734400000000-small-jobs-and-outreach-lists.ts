import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_DB_ROLE } from '../app-db-role';

/**
 * Issue 23, parts 4 and 5.
 *
 * - Småjobs (all four seeds): an adult resident's few hours a week (1-15) with one of the plan's
 *   employers; one running småjob per resident and employer, by a partial unique index as well as
 *   the service. The age group on the first day is kept on the row, so the report counts it the
 *   same after an erasure removes the exact birth date.
 * - Outreach lists (001_* Ishøj): young people over 18 the municipality could not reach, handed
 *   over for door-to-door outreach. The names come from the municipality, so a list carries its
 *   legal basis and a short retention of its own (1-180 days); past it, the daily sweep deletes the
 *   people and their attempts and keeps only counts per day and outcome
 *   (outreach_attempt_tallies) for the half-year report. The app may delete exactly those rows.
 */
export class SmallJobsAndOutreachLists1734400000000 implements MigrationInterface {
  name = 'SmallJobsAndOutreachLists1734400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE small_jobs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL REFERENCES plans(id),
        resident_id uuid NOT NULL REFERENCES residents(id),
        employer_id uuid NOT NULL REFERENCES employers(id),
        starts_on date NOT NULL,
        hours_per_week numeric(4,1) NOT NULL CONSTRAINT small_jobs_hours CHECK (hours_per_week BETWEEN 1 AND 15),
        age_group text NOT NULL CONSTRAINT small_jobs_age_group CHECK (age_group IN ('18-29','30-64','65+','unknown')),
        ended_on date,
        outcome text CONSTRAINT small_jobs_outcome CHECK (outcome IN ('more_hours','ordinary_job','ended')),
        ended_by uuid REFERENCES users(id),
        version integer NOT NULL DEFAULT 1,
        created_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT small_jobs_ended_with_outcome CHECK ((ended_on IS NULL) = (outcome IS NULL) AND (ended_on IS NULL) = (ended_by IS NULL)),
        CONSTRAINT small_jobs_ended_not_before_start CHECK (ended_on IS NULL OR ended_on >= starts_on)
      )`);
    await q.query(`CREATE UNIQUE INDEX small_jobs_one_running ON small_jobs (resident_id, employer_id) WHERE ended_on IS NULL`);
    await q.query(`CREATE INDEX small_jobs_plan ON small_jobs (plan_id, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX small_jobs_resident ON small_jobs (resident_id)`);
    await q.query(`CREATE INDEX small_jobs_employer ON small_jobs (employer_id)`);
    // The report: started and ended in a half-year.
    await q.query(`CREATE INDEX small_jobs_plan_starts ON small_jobs (plan_id, starts_on)`);
    await q.query(`CREATE INDEX small_jobs_plan_ended ON small_jobs (plan_id, ended_on) WHERE ended_on IS NOT NULL`);
    await q.query(`GRANT SELECT, INSERT, UPDATE ON small_jobs TO ${APP_DB_ROLE}`);
    await q.query(`REVOKE DELETE, TRUNCATE ON small_jobs FROM ${APP_DB_ROLE}`);

    await q.query(`
      CREATE TABLE outreach_lists (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL REFERENCES plans(id),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        source text NOT NULL CHECK (length(source) BETWEEN 1 AND 200),
        legal_basis text NOT NULL CHECK (length(legal_basis) BETWEEN 1 AND 500),
        retention_days integer NOT NULL CONSTRAINT outreach_lists_retention CHECK (retention_days BETWEEN 1 AND 180),
        names_deleted_at timestamptz(3),
        created_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX outreach_lists_plan ON outreach_lists (plan_id, created_at DESC, id DESC)`);
    // The sweep: lists whose names are still held.
    await q.query(`CREATE INDEX outreach_lists_names_held ON outreach_lists (created_at) WHERE names_deleted_at IS NULL`);
    await q.query(`
      CREATE TABLE outreach_people (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL REFERENCES plans(id),
        list_id uuid NOT NULL REFERENCES outreach_lists(id),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        address text CHECK (length(address) BETWEEN 1 AND 300),
        birth_year integer CHECK (birth_year BETWEEN 1900 AND 2100),
        resident_id uuid REFERENCES residents(id),
        created_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX outreach_people_list ON outreach_people (list_id, created_at, id)`);
    await q.query(`CREATE INDEX outreach_people_resident ON outreach_people (resident_id) WHERE resident_id IS NOT NULL`);
    await q.query(`
      CREATE TABLE outreach_attempts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL REFERENCES plans(id),
        list_id uuid NOT NULL REFERENCES outreach_lists(id),
        person_id uuid NOT NULL REFERENCES outreach_people(id),
        at timestamptz(3) NOT NULL,
        outcome text NOT NULL CONSTRAINT outreach_attempts_outcome CHECK (outcome IN ('not_home','talked','offer_accepted','referred','declined')),
        case_id uuid REFERENCES counselling_cases(id),
        recorded_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT outreach_attempts_case_from_talk CHECK (case_id IS NULL OR outcome IN ('talked','offer_accepted'))
      )`);
    await q.query(`CREATE INDEX outreach_attempts_person ON outreach_attempts (person_id, at)`);
    await q.query(`CREATE INDEX outreach_attempts_list ON outreach_attempts (list_id)`);
    await q.query(`CREATE INDEX outreach_attempts_plan_at ON outreach_attempts (plan_id, at)`);
    await q.query(`
      CREATE TABLE outreach_attempt_tallies (
        plan_id uuid NOT NULL REFERENCES plans(id),
        list_id uuid NOT NULL REFERENCES outreach_lists(id),
        day date NOT NULL,
        outcome text NOT NULL CHECK (outcome IN ('not_home','talked','offer_accepted','referred','declined')),
        attempts integer NOT NULL CHECK (attempts > 0),
        PRIMARY KEY (list_id, day, outcome)
      )`);
    await q.query(`CREATE INDEX outreach_attempt_tallies_plan_day ON outreach_attempt_tallies (plan_id, day)`);
    await q.query(`REVOKE ALL ON outreach_lists, outreach_people, outreach_attempts, outreach_attempt_tallies FROM ${APP_DB_ROLE}`);
    await q.query(`GRANT SELECT, INSERT ON outreach_lists TO ${APP_DB_ROLE}`);
    await q.query(`GRANT UPDATE (names_deleted_at) ON outreach_lists TO ${APP_DB_ROLE}`);
    await q.query(`GRANT SELECT, INSERT, DELETE ON outreach_people, outreach_attempts TO ${APP_DB_ROLE}`);
    // resident_id: the resident registered at the door; name, address, birth year: blanked by that resident's erasure.
    await q.query(`GRANT UPDATE (resident_id, name, address, birth_year) ON outreach_people TO ${APP_DB_ROLE}`);
    await q.query(`GRANT SELECT, INSERT, UPDATE ON outreach_attempt_tallies TO ${APP_DB_ROLE}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE outreach_attempt_tallies`);
    await q.query(`DROP TABLE outreach_attempts`);
    await q.query(`DROP TABLE outreach_people`);
    await q.query(`DROP TABLE outreach_lists`);
    await q.query(`DROP TABLE small_jobs`);
  }
}
