/**
 * What the benchmarks share: their options, the PostgreSQL server they use, and the production-
 * size data set (bench/generate.sql in a freshly migrated database).
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

export const require = createRequire(import.meta.url);
export const BENCH_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const ROOT = path.resolve(BENCH_DIR, '..');
export const dist = (p) => path.join(ROOT, 'dist', p);
export const SERVER_URL = (process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432').replace(/\/+$/, '');
export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
export const PLAN_NAME = 'Helhedsplan Ishøj 2025-2029';

export const log = (line = '') => process.stdout.write(`${line}\n`);
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** `--name=value` and `--flag` arguments; anything not in `known` is refused. */
export function parseArgs(known) {
  const args = Object.fromEntries(
    process.argv.slice(2).map((a) => {
      const m = /^--([^=]+)(?:=(.*))?$/.exec(a);
      if (!m) throw new Error(`unknown argument ${a}`);
      return [m[1], m[2] ?? true];
    }),
  );
  for (const key of Object.keys(args)) if (!known.includes(key)) throw new Error(`unknown option --${key} (options: ${known.map((k) => `--${k}`).join(' ')})`);
  return args;
}

/** Runs a command to its end; resolves with its output, rejects (with its stderr) on a non-zero exit. */
export function run(command, argv, { input, env } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, argv, { stdio: ['pipe', 'pipe', 'pipe'], env: env ?? process.env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve({ stdout, stderr }) : reject(new Error(`${command} exited with ${code}:\n${stderr || stdout}`))));
    child.stdin.end(input ?? '');
  });
}

export async function withClient(url, fn, options) {
  const client = new pg.Client({ connectionString: url, ...options });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function databaseExists(db) {
  return withClient(`${SERVER_URL}/postgres`, async (c) => (await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [db])).rowCount > 0);
}

export async function dropDatabase(db) {
  await withClient(`${SERVER_URL}/postgres`, (c) => c.query(`DROP DATABASE IF EXISTS "${db}" WITH (FORCE)`));
}

/** Row counts of the data set at `scale` (1 = 100,000 residents and 1,000,000 cases). */
export function sizesAt(scale) {
  return {
    residents: Math.max(100, Math.round(100_000 * scale)),
    cases: Math.max(1000, Math.round(1_000_000 * scale)),
    contacts: Math.max(3000, Math.round(3_000_000 * scale)),
    referrals: Math.max(100, Math.round(100_000 * scale)),
  };
}

/** Drops and recreates `db` and runs the app's migrations (from dist/): an empty service's database. */
export async function migratedDatabase(db) {
  const { runMigrations } = require(dist('database/migrate.js'));
  await dropDatabase(db);
  await withClient(`${SERVER_URL}/postgres`, (c) => c.query(`CREATE DATABASE "${db}"`));
  await runMigrations(`${SERVER_URL}/${db}`);
}

/** Drops and recreates `db`, runs the app's migrations and bench/generate.sql; returns the seconds it took. */
export async function generate(db, scale) {
  const sizes = sizesAt(scale);
  const dbUrl = `${SERVER_URL}/${db}`;
  log(`Generating ${db}: ${sizes.residents.toLocaleString('en')} residents, ${sizes.cases.toLocaleString('en')} cases, ` +
    `${sizes.contacts.toLocaleString('en')} contacts, ${sizes.referrals.toLocaleString('en')} referrals ...`);
  const t0 = performance.now();
  await migratedDatabase(db);
  const tMigrated = performance.now();
  const vars = Object.entries(sizes).flatMap(([k, v]) => ['-v', `${k}=${v}`]);
  const { stdout } = await run('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', dbUrl, ...vars, '-f', path.join(BENCH_DIR, 'generate.sql')]);
  const seconds = (performance.now() - t0) / 1000;
  log(stdout.trimEnd().split('\n').map((l) => `  ${l}`).join('\n'));
  log(`Generated in ${seconds.toFixed(1)} s (migrations ${((tMigrated - t0) / 1000).toFixed(1)} s, data + VACUUM ANALYZE ${((performance.now() - tMigrated) / 1000).toFixed(1)} s).`);
  return seconds;
}

/** The server settings a reader needs to compare figures across machines. */
export async function serverSettings(dbUrl) {
  return withClient(dbUrl, async (c) => {
    const names = ['server_version', 'shared_buffers', 'work_mem', 'jit', 'max_parallel_workers_per_gather', 'effective_cache_size', 'random_page_cost', 'synchronous_commit', 'max_connections'];
    const { rows } = await c.query(`SELECT name, current_setting(name) AS value FROM unnest($1::text[]) AS name`, [names]);
    return rows.map((r) => `${r.name}=${r.value}`).join(', ');
  });
}

/**
 * The URL the app logs in with: its own least-privilege login (src/database/app-login.ts), which
 * the app provisions from the owner's URL at start. The app refuses to run as a superuser.
 */
export function appLoginUrl(dbUrl, login = 'hp_bench_app') {
  const url = new URL(dbUrl);
  url.username = login;
  url.password = '';
  return url.toString();
}

/** Deletes a benchmark's Redis keys (its own prefix) when it is done. */
export async function deleteRedisKeys(prefix) {
  const Redis = require('ioredis');
  const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
