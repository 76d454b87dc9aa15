import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_DB_ROLE } from '../app-db-role';

/**
 * A resident's rights (issue 11): erasure (GDPR Art. 17) and retention.
 *
 * - An erased resident is anonymous and keeps only what the statistics need: birth year, the
 *   half of the year they were born in (so that the age at the end of a half-year, and with it
 *   the age band in a re-run report, stays exactly what the birth date gave), gender and housing
 *   area. `erased_at` marks them, so retention never picks them again; `named_before_erasure`
 *   keeps a resident who was served by name out of the report's count of anonymous residents.
 * - A guardian keeps their relation (the ledger still says "given by the mother") without name,
 *   phone or e-mail: the consent ledger and signed contracts point at the row.
 * - The consent ledger stays append-only, except that an erasure may blank its free text (the
 *   consent's document reference, a withdrawal's reason) and nothing else.
 * - `plans.retention_months`: how long a resident with nothing going on is kept (default 60).
 */
export class ResidentsRights1733600000000 implements MigrationInterface {
  name = 'ResidentsRights1733600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE residents
      ADD COLUMN erased_at timestamp(3) with time zone,
      ADD COLUMN erasure_reason text CHECK (erasure_reason IN ('resident_request', 'consent_withdrawn', 'no_longer_needed', 'objection', 'unlawful_processing', 'retention')),
      ADD COLUMN birth_half smallint CHECK (birth_half IN (1, 2)),
      ADD COLUMN named_before_erasure boolean NOT NULL DEFAULT false,
      ADD CONSTRAINT residents_erased_are_anonymous CHECK (erased_at IS NULL OR anonymous),
      ADD CONSTRAINT residents_erased_have_reason CHECK ((erased_at IS NULL) = (erasure_reason IS NULL))`);

    await q.query(`ALTER TABLE guardians
      ALTER COLUMN name DROP NOT NULL,
      ADD COLUMN erased_at timestamp(3) with time zone,
      ADD CONSTRAINT guardians_named_unless_erased CHECK (erased_at IS NOT NULL OR name IS NOT NULL),
      ADD CONSTRAINT guardians_erased_carry_no_identity CHECK (erased_at IS NULL OR (name IS NULL AND phone IS NULL AND email IS NULL))`);

    await q.query(`
      CREATE OR REPLACE FUNCTION consent_ledger_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        -- An erasure blanks the ledger's free text; who gave what to whom, and when, never changes.
        IF TG_OP = 'UPDATE'
           AND to_jsonb(NEW) - 'document_reference' - 'reason' = to_jsonb(OLD) - 'document_reference' - 'reason'
           AND to_jsonb(NEW) ->> 'document_reference' IS NULL AND to_jsonb(NEW) ->> 'reason' IS NULL THEN
          RETURN NEW;
        END IF;
        RAISE EXCEPTION 'the consent ledger is append-only: withdraw a consent instead of changing it' USING ERRCODE = 'insufficient_privilege';
      END $$`);

    // The app may blank exactly the free text an erasure removes from the ledger and the phase
    // history, column by column; the rest of those rows stays beyond its reach.
    await q.query(`GRANT UPDATE (document_reference) ON consents TO ${APP_DB_ROLE}`);
    await q.query(`GRANT UPDATE (reason) ON consent_withdrawals TO ${APP_DB_ROLE}`);
    await q.query(`GRANT UPDATE (reason) ON job_programme_transitions TO ${APP_DB_ROLE}`);

    await q.query(`ALTER TABLE plans ADD COLUMN retention_months smallint NOT NULL DEFAULT 60 CHECK (retention_months BETWEEN 6 AND 240)`);

    // The access log pages a resident's events newest first by (occurred_at, id).
    await q.query(`DROP INDEX audit_events_resident`);
    await q.query(`CREATE INDEX audit_events_resident ON audit_events (resident_id, occurred_at DESC, id DESC)`);
    // Retention asks "anything recent for this resident?" of every table that holds their activity.
    await q.query(`CREATE INDEX job_programmes_resident ON job_programmes (resident_id)`);
    await q.query(`CREATE INDEX residents_not_erased ON residents (plan_id, id) WHERE erased_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX residents_not_erased`);
    await q.query(`DROP INDEX job_programmes_resident`);
    await q.query(`DROP INDEX audit_events_resident`);
    await q.query(`CREATE INDEX audit_events_resident ON audit_events (resident_id, occurred_at DESC)`);
    await q.query(`ALTER TABLE plans DROP COLUMN retention_months`);
    await q.query(`REVOKE UPDATE (reason) ON job_programme_transitions FROM ${APP_DB_ROLE}`);
    await q.query(`REVOKE UPDATE (reason) ON consent_withdrawals FROM ${APP_DB_ROLE}`);
    await q.query(`REVOKE UPDATE (document_reference) ON consents FROM ${APP_DB_ROLE}`);
    await q.query(`
      CREATE OR REPLACE FUNCTION consent_ledger_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'the consent ledger is append-only: withdraw a consent instead of changing it' USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`ALTER TABLE guardians DROP CONSTRAINT guardians_erased_carry_no_identity, DROP CONSTRAINT guardians_named_unless_erased, DROP COLUMN erased_at`);
    await q.query(`ALTER TABLE guardians ALTER COLUMN name SET NOT NULL`);
    await q.query(`ALTER TABLE residents DROP CONSTRAINT residents_erased_have_reason, DROP CONSTRAINT residents_erased_are_anonymous, DROP COLUMN birth_half, DROP COLUMN named_before_erasure, DROP COLUMN erasure_reason, DROP COLUMN erased_at`);
  }
}
