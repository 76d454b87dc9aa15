import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_DB_ROLE } from '../app-db-role';

const NEW_TABLES = [
  'consents',
  'consent_recipients',
  'consent_withdrawals',
  'employers',
  'employer_agreements',
  'job_programmes',
  'job_programme_transitions',
  'job_programme_conversations',
  'job_programme_matches',
  'job_programme_employments',
  'job_programme_timesheets',
];

/**
 * The consent ledger, employers with their agreements, and leisure-job programmes.
 * Consent rows are a ledger: the app role may insert and read them, never change or delete
 * them; withdrawal is a new row. Timestamps keep millisecond precision, like the foundation.
 */
export class ConsentsEmployersJobProgrammes1732400000000 implements MigrationInterface {
  name = 'ConsentsEmployersJobProgrammes1732400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE consents (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL REFERENCES plans(id),
        resident_id uuid NOT NULL REFERENCES residents(id),
        scope text NOT NULL CHECK (scope IN ('share_counselling','share_job_programme','job_programme_participation')),
        given_by text NOT NULL CHECK (given_by IN ('resident','guardian')),
        guardian_id uuid REFERENCES guardians(id),
        form text NOT NULL CHECK (form IN ('oral','written')),
        given_at timestamptz(3) NOT NULL,
        expires_at timestamptz(3),
        document_reference text,
        includes_notes boolean NOT NULL DEFAULT false,
        recorded_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT consents_guardian_named CHECK ((given_by = 'guardian') = (guardian_id IS NOT NULL)),
        CONSTRAINT consents_expiry_after_given CHECK (expires_at IS NULL OR expires_at > given_at)
      )`);
    await q.query(`CREATE INDEX consents_resident_scope ON consents (resident_id, scope)`);
    await q.query(`CREATE INDEX consents_plan_created ON consents (plan_id, created_at DESC, id DESC)`);
    await q.query(`
      CREATE TABLE consent_recipients (
        consent_id uuid NOT NULL REFERENCES consents(id),
        organisation_id uuid NOT NULL REFERENCES organisations(id),
        PRIMARY KEY (consent_id, organisation_id)
      )`);
    await q.query(`CREATE INDEX consent_recipients_organisation ON consent_recipients (organisation_id, consent_id)`);
    await q.query(`
      CREATE TABLE consent_withdrawals (
        consent_id uuid PRIMARY KEY REFERENCES consents(id),
        withdrawn_at timestamptz(3) NOT NULL,
        reason text,
        recorded_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE FUNCTION consent_ledger_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'the consent ledger is append-only: withdraw a consent instead of changing it' USING ERRCODE = 'insufficient_privilege';
      END $$`);
    for (const table of ['consents', 'consent_recipients', 'consent_withdrawals']) {
      await q.query(`CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION consent_ledger_is_append_only()`);
    }

    await q.query(`
      CREATE TABLE employers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL REFERENCES plans(id),
        name text NOT NULL,
        cvr char(8),
        sector text NOT NULL CHECK (sector IN ('private','public')),
        address text,
        contact_name text,
        contact_phone text,
        contact_email text,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX employers_cvr_unique ON employers (plan_id, cvr) WHERE cvr IS NOT NULL`);
    await q.query(`CREATE INDEX employers_plan_created ON employers (plan_id, created_at DESC, id DESC)`);
    await q.query(`
      CREATE TABLE employer_agreements (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL REFERENCES plans(id),
        employer_id uuid NOT NULL REFERENCES employers(id),
        signed_at date NOT NULL,
        valid_from date NOT NULL,
        valid_to date,
        capacity integer CHECK (capacity IS NULL OR capacity > 0),
        recorded_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT employer_agreements_period CHECK (valid_to IS NULL OR valid_to >= valid_from)
      )`);
    await q.query(`CREATE INDEX employer_agreements_employer ON employer_agreements (employer_id, valid_from)`);

    await q.query(`
      CREATE TABLE job_programmes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL REFERENCES plans(id),
        resident_id uuid NOT NULL REFERENCES residents(id),
        phase text NOT NULL DEFAULT 'clarification'
          CHECK (phase IN ('clarification','matching','employment','evaluation','ordinary_job','ended')),
        started_at date NOT NULL,
        finished_at timestamptz(3),
        end_reason text,
        ordinary_job_employer_id uuid REFERENCES employers(id),
        ordinary_job_started_at date,
        version integer NOT NULL DEFAULT 1,
        created_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT job_programmes_ended_has_reason CHECK (phase <> 'ended' OR end_reason IS NOT NULL),
        CONSTRAINT job_programmes_ordinary_job_has_employer CHECK (phase <> 'ordinary_job' OR (ordinary_job_employer_id IS NOT NULL AND ordinary_job_started_at IS NOT NULL))
      )`);
    // One programme at a time per youth: finished programmes (ordinary job or ended) do not block a new one.
    await q.query(`CREATE UNIQUE INDEX job_programmes_one_open_per_youth ON job_programmes (resident_id) WHERE phase NOT IN ('ordinary_job','ended')`);
    await q.query(`CREATE INDEX job_programmes_plan_created ON job_programmes (plan_id, created_at DESC, id DESC)`);
    await q.query(`
      CREATE TABLE job_programme_transitions (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        plan_id uuid NOT NULL REFERENCES plans(id),
        programme_id uuid NOT NULL REFERENCES job_programmes(id),
        from_phase text,
        to_phase text NOT NULL,
        reason text,
        actor_id uuid NOT NULL REFERENCES users(id),
        occurred_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX job_programme_transitions_programme ON job_programme_transitions (programme_id, id)`);
    await q.query(`
      CREATE TABLE job_programme_conversations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL REFERENCES plans(id),
        programme_id uuid NOT NULL REFERENCES job_programmes(id),
        occurred_at timestamptz(3) NOT NULL,
        kind text NOT NULL CHECK (kind IN ('clarification','interview','evaluation','follow_up','incident')),
        participants text[] NOT NULL,
        note text,
        recorded_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX job_programme_conversations_programme ON job_programme_conversations (programme_id, occurred_at)`);
    await q.query(`
      CREATE TABLE job_programme_matches (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL REFERENCES plans(id),
        programme_id uuid NOT NULL REFERENCES job_programmes(id),
        employer_id uuid NOT NULL REFERENCES employers(id),
        status text NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed','interview_scheduled','accepted','declined','withdrawn')),
        interview_at timestamptz(3),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX job_programme_matches_one_accepted ON job_programme_matches (programme_id) WHERE status = 'accepted'`);
    await q.query(`CREATE INDEX job_programme_matches_programme ON job_programme_matches (programme_id)`);
    await q.query(`
      CREATE TABLE job_programme_employments (
        programme_id uuid PRIMARY KEY REFERENCES job_programmes(id),
        plan_id uuid NOT NULL REFERENCES plans(id),
        employer_id uuid NOT NULL REFERENCES employers(id),
        contract_signed_by_youth_at date,
        contract_signed_by_guardian_at date,
        start_date date NOT NULL,
        end_date date NOT NULL,
        hours_per_week numeric(4,1) NOT NULL CHECK (hours_per_week > 0 AND hours_per_week <= 40),
        exception_reason text,
        warnings jsonb NOT NULL DEFAULT '[]',
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT job_programme_employments_period CHECK (end_date >= start_date)
      )`);
    await q.query(`
      CREATE TABLE job_programme_timesheets (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL REFERENCES plans(id),
        programme_id uuid NOT NULL REFERENCES job_programmes(id),
        week_start date NOT NULL CHECK (extract(isodow FROM week_start) = 1),
        hours numeric(4,1) NOT NULL CHECK (hours >= 0 AND hours <= 60),
        warnings jsonb NOT NULL DEFAULT '[]',
        recorded_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT job_programme_timesheets_one_per_week UNIQUE (programme_id, week_start)
      )`);
    // Explicit grants: default privileges only cover tables created by the user who set them.
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ${NEW_TABLES.join(', ')} TO ${APP_DB_ROLE}`);
    for (const table of ['consents', 'consent_recipients', 'consent_withdrawals']) {
      await q.query(`REVOKE UPDATE, DELETE, TRUNCATE ON ${table} FROM ${APP_DB_ROLE}`);
    }
    // Phase history is a record of what happened; it is never rewritten.
    await q.query(`REVOKE UPDATE, DELETE, TRUNCATE ON job_programme_transitions FROM ${APP_DB_ROLE}`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [...NEW_TABLES].reverse()) {
      await q.query(`DROP TABLE ${table}`);
    }
    await q.query(`DROP FUNCTION consent_ledger_is_append_only()`);
  }
}
