import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 20 (go-live): the second factor and sign-in hardened.
 * - mfa_user_state: one row per user who has tried or changed a second factor. It counts failed
 *   second-factor attempts at sign-in in PostgreSQL (Redis only slows guessing down, and
 *   forgets): after MFA_LOCK_AFTER_FAILURES in a row (src/auth/mfa/mfa-lockouts.ts) the factor is
 *   locked until a leader or the admin resets it; a success sets the count back to 0. The row is
 *   also what a sign-in attempt, an enrolment and a reset of the same user lock, so they happen
 *   one after the other (an enrolment challenge cannot add a factor beside one just added).
 * - audit_events.details: how a sign-in-related event happened (address, user agent, provider,
 *   method, NSIS level, the IdP's message id, outcome), for the leader's sign-in log. Addresses
 *   are staff's personal data: kept here, never in application logs.
 * - audit_events_sign_in: the leader's filter `?kind=sign_in` reads only these rows, which are
 *   few beside the reads of residents' data.
 */
export class SignInHardening1733910000000 implements MigrationInterface {
  name = 'SignInHardening1733910000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE mfa_user_state (
        user_id uuid PRIMARY KEY REFERENCES users(id),
        failures integer NOT NULL DEFAULT 0 CHECK (failures >= 0),
        last_failure_at timestamptz(3),
        locked_at timestamptz(3)
      )`);
    await q.query(`ALTER TABLE audit_events ADD COLUMN details jsonb`);
    await q.query(`CREATE INDEX audit_events_sign_in ON audit_events (plan_id, occurred_at DESC, id DESC) WHERE action LIKE 'auth.%'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX audit_events_sign_in`);
    await q.query(`ALTER TABLE audit_events DROP COLUMN details`);
    await q.query(`DROP TABLE mfa_user_state`);
  }
}
