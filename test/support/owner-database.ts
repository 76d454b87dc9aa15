import { Client } from 'pg';
import { testDatabaseUrl } from './test-env';

/** This test file's database as its owner, behind the app's back: to count what was written, or to age a row. */
export interface OwnerDatabase {
  query: Client['query'];
  /** `count('residents WHERE plan_id = $1', [id])`. */
  count(from: string, params: unknown[]): Promise<number>;
}

/** Connects before the file's tests and disconnects after them; call it inside `describe`. */
export function ownerDatabase(): OwnerDatabase {
  const client = new Client({ connectionString: testDatabaseUrl() });
  beforeAll(() => client.connect());
  afterAll(() => client.end());
  return {
    query: client.query.bind(client) as Client['query'],
    count: async (from, params) => Number((await client.query(`SELECT count(*) AS n FROM ${from}`, params)).rows[0].n),
  };
}
