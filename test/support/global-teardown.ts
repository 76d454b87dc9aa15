import { Redis } from 'ioredis';
import { Client } from 'pg';
import { TEST_REDIS_URL } from './test-env';

export default async function globalTeardown(): Promise<void> {
  const url = process.env.TEST_TEMPLATE_DATABASE_URL;
  if (url && process.env.KEEP_TEST_DATABASE !== 'true') {
    const admin = new URL(url);
    const name = admin.pathname.slice(1);
    admin.pathname = '/postgres';
    const client = new Client({ connectionString: admin.toString() });
    await client.connect();
    // The template and every test file's copy of it (per-file-database.ts).
    const { rows } = await client.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname = $1 OR starts_with(datname, $1 || '_f')`, [name]);
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS "${datname.replace(/"/g, '""')}" WITH (FORCE)`);
    await client.end();
  }
  const prefix = process.env.TEST_REDIS_PREFIX;
  if (prefix) {
    const redis = new Redis(TEST_REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
    try {
      await redis.connect();
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
        if (keys.length) await redis.del(...keys);
        cursor = next;
      } while (cursor !== '0');
    } catch {
      // Redis being down at teardown must not fail a green run; the keys expire or are harmless.
    } finally {
      redis.disconnect();
    }
  }
}
