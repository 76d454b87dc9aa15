import type { AppConfig } from '../config/app-config';
import { ConfigurationError } from '../config/app-config';
import { ensureDatabaseExists, pendingMigrations, runMigrations } from './migrate';

/**
 * Everything the database needs before the app connects: created, migrated, the app's login in
 * place. Safe to run from many processes at once (each step takes an advisory lock). Without an
 * owner login (MIGRATION_DATABASE_URL, production) migrations are run elsewhere (`npm run
 * migrate`); the app then only checks that none is missing.
 */
export async function prepareDatabase(config: AppConfig): Promise<string[]> {
  if (!config.migrationDatabaseUrl) {
    const pending = await pendingMigrations(config.databaseUrl);
    if (pending.length) {
      throw new ConfigurationError(`The database lacks migrations ${pending.join(', ')}: run \`npm run migrate\` with MIGRATION_DATABASE_URL set, or set it here`);
    }
    return [];
  }
  if (config.databaseCreateIfMissing) await ensureDatabaseExists(config.migrationDatabaseUrl);
  return runMigrations(config.migrationDatabaseUrl, config.databaseUrl);
}
