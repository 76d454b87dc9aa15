/**
 * The least-privilege PostgreSQL role the application runs as (via SET ROLE at connect).
 * Migrations run as the connecting user; the app role may not rewrite the audit log.
 */
export const APP_DB_ROLE = 'helhedsplan_app';
