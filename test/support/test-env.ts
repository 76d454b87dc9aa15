/** Names shared by global setup, the tests and teardown; each run gets its own database and Redis prefix. */
export const TEST_ADMIN = { email: 'admin@test.helhedsplan.local', password: 'test-admin-password-123' };

/** The run's database as its owner (`postgres`): for arranging and inspecting data behind the app's back. */
export function testDatabaseUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set: run the tests through `npm test` (global setup creates the database)');
  return url;
}

/** The app's least-privilege login to the run's database, as production has it (DATABASE_URL). */
export const TEST_APP_LOGIN = 'helhedsplan_app';

export function testAppDatabaseUrl(): string {
  const url = new URL(testDatabaseUrl());
  url.username = TEST_APP_LOGIN;
  url.password = '';
  return url.toString();
}

export function testRedisPrefix(): string {
  return process.env.TEST_REDIS_PREFIX ?? 'hp-test';
}

export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
