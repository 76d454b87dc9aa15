import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Staff sign-in (issue 9): multi-factor authentication and single sign-on.
 * - sessions remember how and when the user authenticated (amr, authenticated_at), so that the
 *   most sensitive reads can ask for a recent second factor, and which provider signed them in;
 *   a single sign-on session ends at expires_at (within a working day) whatever its refresh tokens say.
 * - mfa_totp: one authenticator app per user; the secret is encrypted by the service (AES-GCM) and
 *   the last accepted time step is kept so that no code is accepted twice.
 * - mfa_passkeys: WebAuthn credentials with their signature counters.
 * - mfa_recovery_codes: ten single-use codes per user; only their hashes.
 * - external_identities: a provider's subject linked to a user. The issuer and the provider's
 *   stable subject identify the person; an e-mail address never does.
 * - users.password_hash may be empty: an account made by single sign-on has no password.
 */
export class StaffSignIn1733500000000 implements MigrationInterface {
  name = 'StaffSignIn1733500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users ALTER COLUMN password_hash DROP NOT NULL`);
    await q.query(`
      ALTER TABLE sessions
        ADD COLUMN authenticated_at timestamptz(3) NOT NULL DEFAULT now(),
        ADD COLUMN amr text[] NOT NULL DEFAULT '{pwd}',
        ADD COLUMN provider text,
        ADD COLUMN expires_at timestamptz(3)`);
    await q.query(`
      CREATE TABLE mfa_totp (
        user_id uuid PRIMARY KEY REFERENCES users(id),
        secret_ciphertext text NOT NULL,
        confirmed_at timestamptz(3),
        last_time_step bigint,
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE mfa_passkeys (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id),
        credential_id text NOT NULL UNIQUE,
        public_key bytea NOT NULL,
        counter bigint NOT NULL DEFAULT 0 CHECK (counter >= 0),
        transports text[] NOT NULL DEFAULT '{}',
        name text NOT NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        last_used_at timestamptz(3)
      )`);
    await q.query(`CREATE INDEX mfa_passkeys_user ON mfa_passkeys (user_id)`);
    await q.query(`
      CREATE TABLE mfa_recovery_codes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id),
        code_hash text NOT NULL,
        used_at timestamptz(3),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        UNIQUE (user_id, code_hash)
      )`);
    await q.query(`
      CREATE TABLE external_identities (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id),
        provider_id text NOT NULL,
        issuer text NOT NULL,
        subject text NOT NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        last_sign_in_at timestamptz(3),
        UNIQUE (issuer, subject)
      )`);
    await q.query(`CREATE INDEX external_identities_user ON external_identities (user_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE external_identities`);
    await q.query(`DROP TABLE mfa_recovery_codes`);
    await q.query(`DROP TABLE mfa_passkeys`);
    await q.query(`DROP TABLE mfa_totp`);
    await q.query(`ALTER TABLE sessions DROP COLUMN expires_at, DROP COLUMN provider, DROP COLUMN amr, DROP COLUMN authenticated_at`);
    await q.query(`UPDATE users SET password_hash = '!' WHERE password_hash IS NULL`);
    await q.query(`ALTER TABLE users ALTER COLUMN password_hash SET NOT NULL`);
  }
}
