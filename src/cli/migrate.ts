import 'reflect-metadata';
import { ConfigurationError, loadConfig } from '../config/app-config';
import { prepareDatabase } from '../database/startup';

/**
 * `npm run migrate`: creates the database if needed, runs pending migrations and provisions the
 * app's login, as the schema owner (MIGRATION_DATABASE_URL). For deployments where the app
 * processes themselves get no owner login.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  if (!config.migrationDatabaseUrl) throw new ConfigurationError('MIGRATION_DATABASE_URL is not set: migrations run as the schema owner');
  const ran = await prepareDatabase(config);
  console.log(ran.length ? `Ran ${ran.join(', ')}.` : 'The database is up to date.');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
