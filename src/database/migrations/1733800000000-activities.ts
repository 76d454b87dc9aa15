import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_DB_ROLE } from '../app-db-role';

const TABLES = ['activity_kinds', 'activities', 'activity_sessions', 'activity_session_participants', 'activity_enrolments'];

/**
 * Activities of a plan besides counselling cases and job programmes (issue 12): open counselling
 * at fixed weekly times, courses with enrolments, events, network meetings, outreach (001_*-004_*).
 *
 * - `activity_kinds`: a plan's own kinds next to the built-in ones (as counselling_topics).
 * - `activity_sessions`: one occurrence with its head count; unique per activity and start, so two
 *   counsellors recording visitors at the same door add to one session (INSERT ... ON CONFLICT).
 *   The breakdowns the plans report (women/men, youth/adults) never exceed the total.
 * - `activity_session_participants`: the named residents at a session; facts the report counts
 *   (unique participants), so the app may add but never change or remove them.
 * - `activity_enrolments`: one open enrolment per resident and activity; an ended one has an outcome.
 *   `referred_from` is spelled out here (frozen history), from src/residents/referred-from.ts.
 */
export class Activities1733800000000 implements MigrationInterface {
  name = 'Activities1733800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE activity_kinds (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL REFERENCES plans(id),
        key text NOT NULL CHECK (key ~ '^[a-z][a-z0-9_]{1,39}$'),
        label text NOT NULL CHECK (length(label) BETWEEN 1 AND 100),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT activity_kinds_key_unique UNIQUE (plan_id, key)
      )`);

    await q.query(`
      CREATE TABLE activities (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL REFERENCES plans(id),
        kind text NOT NULL,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        housing_area_id uuid REFERENCES housing_areas(id),
        organisation_id uuid REFERENCES organisations(id),
        starts_on date,
        ends_on date,
        weekly_slots jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(weekly_slots) = 'array'),
        capacity integer CHECK (capacity > 0),
        rolling_intake boolean NOT NULL DEFAULT false,
        created_by uuid NOT NULL REFERENCES users(id),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT activities_dates_in_order CHECK (ends_on IS NULL OR starts_on IS NULL OR ends_on >= starts_on)
      )`);
    await q.query(`CREATE INDEX activities_plan_created ON activities (plan_id, created_at DESC, id DESC)`);

    await q.query(`
      CREATE TABLE activity_sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL REFERENCES plans(id),
        activity_id uuid NOT NULL REFERENCES activities(id),
        starts_at timestamptz(3) NOT NULL,
        ends_at timestamptz(3),
        headcount_total integer NOT NULL DEFAULT 0 CHECK (headcount_total >= 0),
        headcount_women integer CHECK (headcount_women >= 0),
        headcount_men integer CHECK (headcount_men >= 0),
        headcount_youth integer CHECK (headcount_youth >= 0),
        headcount_adults integer CHECK (headcount_adults >= 0),
        note text,
        recorded_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT activity_sessions_one_per_start UNIQUE (activity_id, starts_at),
        CONSTRAINT activity_sessions_ends_after_start CHECK (ends_at IS NULL OR ends_at > starts_at),
        CONSTRAINT activity_sessions_gender_within_total CHECK (COALESCE(headcount_women, 0) + COALESCE(headcount_men, 0) <= headcount_total),
        CONSTRAINT activity_sessions_age_within_total CHECK (COALESCE(headcount_youth, 0) + COALESCE(headcount_adults, 0) <= headcount_total)
      )`);
    // The half-year report sums a plan's sessions by their start.
    await q.query(`CREATE INDEX activity_sessions_plan_start ON activity_sessions (plan_id, starts_at)`);

    await q.query(`
      CREATE TABLE activity_session_participants (
        session_id uuid NOT NULL REFERENCES activity_sessions(id),
        resident_id uuid NOT NULL REFERENCES residents(id),
        plan_id uuid NOT NULL REFERENCES plans(id),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (session_id, resident_id)
      )`);
    await q.query(`CREATE INDEX activity_session_participants_resident ON activity_session_participants (resident_id)`);

    await q.query(`
      CREATE TABLE activity_enrolments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL REFERENCES plans(id),
        activity_id uuid NOT NULL REFERENCES activities(id),
        resident_id uuid NOT NULL REFERENCES residents(id),
        started_on date NOT NULL,
        ended_on date,
        outcome text CHECK (outcome IN ('completed', 'dropped_out', 'job', 'education', 'other')),
        referred_from text CHECK (referred_from IN ('school', 'youth_service', 'housing_staff', 'partner', 'self', 'other')),
        recorded_by uuid NOT NULL REFERENCES users(id),
        ended_by uuid REFERENCES users(id),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT activity_enrolments_ended_has_outcome CHECK ((ended_on IS NULL) = (outcome IS NULL)),
        CONSTRAINT activity_enrolments_ends_after_start CHECK (ended_on IS NULL OR ended_on >= started_on)
      )`);
    await q.query(`CREATE UNIQUE INDEX activity_enrolments_one_open ON activity_enrolments (activity_id, resident_id) WHERE ended_on IS NULL`);
    await q.query(`CREATE INDEX activity_enrolments_activity_created ON activity_enrolments (activity_id, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX activity_enrolments_resident ON activity_enrolments (resident_id)`);

    // Least privilege: nothing here is ever deleted (the default privileges would allow it).
    await q.query(`REVOKE ALL ON ${TABLES.join(', ')} FROM ${APP_DB_ROLE}`);
    await q.query(`GRANT SELECT, INSERT ON activity_kinds, activity_session_participants TO ${APP_DB_ROLE}`);
    await q.query(`GRANT SELECT, INSERT, UPDATE ON activities, activity_sessions, activity_enrolments TO ${APP_DB_ROLE}`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [...TABLES].reverse()) await q.query(`DROP TABLE ${table}`);
  }
}
