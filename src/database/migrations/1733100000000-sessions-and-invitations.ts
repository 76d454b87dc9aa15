import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_DB_ROLE } from '../app-db-role';

/**
 * Sign-in hardening (issue 7):
 * - sessions: one row per login; access tokens name their session, and every request checks it is
 *   still open, so logout, refresh-token reuse, a role change or a password change end the
 *   session at once rather than when the access token runs out. The refresh-token families that
 *   exist become sessions.
 * - invitations: a leader invites a user by e-mail; the invitee sets their own password with a
 *   one-time, expiring link (only a hash of its token is kept). Users are created on acceptance.
 */
export class SessionsAndInvitations1733100000000 implements MigrationInterface {
  name = 'SessionsAndInvitations1733100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE sessions (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users(id),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        revoked_at timestamptz(3),
        revoked_reason text
      )`);
    await q.query(`CREATE INDEX sessions_user_open ON sessions (user_id) WHERE revoked_at IS NULL`);
    await q.query(`
      INSERT INTO sessions (id, user_id, created_at, revoked_at, revoked_reason)
      SELECT family_id, min(user_id::text)::uuid, min(created_at),
             CASE WHEN bool_and(revoked_at IS NOT NULL OR used_at IS NOT NULL OR expires_at <= now()) THEN now() END,
             CASE WHEN bool_and(revoked_at IS NOT NULL OR used_at IS NOT NULL OR expires_at <= now()) THEN 'ended_before_sessions' END
        FROM refresh_tokens GROUP BY family_id`);
    await q.query(`ALTER TABLE refresh_tokens ADD CONSTRAINT refresh_tokens_session FOREIGN KEY (family_id) REFERENCES sessions(id)`);

    await q.query(`
      CREATE TABLE invitations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL REFERENCES plans(id),
        email text NOT NULL,
        name text NOT NULL,
        role text NOT NULL CHECK (role IN ('leader','counsellor','social_worker','caseworker')),
        organisation_id uuid REFERENCES organisations(id),
        token_hash text,
        expires_at timestamptz(3) NOT NULL,
        invited_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        sent_at timestamptz(3),
        accepted_at timestamptz(3),
        revoked_at timestamptz(3),
        user_id uuid REFERENCES users(id),
        CONSTRAINT invitations_caseworker_has_organisation CHECK (role <> 'caseworker' OR organisation_id IS NOT NULL),
        CONSTRAINT invitations_accepted_has_user CHECK ((accepted_at IS NULL) = (user_id IS NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX invitations_one_pending_per_email ON invitations (plan_id, lower(email)) WHERE accepted_at IS NULL AND revoked_at IS NULL`);
    await q.query(`CREATE UNIQUE INDEX invitations_token ON invitations (token_hash) WHERE token_hash IS NOT NULL`);
    await q.query(`CREATE INDEX invitations_plan_created ON invitations (plan_id, created_at DESC, id DESC)`);
    await q.query(`GRANT SELECT, INSERT, UPDATE ON sessions, invitations TO ${APP_DB_ROLE}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE invitations`);
    await q.query(`ALTER TABLE refresh_tokens DROP CONSTRAINT refresh_tokens_session`);
    await q.query(`DROP TABLE sessions`);
  }
}
