import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_DB_ROLE } from '../app-db-role';

/**
 * The foundation schema: plans (tenants), people, residents, counselling and the audit log.
 * Every plan-owned table carries plan_id. The app runs as APP_DB_ROLE, which may not
 * UPDATE, DELETE or TRUNCATE audit rows; a trigger refuses it even for the owner.
 */
export class Foundation1732300000000 implements MigrationInterface {
  name = 'Foundation1732300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      DO $$ BEGIN
        CREATE ROLE ${APP_DB_ROLE} NOLOGIN;
      EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
      END $$`);
    // The connecting (migrating) user must be able to SET ROLE to the app role.
    await q.query(`DO $$ BEGIN
        EXECUTE format('GRANT ${APP_DB_ROLE} TO %I', current_user);
      EXCEPTION WHEN others THEN NULL;
      END $$`);

    await q.query(`
      CREATE TABLE plans (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        municipality text NOT NULL,
        valid_from date NOT NULL,
        valid_to date NOT NULL,
        guardian_consent_below_age smallint NOT NULL DEFAULT 15,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT plans_period CHECK (valid_to >= valid_from)
      )`);
    await q.query(`
      CREATE TABLE housing_areas (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL REFERENCES plans(id),
        name text NOT NULL,
        job_programme_eligible boolean NOT NULL DEFAULT false,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT housing_areas_name_unique UNIQUE (plan_id, name)
      )`);
    await q.query(`
      CREATE TABLE organisations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL REFERENCES plans(id),
        name text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('municipal','housing_association','school','employer','other')),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT organisations_name_unique UNIQUE (plan_id, name)
      )`);
    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid REFERENCES plans(id),
        organisation_id uuid REFERENCES organisations(id),
        email text NOT NULL,
        name text NOT NULL,
        role text NOT NULL CHECK (role IN ('admin','leader','counsellor','social_worker','caseworker')),
        password_hash text NOT NULL,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT users_admin_has_no_plan CHECK ((role = 'admin') = (plan_id IS NULL)),
        CONSTRAINT users_caseworker_has_organisation CHECK (role <> 'caseworker' OR organisation_id IS NOT NULL)
      )`);
    await q.query(`CREATE UNIQUE INDEX users_email_unique ON users (lower(email))`);
    await q.query(`CREATE INDEX users_plan ON users (plan_id)`);

    await q.query(`
      CREATE TABLE refresh_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id),
        family_id uuid NOT NULL,
        secret_hash text NOT NULL,
        expires_at timestamptz(3) NOT NULL,
        used_at timestamptz(3),
        revoked_at timestamptz(3),
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX refresh_tokens_family ON refresh_tokens (family_id)`);

    await q.query(`
      CREATE TABLE residents (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL REFERENCES plans(id),
        housing_area_id uuid NOT NULL REFERENCES housing_areas(id),
        compartment text NOT NULL CHECK (compartment IN ('counselling','job_programmes')),
        anonymous boolean NOT NULL,
        pseudonym text,
        first_name text,
        last_name text,
        birth_date date,
        birth_year smallint,
        gender text NOT NULL DEFAULT 'unknown' CHECK (gender IN ('female','male','other','unknown')),
        phone text,
        email text,
        registered_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT residents_anonymous_carry_no_identity CHECK (NOT anonymous OR (
          first_name IS NULL AND last_name IS NULL AND birth_date IS NULL AND phone IS NULL AND email IS NULL AND pseudonym IS NOT NULL)),
        CONSTRAINT residents_named_have_a_name CHECK (anonymous OR first_name IS NOT NULL OR last_name IS NOT NULL),
        CONSTRAINT residents_pseudonym_unique UNIQUE (plan_id, pseudonym)
      )`);
    await q.query(`CREATE INDEX residents_plan_compartment ON residents (plan_id, compartment, created_at DESC, id DESC)`);

    await q.query(`
      CREATE TABLE guardians (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL REFERENCES plans(id),
        resident_id uuid NOT NULL REFERENCES residents(id),
        name text NOT NULL,
        relation text NOT NULL CHECK (relation IN ('mother','father','guardian','other')),
        phone text,
        email text,
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX guardians_resident ON guardians (resident_id)`);

    await q.query(`
      CREATE TABLE counselling_topics (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL REFERENCES plans(id),
        key text NOT NULL,
        label text NOT NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT counselling_topics_key_unique UNIQUE (plan_id, key)
      )`);

    await q.query(`
      CREATE TABLE counselling_cases (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL REFERENCES plans(id),
        resident_id uuid NOT NULL REFERENCES residents(id),
        topic text NOT NULL,
        subject text,
        form text NOT NULL CHECK (form IN ('open_drop_in','appointment','outreach','job_cafe','event')),
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open','closed')),
        opened_at timestamptz(3) NOT NULL,
        closed_at timestamptz(3),
        outcome text,
        opened_by uuid NOT NULL REFERENCES users(id),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT counselling_cases_closed_has_time CHECK ((status = 'closed') = (closed_at IS NOT NULL)),
        CONSTRAINT counselling_cases_close_after_open CHECK (closed_at IS NULL OR closed_at >= opened_at)
      )`);
    // The counting rule at the source (001_* footnote 7): one open case per resident and topic,
    // so a matter can never be counted twice, even under concurrent requests.
    await q.query(
      `CREATE UNIQUE INDEX counselling_cases_one_open_per_topic ON counselling_cases (resident_id, topic) WHERE status = 'open'`,
    );
    await q.query(`CREATE INDEX counselling_cases_plan_opened ON counselling_cases (plan_id, opened_at DESC, id DESC)`);
    await q.query(`CREATE INDEX counselling_cases_resident ON counselling_cases (resident_id)`);

    await q.query(`
      CREATE TABLE counselling_contacts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL REFERENCES plans(id),
        case_id uuid NOT NULL REFERENCES counselling_cases(id),
        occurred_at timestamptz(3) NOT NULL,
        channel text NOT NULL CHECK (channel IN ('in_person','phone','email','home_visit','video')),
        duration_minutes integer CHECK (duration_minutes IS NULL OR duration_minutes BETWEEN 0 AND 1440),
        with_appointment boolean,
        note text,
        recorded_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX counselling_contacts_case ON counselling_contacts (case_id, occurred_at)`);
    await q.query(`CREATE INDEX counselling_contacts_plan_occurred ON counselling_contacts (plan_id, occurred_at)`);

    await q.query(`
      CREATE TABLE counselling_referrals (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL REFERENCES plans(id),
        case_id uuid NOT NULL REFERENCES counselling_cases(id),
        organisation_id uuid REFERENCES organisations(id),
        recipient_name text,
        reason text,
        referred_at timestamptz(3) NOT NULL,
        recorded_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT counselling_referrals_has_recipient CHECK (organisation_id IS NOT NULL OR recipient_name IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX counselling_referrals_case ON counselling_referrals (case_id)`);

    await q.query(`
      CREATE TABLE audit_events (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        occurred_at timestamptz(3) NOT NULL DEFAULT clock_timestamp(),
        plan_id uuid,
        actor_id uuid,
        actor_role text,
        action text NOT NULL,
        resident_id uuid,
        entity_type text,
        entity_id uuid,
        purpose text NOT NULL,
        request_id text
      )`);
    await q.query(`CREATE INDEX audit_events_plan_time ON audit_events (plan_id, occurred_at DESC, id DESC)`);
    await q.query(`CREATE INDEX audit_events_resident ON audit_events (resident_id, occurred_at DESC)`);
    await q.query(`
      CREATE FUNCTION audit_events_are_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_events is append-only' USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`CREATE TRIGGER audit_events_no_update_delete BEFORE UPDATE OR DELETE ON audit_events
      FOR EACH ROW EXECUTE FUNCTION audit_events_are_append_only()`);
    await q.query(`CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
      FOR EACH STATEMENT EXECUTE FUNCTION audit_events_are_append_only()`);

    await q.query(`GRANT USAGE ON SCHEMA public TO ${APP_DB_ROLE}`);
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${APP_DB_ROLE}`);
    await q.query(`REVOKE UPDATE, DELETE, TRUNCATE ON audit_events FROM ${APP_DB_ROLE}`);
    await q.query(`GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO ${APP_DB_ROLE}`);
    await q.query(`REVOKE ALL ON migrations FROM ${APP_DB_ROLE}`);
    // Tables of later migrations are usable by the app role unless that migration revokes something.
    await q.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${APP_DB_ROLE}`);
    await q.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE ON SEQUENCES TO ${APP_DB_ROLE}`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'audit_events',
      'counselling_referrals',
      'counselling_contacts',
      'counselling_cases',
      'counselling_topics',
      'guardians',
      'residents',
      'refresh_tokens',
      'users',
      'organisations',
      'housing_areas',
      'plans',
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
    await q.query(`DROP FUNCTION audit_events_are_append_only()`);
  }
}
