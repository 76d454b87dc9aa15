import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 20 (logout and leavers): a session opened by single sign-on remembers whom the provider
 * signed in (`sso_subject`: the OIDC `sub` or the SAML NameID) and the provider's own session
 * (`sso_session_id`: the OIDC `sid`, the SAML SessionIndex), so a logout that starts at the
 * provider (SAML single logout, OpenID Connect back-channel logout) ends exactly our sessions
 * from that sign-in at the provider, or every session of that person from it.
 */
export class SsoSessionLinks1733900000000 implements MigrationInterface {
  name = 'SsoSessionLinks1733900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE sessions ADD COLUMN sso_subject text, ADD COLUMN sso_session_id text`);
    await q.query(`ALTER TABLE sessions ADD CONSTRAINT sessions_sso_subject_has_provider CHECK (sso_subject IS NULL OR provider IS NOT NULL)`);
    await q.query(`ALTER TABLE sessions ADD CONSTRAINT sessions_sso_session_has_subject CHECK (sso_session_id IS NULL OR sso_subject IS NOT NULL)`);
    // A logout names the provider and the subject (and perhaps its session); only open sessions matter.
    await q.query(`CREATE INDEX sessions_open_by_sso_subject ON sessions (provider, sso_subject) WHERE revoked_at IS NULL AND sso_subject IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX sessions_open_by_sso_subject`);
    await q.query(`ALTER TABLE sessions DROP CONSTRAINT sessions_sso_session_has_subject, DROP CONSTRAINT sessions_sso_subject_has_provider`);
    await q.query(`ALTER TABLE sessions DROP COLUMN sso_session_id, DROP COLUMN sso_subject`);
  }
}
