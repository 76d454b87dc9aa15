import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Optimistic concurrency (architecture.md) for employers and job-programme matches: a change
 * names the version it was made on, and one made on an older read is refused (409 stale_version).
 * Existing rows start at 1.
 */
export class EmployerAndMatchVersions1733300000000 implements MigrationInterface {
  name = 'EmployerAndMatchVersions1733300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE employers ADD COLUMN version integer NOT NULL DEFAULT 1 CHECK (version >= 1)`);
    await q.query(`ALTER TABLE job_programme_matches ADD COLUMN version integer NOT NULL DEFAULT 1 CHECK (version >= 1)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE job_programme_matches DROP COLUMN version`);
    await q.query(`ALTER TABLE employers DROP COLUMN version`);
  }
}
