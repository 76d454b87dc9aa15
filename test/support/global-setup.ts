import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { hashPassword } from '../../src/auth/passwords';
import { ensureDatabaseExists, runMigrations } from '../../src/database/migrate';
import { TEST_ADMIN } from './test-env';

/** One throwaway database and Redis key prefix per test run, so runs never see each other's data. */
export default async function globalSetup(): Promise<void> {
  const server = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432';
  const suffix = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const databaseUrl = `${server}/hp_test_${suffix}`;
  await ensureDatabaseExists(databaseUrl);
  await runMigrations(databaseUrl);
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query(`INSERT INTO users (email, name, role, password_hash) VALUES ($1, 'Test Admin', 'admin', $2)`, [
    TEST_ADMIN.email,
    await hashPassword(TEST_ADMIN.password),
  ]);
  await client.end();
  process.env.TEST_DATABASE_URL = databaseUrl;
  process.env.TEST_REDIS_PREFIX = `hp-test-${suffix}`;
}
