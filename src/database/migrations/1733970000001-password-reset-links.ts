import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_DB_ROLE } from '../app-db-role';

/**
 * Issue 20, review of the second-factor lockout: a reset of a user's second factor must not let
 * whoever knows the password enrol the new one (they could lock the factor on purpose, wait for
 * the reset and be first to enrol). The reset removes the local password and e-mails the user a
 * one-time link to choose a new one.
 *
 * - password_reset_links: the links, like invitations: only a hash of the token (made when the
 *   e-mail is sent), an expiry, used once; a newer reset of the same user supersedes an open one.
 *   The app may insert and update them, never delete them: they are the history of the resets.
 * - mfa_user_state.resets: how many resets the user has had. An enrolment challenge carries the
 *   number it was given under, so one handed out (for the old password) before a reset enrols nothing after it.
 */
export class PasswordResetLinks1733970000001 implements MigrationInterface {
  name = 'PasswordResetLinks1733970000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE password_reset_links (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id),
        requested_by uuid NOT NULL REFERENCES users(id),
        token_hash text,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        expires_at timestamptz(3) NOT NULL,
        sent_at timestamptz(3),
        used_at timestamptz(3),
        superseded_at timestamptz(3),
        CONSTRAINT password_reset_links_closed_once CHECK (used_at IS NULL OR superseded_at IS NULL)
      )`);
    await q.query(`CREATE UNIQUE INDEX password_reset_links_token ON password_reset_links (token_hash) WHERE token_hash IS NOT NULL`);
    await q.query(`CREATE UNIQUE INDEX password_reset_links_one_open ON password_reset_links (user_id) WHERE used_at IS NULL AND superseded_at IS NULL`);
    await q.query(`CREATE INDEX password_reset_links_unused ON password_reset_links (user_id) WHERE used_at IS NULL`);
    await q.query(`REVOKE ALL ON password_reset_links FROM ${APP_DB_ROLE}`);
    await q.query(`GRANT SELECT, INSERT ON password_reset_links TO ${APP_DB_ROLE}`);
    await q.query(`GRANT UPDATE (token_hash, sent_at, used_at, superseded_at) ON password_reset_links TO ${APP_DB_ROLE}`);

    await q.query(`ALTER TABLE mfa_user_state ADD COLUMN resets integer NOT NULL DEFAULT 0 CHECK (resets >= 0)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE mfa_user_state DROP COLUMN resets`);
    await q.query(`DROP TABLE password_reset_links`);
  }
}
