import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { prepareDatabase } from '../../src/database/startup';
import { seedDemoData } from '../../src/demo/demo-seed';
import { UsersService } from '../../src/users/users.service';
import { createTestApp, testConfig } from '../support/test-app';
import { TEST_APP_LOGIN, testDatabaseUrl } from '../support/test-env';

/**
 * Several processes started at once on a fresh install (API and workers, a scaled deployment)
 * all come up: creating the database, migrating, creating the app's login, the admin and the demo
 * plan are each done once, while the others wait.
 */
describe('starting many processes at once on a fresh install', () => {
  it('creates, migrates and fills a new database once, however many processes start together', async () => {
    // Named after this file's database so the run's teardown removes it.
    const name = `${decodeURIComponent(new URL(testDatabaseUrl()).pathname.slice(1))}_fresh${randomBytes(2).toString('hex')}`;
    const ownerUrl = new URL(testDatabaseUrl());
    ownerUrl.pathname = `/${name}`;
    const appUrl = new URL(ownerUrl);
    appUrl.username = TEST_APP_LOGIN;
    const config = testConfig({ databaseUrl: appUrl.toString(), migrationDatabaseUrl: ownerUrl.toString(), databaseCreateIfMissing: true });

    const starts = await Promise.allSettled(Array.from({ length: 8 }, () => prepareDatabase(config)));
    expect(starts.filter((s) => s.status === 'rejected')).toEqual([]);
    expect(starts.map((s) => (s as PromiseFulfilledResult<string[]>).value.length).filter((n) => n > 0)).toHaveLength(1);

    const apps = await Promise.all([createTestApp(config), createTestApp(config)]);
    try {
      const admins = await Promise.all(
        apps.flatMap((app) => Array.from({ length: 4 }, () => app.app.get(UsersService).ensureBootstrapAdmin('admin@fresh.example', 'fjernsyn blomsterkasse regnvejr'))),
      );
      expect(admins.filter(Boolean)).toHaveLength(1);
      const seeded = await Promise.all(apps.map((app) => seedDemoData(app.app)));
      expect(seeded.filter((s) => s.created)).toHaveLength(1);
    } finally {
      await Promise.all(apps.map((app) => app.close()));
    }

    const owner = new Client({ connectionString: ownerUrl.toString() });
    await owner.connect();
    try {
      const [{ admins, plans }] = (await owner.query(`SELECT (SELECT count(*) FROM users WHERE role = 'admin')::int AS admins, (SELECT count(*) FROM plans)::int AS plans`)).rows;
      expect({ admins, plans }).toEqual({ admins: 1, plans: 1 });
    } finally {
      await owner.end();
    }
  }, 120_000);
});
