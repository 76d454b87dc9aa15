/**
 * The group role that holds the application's privileges: the migrations grant to it, and the
 * app's own login (DATABASE_URL) is, or is a member of, it. It may not rewrite the audit log or
 * the consent ledger. Migrations run as the schema owner (MIGRATION_DATABASE_URL).
 */
export const APP_DB_ROLE = 'helhedsplan_app';
