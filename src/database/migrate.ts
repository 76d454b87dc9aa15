import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { provisionAppLogin } from './app-login';
import { MIGRATIONS } from './migrations';

// Several processes may start at once on a fresh install (API and workers, or a scaled-out
// deployment): each step below is serialised by a PostgreSQL advisory lock, so they queue instead
// of racing to create the database, migrate, or create the app's login.
const CREATE_DATABASE_LOCK = 7413000;
const MIGRATION_LOCK = 7413001;

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Creates the database named in the URL when it does not exist yet (local defaults, fresh CI machines). */
export async function ensureDatabaseExists(databaseUrl: string): Promise<void> {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.replace(/^\//, ''));
  if (!name) return;
  url.pathname = '/postgres';
  await withClient(url.toString(), async (client) => {
    await client.query('SELECT pg_advisory_lock($1)', [CREATE_DATABASE_LOCK]);
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) {
      try {
        await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
      } catch (error) {
        // A process that does not take the lock (an older version, a person) may have been quicker.
        const code = (error as { code?: string }).code;
        if (code !== '42P04' /* duplicate_database */ && code !== '23505' /* unique_violation */) throw error;
      }
    }
  });
}

/**
 * Runs pending migrations as the schema owner, each in its own transaction, then creates or
 * updates the app's least-privilege login (from `appDatabaseUrl`), all under one lock.
 */
export async function runMigrations(migrationDatabaseUrl: string, appDatabaseUrl?: string): Promise<string[]> {
  const dataSource = new DataSource({
    type: 'postgres',
    url: migrationDatabaseUrl,
    migrations: MIGRATIONS,
    migrationsTransactionMode: 'each',
    logging: ['error'],
  });
  await dataSource.initialize();
  const lock = dataSource.createQueryRunner();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    const ran = await dataSource.runMigrations();
    if (appDatabaseUrl) await withClient(migrationDatabaseUrl, (owner) => provisionAppLogin(owner, appDatabaseUrl));
    return ran.map((m) => m.name);
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await lock.release();
    await dataSource.destroy();
  }
}

/** The migrations this build knows that the database has not run (for processes that do not migrate themselves). */
export async function pendingMigrations(databaseUrl: string): Promise<string[]> {
  return withClient(databaseUrl, async (client) => {
    const known = MIGRATIONS.map((m) => new m().name ?? m.name);
    const { rows } = await client.query<{ name: string }>('SELECT name FROM migrations');
    const ran = new Set(rows.map((r) => r.name));
    return known.filter((name) => !ran.has(name));
  });
}
