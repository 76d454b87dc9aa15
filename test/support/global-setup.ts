import chromium from '@sparticuz/chromium';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { hashPassword } from '../../src/auth/passwords';
import { ensureDatabaseExists, runMigrations } from '../../src/database/migrate';
import { TEST_ADMIN, TEST_APP_LOGIN } from './test-env';

/**
 * One throwaway database and Redis key prefix per test run, so runs never see each other's data.
 * The database migrated here is a template: each test file gets its own copy of it
 * (per-file-database.ts), because workers relay and compute whatever work the database holds, and
 * one file's leftover jobs must not slow or change another's.
 */
export default async function globalSetup(): Promise<void> {
  const server = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432';
  const suffix = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const databaseUrl = `${server}/hp_test_${suffix}`;
  const appUrl = new URL(databaseUrl);
  appUrl.username = TEST_APP_LOGIN;
  await ensureDatabaseExists(databaseUrl);
  await runMigrations(databaseUrl, appUrl.toString());
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query(`INSERT INTO users (email, name, role, password_hash) VALUES ($1, 'Test Admin', 'admin', $2)`, [
    TEST_ADMIN.email,
    await hashPassword(TEST_ADMIN.password),
  ]);
  await client.end();
  process.env.TEST_DATABASE_URL = databaseUrl;
  process.env.TEST_TEMPLATE_DATABASE_URL = databaseUrl;
  process.env.TEST_REDIS_PREFIX = `hp-test-${suffix}`;
  // @sparticuz/chromium unpacks its browser to /tmp/chromium on first use and takes an existing file
  // as finished: two browser test files starting at once could launch a half-written binary (a
  // SIGSEGV at launch, seen with two workers). Unpacked here, once, before any worker starts.
  await chromium.executablePath();
}
