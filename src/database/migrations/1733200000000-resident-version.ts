import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Optimistic concurrency on residents (architecture.md, issue 8): two people editing one record
 * see a 409 `stale_version` instead of overwriting each other unseen. Existing rows start at 1.
 */
export class ResidentVersion1733200000000 implements MigrationInterface {
  name = 'ResidentVersion1733200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE residents ADD COLUMN version integer NOT NULL DEFAULT 1`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE residents DROP COLUMN version`);
  }
}
