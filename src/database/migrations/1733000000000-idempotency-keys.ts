import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_DB_ROLE } from '../app-db-role';

/**
 * Idempotency-Key (api.md conventions): the first answer to a user's POST with a key, so a retry
 * gets it again instead of writing twice. Written in the transaction of the write it answers.
 *
 * The stored body is the answer as sent, so it can hold personal data (a resident's name and
 * phone, a contact's note). It is kept only for the 24 hours a client may retry in, then deleted
 * by the job reconciler's sweep (src/idempotency/expired-keys-sweep.ts), and only the app role
 * may read it. The request is kept as a SHA-256 fingerprint, never as its body.
 */
export class IdempotencyKeys1733000000000 implements MigrationInterface {
  name = 'IdempotencyKeys1733000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE idempotency_keys (
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        key text NOT NULL CHECK (char_length(key) BETWEEN 1 AND 255),
        fingerprint text NOT NULL,
        status_code smallint NOT NULL CHECK (status_code BETWEEN 200 AND 299),
        response_body json,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, key)
      )`);
    // The sweep deletes by age.
    await q.query(`CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at)`);
    // The foundation's default privileges already grant this; said here so the table's readers are plain.
    await q.query(`REVOKE ALL ON idempotency_keys FROM PUBLIC`);
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON idempotency_keys TO ${APP_DB_ROLE}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE idempotency_keys`);
  }
}
