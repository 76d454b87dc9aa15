import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_DB_ROLE } from '../app-db-role';

/**
 * Issue 20, "Ready for a municipality's go-live": user management cannot be used alone to reach
 * case notes, and leavers lose access.
 *
 * - role_requests: a grant of a role that reads a compartment's notes (counsellor, social worker)
 *   or approves such grants (leader) waits here until a second person decides it. One open request
 *   per user; decided requests stay as the history (the app may not delete them).
 * - users.last_seen_at: the latest sign-in or refresh, for the nightly deactivation of unused
 *   accounts. Backfilled from what the sessions and refresh tokens show, else the account's creation.
 * - users (id, plan_id) is unique, so a plan's named approver can be checked by a foreign key to be
 *   a user of that very plan.
 * - plans: deactivate_unused_accounts_after_days (30-365, default 90), approver_user_id (for a plan
 *   with a single leader), sso_keeps_password (default false: a linked account loses its password).
 * - sessions.expires_at is now always set (an absolute lifetime for every session): open sessions
 *   without one end 12 hours after they began, the default SESSION_MAX_HOURS.
 * - Accounts linked to a single sign-on identity lose their local password (the new default), each
 *   removal audited as `user.password_removed`.
 */
export class UserApprovalsAndLeavers1733930000000 implements MigrationInterface {
  name = 'UserApprovalsAndLeavers1733930000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE role_requests (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL REFERENCES plans(id),
        user_id uuid NOT NULL REFERENCES users(id),
        role text NOT NULL CHECK (role IN ('leader','counsellor','social_worker','caseworker')),
        from_role text CHECK (from_role IN ('leader','counsellor','social_worker','caseworker')),
        activates boolean NOT NULL,
        requested_by uuid REFERENCES users(id),
        requested_at timestamptz(3) NOT NULL DEFAULT now(),
        decided_by uuid REFERENCES users(id),
        decided_at timestamptz(3),
        outcome text CHECK (outcome IN ('approved','rejected','withdrawn','superseded')),
        CONSTRAINT role_requests_decided CHECK ((decided_at IS NULL) = (outcome IS NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX role_requests_one_open ON role_requests (user_id) WHERE decided_at IS NULL`);
    await q.query(`CREATE INDEX role_requests_open_in_plan ON role_requests (plan_id) WHERE decided_at IS NULL`);
    await q.query(`REVOKE ALL ON role_requests FROM ${APP_DB_ROLE}`);
    await q.query(`GRANT SELECT, INSERT ON role_requests TO ${APP_DB_ROLE}`);
    await q.query(`GRANT UPDATE (decided_by, decided_at, outcome) ON role_requests TO ${APP_DB_ROLE}`);

    await q.query(`ALTER TABLE users ADD COLUMN last_seen_at timestamptz(3)`);
    await q.query(`
      UPDATE users u SET last_seen_at = GREATEST(u.created_at,
        (SELECT max(s.created_at) FROM sessions s WHERE s.user_id = u.id),
        (SELECT max(r.created_at) FROM refresh_tokens r WHERE r.user_id = u.id))`);
    await q.query(`ALTER TABLE users ALTER COLUMN last_seen_at SET DEFAULT now(), ALTER COLUMN last_seen_at SET NOT NULL`);
    await q.query(`CREATE INDEX users_active_last_seen ON users (plan_id, last_seen_at) WHERE active`);
    await q.query(`ALTER TABLE users ADD CONSTRAINT users_id_plan UNIQUE (id, plan_id)`);

    await q.query(`ALTER TABLE plans
      ADD COLUMN deactivate_unused_accounts_after_days smallint NOT NULL DEFAULT 90,
      ADD COLUMN approver_user_id uuid,
      ADD COLUMN sso_keeps_password boolean NOT NULL DEFAULT false,
      ADD CONSTRAINT plans_deactivate_unused_accounts_after_days CHECK (deactivate_unused_accounts_after_days BETWEEN 30 AND 365),
      ADD CONSTRAINT plans_approver_in_plan FOREIGN KEY (approver_user_id, id) REFERENCES users (id, plan_id)`);

    await q.query(`UPDATE sessions SET expires_at = created_at + interval '12 hours' WHERE expires_at IS NULL`);
    await q.query(`ALTER TABLE sessions ALTER COLUMN expires_at SET NOT NULL`);

    await q.query(`
      WITH removed AS (
        UPDATE users u SET password_hash = NULL
         WHERE u.password_hash IS NOT NULL AND EXISTS (SELECT 1 FROM external_identities e WHERE e.user_id = u.id)
        RETURNING u.id, u.plan_id)
      INSERT INTO audit_events (plan_id, actor_id, actor_role, action, resident_id, entity_type, entity_id, purpose, request_id)
      SELECT plan_id, NULL, NULL, 'user.password_removed', NULL, 'user', id, 'user_management', 'migration-${this.name}' FROM removed`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE sessions ALTER COLUMN expires_at DROP NOT NULL`);
    await q.query(`ALTER TABLE plans
      DROP CONSTRAINT plans_approver_in_plan,
      DROP CONSTRAINT plans_deactivate_unused_accounts_after_days,
      DROP COLUMN sso_keeps_password,
      DROP COLUMN approver_user_id,
      DROP COLUMN deactivate_unused_accounts_after_days`);
    await q.query(`ALTER TABLE users DROP CONSTRAINT users_id_plan`);
    await q.query(`DROP INDEX users_active_last_seen`);
    await q.query(`ALTER TABLE users DROP COLUMN last_seen_at`);
    await q.query(`DROP TABLE role_requests`);
  }
}
