import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_DB_ROLE } from '../app-db-role';

/**
 * The app now logs in as its own least-privilege role instead of SET ROLE from the owner's login.
 * It may read which migrations ran, so a process that does not migrate can refuse to start on a
 * schema that is behind.
 */
export class LeastPrivilegeLogin1732700000000 implements MigrationInterface {
  name = 'LeastPrivilegeLogin1732700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`GRANT SELECT ON migrations TO ${APP_DB_ROLE}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`REVOKE SELECT ON migrations FROM ${APP_DB_ROLE}`);
  }
}
