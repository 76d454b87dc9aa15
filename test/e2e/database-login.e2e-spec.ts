import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource, QueryRunner } from 'typeorm';
import { createTestApp, type TestApp } from '../support/test-app';
import { TEST_APP_LOGIN, testDatabaseUrl } from '../support/test-env';

/**
 * The app logs in as a least-privilege role, separate from the schema owner that runs the
 * migrations: from its own connection it cannot regain privileges and rewrite the audit log.
 */
describe("the app's database login", () => {
  let t: TestApp;
  let runner: QueryRunner;

  beforeAll(async () => {
    t = await createTestApp();
    runner = t.app.get<DataSource>(getDataSourceToken()).createQueryRunner();
    await runner.connect();
  });
  afterAll(async () => {
    await runner.release();
    await t.close();
  });

  async function sqlState(statement: string): Promise<string | undefined> {
    try {
      await runner.query(statement);
      return undefined;
    } catch (error) {
      return (error as { driverError?: { code?: string } }).driverError?.code;
    }
  }

  it('is the least-privilege login, not the owner, even after SET ROLE NONE', async () => {
    await runner.query('SET ROLE NONE');
    const [who] = await runner.query(`SELECT current_user AS "current", session_user AS "session", (SELECT rolsuper FROM pg_roles WHERE rolname = session_user) AS superuser`);
    expect(who).toEqual({ current: TEST_APP_LOGIN, session: TEST_APP_LOGIN, superuser: false });
  });

  it('cannot switch to the owner or a superuser', async () => {
    expect(await sqlState('SET ROLE postgres')).toBe('42501');
    expect(await sqlState('SET SESSION AUTHORIZATION postgres')).toBe('42501');
    await runner.query('RESET SESSION AUTHORIZATION');
    const [who] = await runner.query('SELECT current_user AS "current"');
    expect(who.current).toBe(TEST_APP_LOGIN);
  });

  it('cannot rewrite, empty or unprotect the audit log', async () => {
    expect(await sqlState(`UPDATE audit_events SET purpose = 'rewritten'`)).toBe('42501');
    expect(await sqlState('DELETE FROM audit_events')).toBe('42501');
    expect(await sqlState('TRUNCATE audit_events')).toBe('42501');
    expect(await sqlState('ALTER TABLE audit_events DISABLE TRIGGER ALL')).toBe('42501');
    expect(await sqlState('DROP TRIGGER audit_events_no_update_delete ON audit_events')).toBe('42501');
  });

  it('cannot change the consent ledger or grant itself more', async () => {
    expect(await sqlState('TRUNCATE consents')).toBe('42501');
    expect(await sqlState('ALTER TABLE consents DISABLE TRIGGER ALL')).toBe('42501');
    // A GRANT by a non-owner only warns and grants nothing.
    await runner.query(`GRANT UPDATE ON audit_events TO ${TEST_APP_LOGIN}`);
    const [can] = await runner.query(`SELECT has_table_privilege(session_user, 'audit_events', 'UPDATE') AS "update"`);
    expect(can.update).toBe(false);
    expect(await sqlState('CREATE ROLE intruder SUPERUSER')).toBe('42501');
  });

  it('refuses to start when DATABASE_URL is the schema owner', async () => {
    await expect(createTestApp({ databaseUrl: testDatabaseUrl() })).rejects.toThrow(/could rewrite the audit log/);
  });
});
