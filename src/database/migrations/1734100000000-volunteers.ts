import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_DB_ROLE } from '../app-db-role';

const ROLES_BEFORE = `'leader','counsellor','social_worker','caseworker'`;
const ROLES_NOW = `${ROLES_BEFORE},'volunteer'`;
/*
 * The job centre's metrics (migration 1734200000001, made at the same time on another branch) are
 * kept here too: on a database where that migration ran first, this one must not take them away;
 * where this one runs first, that one keeps active_volunteers.
 */
const METRICS_BEFORE = `'job_programmes_started','ordinary_job_share','counselling_cases_started','counselling_unique_residents','jobcentre_covered','jobcentre_activation_rate'`;

/**
 * Volunteers (issue 23, 003_* Holstebro: everyday counselling by Dansk Flygtningehjælp's volunteers).
 *
 * - The role `volunteer` on users and invitations; like a caseworker, a volunteer belongs to an
 *   organisation (the partner NGO). The trigger organisation_kind_fits_its_users already keeps any
 *   non-caseworker out of a municipal organisation.
 * - `volunteer_help`: one row per time a volunteer helped someone: when, the topic, minutes, escort.
 *   Deliberately no resident, no name and no free text column, so none can ever be stored.
 *   Newest-first per volunteer (their own list) and by plan and time (the counts).
 * - `volunteer_help_topics`: the plan's own topics next to the built-in ones (as activity_kinds).
 * - `volunteer_coordinators`: the one counsellor or social worker a plan names to follow its
 *   volunteers (who, with the leader, sees the counts).
 * - plan_indicators.metric gains `active_volunteers` (003_*'s indicator: volunteers in the support group).
 */
export class Volunteers1734100000000 implements MigrationInterface {
  name = 'Volunteers1734100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users DROP CONSTRAINT users_role_check`);
    await q.query(`ALTER TABLE users ADD CONSTRAINT users_role_check CHECK (role IN ('admin',${ROLES_NOW}))`);
    await q.query(`ALTER TABLE users ADD CONSTRAINT users_volunteer_has_organisation CHECK (role <> 'volunteer' OR organisation_id IS NOT NULL)`);
    await q.query(`ALTER TABLE invitations DROP CONSTRAINT invitations_role_check`);
    await q.query(`ALTER TABLE invitations ADD CONSTRAINT invitations_role_check CHECK (role IN (${ROLES_NOW}))`);
    await q.query(`ALTER TABLE invitations ADD CONSTRAINT invitations_volunteer_has_organisation CHECK (role <> 'volunteer' OR organisation_id IS NOT NULL)`);

    await q.query(`
      CREATE TABLE volunteer_help_topics (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL REFERENCES plans(id),
        key text NOT NULL CHECK (key ~ '^[a-z][a-z0-9_]{1,39}$'),
        label text NOT NULL CHECK (length(label) BETWEEN 1 AND 100),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT volunteer_help_topics_key_unique UNIQUE (plan_id, key)
      )`);

    await q.query(`
      CREATE TABLE volunteer_help (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL REFERENCES plans(id),
        volunteer_id uuid NOT NULL REFERENCES users(id),
        activity_id uuid REFERENCES activities(id),
        occurred_at timestamptz(3) NOT NULL,
        topic text NOT NULL CHECK (topic ~ '^[a-z][a-z0-9_]{1,39}$'),
        minutes smallint CHECK (minutes BETWEEN 1 AND 480),
        escort boolean NOT NULL DEFAULT false,
        version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX volunteer_help_own ON volunteer_help (volunteer_id, occurred_at DESC, id DESC)`);
    await q.query(`CREATE INDEX volunteer_help_plan_time ON volunteer_help (plan_id, occurred_at)`);

    await q.query(`
      CREATE TABLE volunteer_coordinators (
        plan_id uuid PRIMARY KEY REFERENCES plans(id),
        user_id uuid NOT NULL REFERENCES users(id),
        named_by uuid NOT NULL REFERENCES users(id),
        named_at timestamptz(3) NOT NULL DEFAULT now()
      )`);

    await q.query(`ALTER TABLE plan_indicators DROP CONSTRAINT plan_indicators_metric_check`);
    await q.query(`ALTER TABLE plan_indicators ADD CONSTRAINT plan_indicators_metric_check CHECK (metric IN (${METRICS_BEFORE},'active_volunteers'))`);

    await q.query(`REVOKE ALL ON volunteer_help_topics, volunteer_help, volunteer_coordinators FROM ${APP_DB_ROLE}`);
    await q.query(`GRANT SELECT, INSERT ON volunteer_help_topics TO ${APP_DB_ROLE}`);
    // A volunteer corrects or removes their own entry of the same day (a slip of the thumb on a phone).
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON volunteer_help, volunteer_coordinators TO ${APP_DB_ROLE}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE plan_indicators DROP CONSTRAINT plan_indicators_metric_check`);
    await q.query(`ALTER TABLE plan_indicators ADD CONSTRAINT plan_indicators_metric_check CHECK (metric IN (${METRICS_BEFORE}))`);
    await q.query(`DROP TABLE volunteer_coordinators`);
    await q.query(`DROP TABLE volunteer_help`);
    await q.query(`DROP TABLE volunteer_help_topics`);
    await q.query(`ALTER TABLE invitations DROP CONSTRAINT invitations_volunteer_has_organisation`);
    await q.query(`ALTER TABLE invitations DROP CONSTRAINT invitations_role_check`);
    await q.query(`ALTER TABLE invitations ADD CONSTRAINT invitations_role_check CHECK (role IN (${ROLES_BEFORE}))`);
    await q.query(`ALTER TABLE users DROP CONSTRAINT users_volunteer_has_organisation`);
    await q.query(`ALTER TABLE users DROP CONSTRAINT users_role_check`);
    await q.query(`ALTER TABLE users ADD CONSTRAINT users_role_check CHECK (role IN ('admin',${ROLES_BEFORE}))`);
  }
}
