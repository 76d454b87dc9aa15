import type { Client } from 'pg';
import { APP_DB_ROLE } from './app-db-role';

/**
 * The app logs in as its own least-privilege role. It holds the privileges of APP_DB_ROLE (the
 * group role the migrations grant to) and nothing more: it owns no table, is no superuser and is
 * a member of no role that is, so `SET ROLE NONE`, `SET ROLE postgres` or `RESET SESSION
 * AUTHORIZATION` lead nowhere, and the append-only audit log and consent ledger stay so.
 * Migrations run as a separate login (the schema owner).
 */

/** Creates or updates the app's login from DATABASE_URL, as the schema owner (`owner` is connected with MIGRATION_DATABASE_URL). */
export async function provisionAppLogin(owner: Client, appDatabaseUrl: string): Promise<void> {
  const url = new URL(appDatabaseUrl);
  const login = decodeURIComponent(url.username);
  const password = url.password ? decodeURIComponent(url.password) : undefined;
  if (!login) throw new Error('DATABASE_URL names no user: the app must log in as its own least-privilege role');
  const { rows } = await owner.query<{ owner: boolean; superuser: boolean }>(
    `SELECT $1 = current_user AS owner, COALESCE((SELECT rolsuper FROM pg_roles WHERE rolname = $1), false) AS superuser`,
    [login],
  );
  if (rows[0].owner || rows[0].superuser) {
    throw new Error(`DATABASE_URL logs in as "${login}", which owns the schema or is a superuser: give the app its own login (see README, "Configuration")`);
  }
  await ignoringRace(owner.query(`SELECT 1 FROM pg_roles WHERE rolname = $1`, [login]).then(async ({ rowCount }) => {
    if (!rowCount) await owner.query(await sql(owner, `CREATE ROLE %I LOGIN`, login));
  }));
  await owner.query(await sql(owner, `ALTER ROLE %I WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS INHERIT`, login));
  if (password) await owner.query(await sql(owner, `ALTER ROLE %I PASSWORD %L`, login, password));
  if (login !== APP_DB_ROLE) await ignoringRace(owner.query(await sql(owner, `GRANT ${APP_DB_ROLE} TO %I`, login)));
}

/** Roles are shared by every database of a server: two installs (or test runs) may create the same one at once. */
async function ignoringRace(work: Promise<unknown>): Promise<void> {
  try {
    await work;
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code !== '42710' /* duplicate_object */ && code !== '23505' /* unique_violation */ && code !== 'XX000' /* tuple concurrently updated */) throw error;
  }
}

/** DDL takes no parameters: quote names and literals with PostgreSQL's own format(). */
async function sql(client: Client, template: string, ...args: string[]): Promise<string> {
  const placeholders = args.map((_, i) => `$${i + 2}::text`).join(', ');
  const { rows } = await client.query<{ statement: string }>(`SELECT format($1, ${placeholders}) AS statement`, [template, ...args]);
  return rows[0].statement;
}

export interface LoginPrivileges {
  login: string;
  superuser: boolean;
  createsRoles: boolean;
  bypassesRowSecurity: boolean;
  /** Whether the login owns, or can become the owner of, a table of the schema. */
  ownsTables: boolean;
  /** Roles the login may switch to that are more than the app role. */
  privilegedMemberships: string[];
}

/** What the app's own connection may do, read from that connection. */
export const LOGIN_PRIVILEGES_SQL = `
  SELECT r.rolname AS login, r.rolsuper AS superuser, r.rolcreaterole AS "createsRoles", r.rolbypassrls AS "bypassesRowSecurity",
         EXISTS (SELECT 1 FROM pg_tables t WHERE t.schemaname = 'public' AND pg_has_role(session_user, t.tableowner, 'MEMBER')) AS "ownsTables",
         ARRAY(SELECT g.rolname::text FROM pg_roles g
                WHERE g.rolname <> session_user AND g.rolname <> '${APP_DB_ROLE}' AND pg_has_role(session_user, g.oid, 'MEMBER')
                  AND g.rolname NOT LIKE 'pg\\_%') AS "privilegedMemberships"
    FROM pg_roles r WHERE r.rolname = session_user`;

/** Why a login is not fit to run the app, or null when it is least-privilege. */
export function privilegeProblem(p: LoginPrivileges): string | null {
  const reasons = [
    p.superuser && 'is a superuser',
    p.createsRoles && 'can create roles',
    p.bypassesRowSecurity && 'bypasses row security',
    p.ownsTables && 'owns the schema\'s tables',
    p.privilegedMemberships.length > 0 && `can switch to ${p.privilegedMemberships.join(', ')}`,
  ].filter(Boolean);
  if (!reasons.length) return null;
  return (
    `DATABASE_URL logs in as "${p.login}", which ${reasons.join(' and ')}: with it the app could rewrite the audit log. ` +
    'Give the app its own login (DATABASE_URL) and run migrations with the owner (MIGRATION_DATABASE_URL); see README, "Configuration".'
  );
}
