import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { MIGRATIONS } from './migrations';

/** Creates the database named in the URL when it does not exist yet (local defaults, fresh CI machines). */
export async function ensureDatabaseExists(databaseUrl: string): Promise<void> {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.replace(/^\//, ''));
  if (!name) return;
  url.pathname = '/postgres';
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) {
      await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
    }
  } catch (error) {
    // Another process may have created it between our check and our CREATE.
    if ((error as { code?: string }).code !== '42P04') throw error;
  } finally {
    await client.end();
  }
}

/** Runs pending migrations as the connecting user (the schema owner), each in its own transaction. */
export async function runMigrations(databaseUrl: string): Promise<string[]> {
  const dataSource = new DataSource({
    type: 'postgres',
    url: databaseUrl,
    migrations: MIGRATIONS,
    migrationsTransactionMode: 'each',
    logging: ['error'],
  });
  await dataSource.initialize();
  const lock = dataSource.createQueryRunner();
  try {
    // Two processes starting together must not both migrate.
    await lock.query('SELECT pg_advisory_lock(7413001)');
    const ran = await dataSource.runMigrations();
    return ran.map((m) => m.name);
  } finally {
    await lock.query('SELECT pg_advisory_unlock(7413001)').catch(() => undefined);
    await lock.release();
    await dataSource.destroy();
  }
}
