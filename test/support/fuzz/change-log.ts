import { Client } from 'pg';

/**
 * Records every row the application inserts, updates or deletes, so a refused request that
 * changed anything is caught precisely. A row trigger on every table of schema public calls a
 * SECURITY DEFINER function (the app runs as a low-privilege role) that appends (table,
 * operation, audit action) to an unlogged table; `drain` reads and clears it.
 */
export interface RowChange {
  table: string;
  op: string;
  /** For audit_events: the row's action (auth.* rows may be written by refused logins, by design). */
  action: string | null;
}

const LOG = 'fuzz_change_log';
const FN = 'fuzz_log_row_change';
const TRIGGER = 'fuzz_log_row_change';

export class ChangeLog {
  private tables: string[] = [];

  private constructor(private readonly client: Client) {}

  /** Installs the log; `databaseUrl` must connect as a superuser (the test database's owner, postgres). */
  static async install(databaseUrl: string): Promise<ChangeLog> {
    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    const log = new ChangeLog(client);
    await log.install();
    return log;
  }

  private async install(): Promise<void> {
    await this.client.query(`CREATE UNLOGGED TABLE IF NOT EXISTS public.${LOG} (seq bigserial PRIMARY KEY, tbl text NOT NULL, op text NOT NULL, action text)`);
    await this.client.query(`
      CREATE OR REPLACE FUNCTION public.${FN}() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      BEGIN
        INSERT INTO public.${LOG} (tbl, op, action) VALUES (
          TG_TABLE_NAME, TG_OP,
          CASE WHEN TG_TABLE_NAME = 'audit_events' THEN to_jsonb(CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END) ->> 'action' END);
        RETURN NULL;
      END $$`);
    // Ordinary and partitioned tables, not partitions (a trigger on the parent is cloned onto them).
    const { rows } = await this.client.query<{ name: string }>(`
      SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition AND c.relname NOT IN ('${LOG}', 'migrations')
      ORDER BY 1`);
    this.tables = rows.map((r) => r.name);
    for (const table of this.tables) {
      await this.client.query(`DROP TRIGGER IF EXISTS ${TRIGGER} ON public."${table}"`);
      await this.client.query(`CREATE TRIGGER ${TRIGGER} AFTER INSERT OR UPDATE OR DELETE ON public."${table}" FOR EACH ROW EXECUTE FUNCTION public.${FN}()`);
    }
  }

  /** The tables being watched. */
  get watched(): string[] {
    return [...this.tables];
  }

  /** Every change since the last drain, oldest first; the log is empty afterwards. */
  async drain(): Promise<RowChange[]> {
    const { rows } = await this.client.query<{ tbl: string; op: string; action: string | null; seq: string }>(`DELETE FROM public.${LOG} RETURNING seq, tbl, op, action`);
    return rows.sort((a, b) => Number(a.seq) - Number(b.seq)).map((r) => ({ table: r.tbl, op: r.op, action: r.action }));
  }

  /** Removes the triggers, the function and the log table; other test files share this database. */
  async uninstall(): Promise<void> {
    try {
      for (const table of this.tables) await this.client.query(`DROP TRIGGER IF EXISTS ${TRIGGER} ON public."${table}"`);
      await this.client.query(`DROP FUNCTION IF EXISTS public.${FN}() CASCADE`);
      await this.client.query(`DROP TABLE IF EXISTS public.${LOG}`);
    } finally {
      await this.client.end();
    }
  }
}

/**
 * Rows written while a refused request runs that are not its doing: audit events of authentication
 * (auth.*), by design; the audit event of a read the access policy refused (read.refused, issue
 * 20: who tried is attributed), which is the refusal's own record and no change of data; and the outbox relay marking an earlier request's job handed over (an
 * UPDATE after Redis took it, however late a loaded machine makes it). A refused request that
 * filed a job would show as an outbox INSERT, which stays a failure.
 */
export function isExempt(change: RowChange): boolean {
  if (change.table === 'outbox' && change.op === 'UPDATE') return true;
  const action = change.action ?? '';
  return change.table === 'audit_events' && change.op === 'INSERT' && (action.startsWith('auth.') || action === 'read.refused');
}
