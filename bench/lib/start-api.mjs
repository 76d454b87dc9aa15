/**
 * The service started as production starts it (`node dist/main.js`, NODE_ENV=production, its own
 * process, its own least-privilege database login), for the benchmarks that load it over HTTP.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import path from 'node:path';
import { REDIS_URL, ROOT, sleep } from './bench-data.mjs';

/**
 * Starts the service on a random port and waits until /health/ready answers. `dbUrl` is the
 * owner's (migrations, provisioning the app's login), `appDbUrl` the app's own login; `prefix` keeps
 * its Redis keys apart; `profileDir` writes a CPU profile there; `env` adds or overrides settings.
 */
export async function startApi({ dbUrl, appDbUrl, prefix, profileDir, env: extra = {} }) {
  const port = 20000 + Math.floor(Math.random() * 20000);
  const env = {
    PATH: process.env.PATH,
    NODE_ENV: 'production',
    DATABASE_URL: appDbUrl,
    MIGRATION_DATABASE_URL: dbUrl,
    REDIS_URL,
    REDIS_PREFIX: prefix,
    JWT_SECRET: randomBytes(32).toString('hex'),
    MFA_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    // Sign-in with a password only: the benchmarks measure the work after sign-in. Production refuses
    // that unless told so on purpose, and wants the https address users reach it at.
    MFA_REQUIRED_ROLES: '',
    ALLOW_NO_MFA: 'true',
    PUBLIC_URL: 'https://helhedsplan.bench.invalid',
    SMTP_URL: 'smtp://127.0.0.1:1',
    ACCESS_TOKEN_TTL_SECONDS: '7200',
    PROCESS_ROLE: 'api',
    ...(process.env.DATABASE_POOL_SIZE ? { DATABASE_POOL_SIZE: process.env.DATABASE_POOL_SIZE } : {}),
    PORT: String(port),
    HOST: '127.0.0.1',
    ...extra,
  };
  const argv = [...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []), path.join(ROOT, 'dist/main.js')];
  const child = spawn(process.execPath, argv, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  // The log goes where production sends it: a pipe that someone reads. Only its size is kept.
  let logBytes = 0;
  let stderr = '';
  child.stdout.on('data', (d) => (logBytes += d.length));
  child.stderr.on('data', (d) => (stderr += d));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`the API exited with ${child.exitCode}:\n${stderr}`);
    try {
      if ((await fetch(`${url}/health/ready`)).ok) break;
    } catch {
      // not listening yet
    }
    if (i > 300) throw new Error(`the API did not become ready:\n${stderr}`);
    await sleep(100);
  }
  return {
    url,
    pid: child.pid,
    logBytes: () => logBytes,
    async stop() {
      child.kill('SIGINT');
      await once(child, 'exit');
    },
  };
}
