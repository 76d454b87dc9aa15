import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 20: an OpenID Connect back-channel logout token may name only the provider's session
 * (`sid`), without the person: the open sessions of that provider session are then found by it,
 * not by scanning every open session of the provider.
 */
export class SsoSessionLogoutIndex1733950000000 implements MigrationInterface {
  name = 'SsoSessionLogoutIndex1733950000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX sessions_open_by_sso_session ON sessions (provider, sso_session_id) WHERE revoked_at IS NULL AND sso_session_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX sessions_open_by_sso_session`);
  }
}
