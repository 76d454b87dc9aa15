#!/usr/bin/env node
/**
 * Write-path benchmark (not a test): the API against PostgreSQL's own ceiling for the same work.
 *
 *   npm run bench:write                                  # build, generate 1M cases, measure, drop hp_bench
 *   npm run bench:write -- --keep                        # keep hp_bench afterwards
 *   npm run build && node bench/write-path.mjs --reuse   # measure again on the kept data
 *   node bench/write-path.mjs --reuse --routes=contact --connections=10 --profile   # CPU profile of the API
 *
 * For each route and concurrency it runs, on the same machine and data: the API, started as in
 * production (`node dist/main.js`, NODE_ENV=production, its own process), loaded over HTTP by
 * autocannon with a signed-in counsellor per connection and requests spread over many cases and
 * residents; and pgbench running the statements the API sends for that request (bench/write-path/
 * *.sql, prepared, same concurrency). It prints both, their ratio, p50 and p99, checks every
 * answer's status, and exits 1 if an answer was unexpected. Logging a contact is judged, as issue
 * 10 sets its target, against the transaction the issue measured (contact-reference.sql); the
 * ratio against the API's own single statement (contact.sql) is printed next to it.
 *
 * Options: --reuse (do not regenerate), --keep (do not drop hp_bench), --scale=F (data size, default
 * 1 = 1,000,000 cases), --db=NAME, --duration=S (seconds per measurement, default 10),
 * --connections=10,32, --routes=contact,resident,case,list,list-deep, --profile (write a CPU profile
 * of the API to bench/profiles/ and print its heaviest functions).
 * Environment: BENCH_PG_URL, REDIS_URL (as bench/half-year-report.mjs). Needs `pgbench` and `psql`.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import {
  BENCH_DIR, PLAN_NAME, ROOT, SERVER_URL, appLoginUrl, databaseExists, deleteRedisKeys, dist, dropDatabase, generate, log, median, parseArgs,
  require, run, serverSettings, withClient,
} from './lib/bench-data.mjs';
import { summariseProfile } from './lib/cpu-profile.mjs';
import { startApi as startApiAs } from './lib/start-api.mjs';

const args = parseArgs(['reuse', 'keep', 'scale', 'db', 'duration', 'connections', 'routes', 'profile', 'warmup', 'load', 'runs']);
const DB = String(args.db ?? 'hp_bench');
const DB_URL = `${SERVER_URL}/${DB}`;
// The API logs in as its own least-privilege role, as production requires (src/database/app-login.ts);
// pgbench logs in as the same role. The migrations' owner (BENCH_PG_URL) provisions it at start.
const APP_DB_URL = appLoginUrl(DB_URL);
const SCALE = Number(args.scale ?? 1);
const DURATION = Number(args.duration ?? 10);
const WARMUP = Number(args.warmup ?? 3);
const RUNS = Number(args.runs ?? 1);
const CONNECTIONS = String(args.connections ?? '10,32').split(',').map(Number);
/** Digits that differ from one run to the next (registrations must not repeat a person of an earlier run). */
const RUN_TAG = String(Date.now() % 1e8).padStart(8, '0');
const ROUTE_NAMES = String(args.routes ?? 'contact,resident,case,list,list-deep').split(',');
const SCRIPTS = path.join(BENCH_DIR, 'write-path');
const TARGET_RATIO = 0.5;
// p99 targets: logging a contact under load; a page of a 1M-case list as one user waits for it.
const TARGETS_P99 = { contact: { 10: 25 }, list: { 1: 30 }, 'list-deep': { 1: 30 } };
// A list's latency is also measured unloaded (1 connection): what a counsellor waits for a page.
const EXTRA_CONNECTIONS = { list: [1], 'list-deep': [1] };
const MAX_CONNECTIONS = Math.max(...CONNECTIONS, 1);
const onPath = (command) => (process.env.PATH ?? '').split(':').some((dir) => fs.existsSync(path.join(dir, command)));
const LOAD_GENERATOR = String(args.load ?? (onPath('wrk') ? 'wrk' : 'autocannon'));

// Bench-only rows, told apart by their ids: counsellors who sign in, residents with an open case
// each (contacts go to those cases), and residents without cases (cases are opened for them).
// The API and pgbench use separate ranges, so neither ever meets the other's open case.
const POOL = { openCases: 10_000, caseResidents: 200_000 };
const TOPICS = ['debt', 'rent_arrears', 'family', 'digital_self_service', 'benefits', 'employment', 'education', 'housing', 'health', 'residence_permit', 'other'];
// Shaped as version 4 uuids, as the API's validation expects of ids it is sent.
const benchId = (kind, n) => `overlay(overlay(md5('bench-${kind}' || ${n}) placing '4' from 13) placing '8' from 17)::uuid`;

// ---------------------------------------------------------------- bench rows
async function prepareRows(password) {
  const { hashPassword } = require(dist('auth/passwords.js'));
  const hash = await hashPassword(password);
  return withClient(DB_URL, async (c) => {
    const { rows: [plan] } = await c.query(`SELECT id FROM plans WHERE name = $1`, [PLAN_NAME]);
    if (!plan) throw new Error(`${DB} has no plan "${PLAN_NAME}": run without --reuse to generate it`);
    await c.query('BEGIN');
    const { rows: [area] } = await c.query(
      `INSERT INTO housing_areas (id, plan_id, name, job_programme_eligible) VALUES (${benchId('a', 1)}, $1, 'Bench-området', true)
       ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name RETURNING id`,
      [plan.id],
    );
    await c.query(
      `INSERT INTO users (id, plan_id, email, name, role, password_hash)
       SELECT ${benchId('u', 'n')}, $1, 'bench-counsellor-' || n || '@bench.ishoj.example', 'Bench Rådgiver ' || n, 'counsellor', $2
         FROM generate_series(1, $3::int) AS n
       ON CONFLICT (id) DO UPDATE SET password_hash = EXCLUDED.password_hash, active = true`,
      [plan.id, hash, MAX_CONNECTIONS],
    );
    // Residents 1..openCases each have one open case (contacts); the rest get cases from the run.
    await c.query(
      `INSERT INTO residents (id, plan_id, housing_area_id, compartment, anonymous, first_name, last_name, birth_date, birth_year, gender, registered_by)
       SELECT ${benchId('r', 'n')}, $1, $2, 'counselling', false, 'Bench', 'Beboer ' || n, date '1970-01-01' + n % 15000, 1970 + (n % 15000) / 365, 'female',
              ${benchId('u', 1)}
         FROM generate_series(1, $3::int) AS n
       ON CONFLICT (id) DO NOTHING`,
      [plan.id, area.id, POOL.openCases + POOL.caseResidents],
    );
    // Cases an earlier run opened are closed, so their residents can be given new ones.
    await c.query(
      `UPDATE counselling_cases SET status = 'closed', closed_at = now(), outcome = 'resolved'
        WHERE status = 'open' AND resident_id IN (SELECT ${benchId('r', 'n')} FROM generate_series(1, $1::int) AS n)
          AND id NOT IN (SELECT ${benchId('c', 'n')} FROM generate_series(1, $2::int) AS n)`,
      [POOL.openCases + POOL.caseResidents, POOL.openCases],
    );
    await c.query(
      `INSERT INTO counselling_cases (id, plan_id, resident_id, topic, form, status, opened_at, opened_by)
       SELECT ${benchId('c', 'n')}, $1, ${benchId('r', 'n')}, 'debt', 'open_drop_in', 'open', now() - interval '30 days', ${benchId('u', 1)}
         FROM generate_series(1, $2::int) AS n
       ON CONFLICT (id) DO UPDATE SET status = 'open', closed_at = NULL, outcome = NULL`,
      [plan.id, POOL.openCases],
    );
    await c.query('COMMIT');
    await c.query('VACUUM ANALYZE users, residents, counselling_cases');
    const { rows: ids } = await c.query(`SELECT ${benchId('c', 'n')} AS id FROM generate_series(1, $1::int) AS n`, [POOL.openCases]);
    const { rows: residents } = await c.query(`SELECT ${benchId('r', 'n')} AS id FROM generate_series($1::int, $2::int) AS n`, [POOL.openCases + 1, POOL.openCases + POOL.caseResidents / 2]);
    // A deep page: the cursor the API would hand out after half of the plan's cases.
    const { rows: [deep] } = await c.query(
      `SELECT opened_at, id FROM counselling_cases WHERE plan_id = $1 ORDER BY opened_at DESC, id DESC OFFSET (SELECT count(*) / 2 FROM counselling_cases) LIMIT 1`,
      [plan.id],
    );
    return {
      planId: plan.id,
      areaId: area.id,
      openCaseIds: ids.map((r) => r.id),
      caseResidentIds: residents.map((r) => r.id),
      deepCursor: Buffer.from(JSON.stringify({ at: deep.opened_at.toISOString(), id: deep.id })).toString('base64url'),
      deepAt: deep.opened_at.toISOString(),
      deepId: deep.id,
    };
  });
}

// ---------------------------------------------------------------- the API, as production runs it
const startApi = (prefix, { profileDir }) => startApiAs({ dbUrl: DB_URL, appDbUrl: APP_DB_URL, prefix, profileDir });

async function signIn(url, count, password) {
  const tokens = [];
  for (let n = 1; n <= count; n++) {
    const res = await fetch(`${url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: `bench-counsellor-${n}@bench.ishoj.example`, password }),
    });
    const body = await res.json();
    if (!res.ok || !body.accessToken) throw new Error(`sign-in of bench counsellor ${n} failed: ${res.status} ${JSON.stringify(body)}`);
    tokens.push(body.accessToken);
  }
  return tokens;
}

// ---------------------------------------------------------------- routes
/**
 * Each route: what autocannon sends (one request per call of `next`, spread as real use spreads it)
 * and the pgbench script with the statements the API sends for it (bench/write-path/*.sql).
 */
function routes(rows) {
  let caseSeq = 0;
  let residentSeq = 0;
  const pick = (list) => list[Math.floor(Math.random() * list.length)];
  const json = (method, pathname, body) => ({ method, path: pathname, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return {
    contact: {
      title: 'POST /counselling-cases/:id/contacts',
      status: 201,
      next: () => json('POST', `/api/v1/counselling-cases/${pick(rows.openCaseIds)}/contacts`, {
        occurredAt: new Date(Date.now() - 60_000).toISOString(), channel: 'in_person', durationMinutes: 20, withAppointment: false,
      }),
      script: 'contact.sql',
      // Issue 10's ceiling: the transaction it measured (session check, BEGIN, case FOR UPDATE, contact, audit event, COMMIT).
      reference: 'contact-reference.sql',
      vars: { open_cases: POOL.openCases },
    },
    resident: {
      title: 'POST /residents',
      status: 201,
      // A different person each time (name and phone), so no registration is refused as a possible
      // duplicate: a counter within the run, and the run's start in the phone, since --reuse keeps the
      // residents of earlier runs (a random number drew the same person twice in 25,000 registrations).
      next: () => {
        const n = residentSeq++;
        return json('POST', '/api/v1/residents', {
          housingAreaId: rows.areaId, firstName: 'Amira', lastName: `Bench ${RUN_TAG} ${n}`, birthDate: '1984-05-17', gender: 'female', phone: `+45 ${RUN_TAG}${String(n).padStart(7, '0')}`,
        });
      },
      script: 'resident.sql',
      vars: { area_id: rows.areaId },
    },
    case: {
      title: 'POST /counselling-cases',
      status: 201,
      next: () => {
        const k = caseSeq++;
        return json('POST', '/api/v1/counselling-cases', { residentId: rows.caseResidentIds[Math.floor(k / TOPICS.length) % rows.caseResidentIds.length], topic: TOPICS[k % TOPICS.length], form: 'open_drop_in' });
      },
      script: 'case.sql',
      // pgbench's residents: the upper half of the pool, a range per client (k counts per client).
      vars: { first_resident: POOL.openCases + POOL.caseResidents / 2 + 1, per_client: Math.floor(POOL.caseResidents / 2 / MAX_CONNECTIONS), k: 0, topics: TOPICS.length },
      // Each pgbench run starts its counters at 0 again: the cases the last one opened are closed first.
      beforePgbench: () => withClient(DB_URL, (c) => c.query(
        `UPDATE counselling_cases SET status = 'closed', closed_at = now(), outcome = 'resolved'
          WHERE status = 'open' AND resident_id IN (SELECT ${benchId('r', 'n')} FROM generate_series($1::int, $2::int) AS n)`,
        [POOL.openCases + POOL.caseResidents / 2 + 1, POOL.openCases + POOL.caseResidents],
      )),
    },
    list: {
      title: 'GET /counselling-cases?limit=50 (first page)',
      status: 200,
      next: () => ({ method: 'GET', path: '/api/v1/counselling-cases?limit=50' }),
      script: 'list.sql',
      vars: { cursor_at: '2100-01-01T00:00:00.000Z', cursor_id: 'ffffffff-ffff-4fff-bfff-ffffffffffff' },
    },
    'list-deep': {
      title: 'GET /counselling-cases?limit=50&cursor=… (page 10,000)',
      status: 200,
      next: () => ({ method: 'GET', path: `/api/v1/counselling-cases?limit=50&cursor=${rows.deepCursor}` }),
      script: 'list.sql',
      vars: { cursor_at: rows.deepAt, cursor_id: rows.deepId },
    },
  };
}

// ---------------------------------------------------------------- CPU accounting
// Where the machine's CPU went during a measurement (Linux /proc, in seconds): the whole machine
// (busy time of all cores), the API process, and this process (autocannon). What remains of the
// machine's busy time is PostgreSQL, the kernel and the rest.
const TICK = 100; // USER_HZ
function machineBusySeconds() {
  const [, ...fields] = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
  // Steal (time the hypervisor gave to other guests) is not ours.
  const [user, nice, system, , , irq, softirq] = fields.map(Number);
  return (user + nice + system + irq + softirq) / TICK;
}
function processSeconds(pid, which = 'both') {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const [user, system] = [Number(fields[11]), Number(fields[12])];
    return (which === 'user' ? user : which === 'system' ? system : user + system) / TICK;
  } catch {
    return NaN;
  }
}
function cpuMeter(apiPid) {
  const start = { machine: machineBusySeconds(), api: apiPid ? processSeconds(apiPid) : 0, apiSystem: apiPid ? processSeconds(apiPid, 'system') : 0, self: process.cpuUsage() };
  return () => {
    const self = process.cpuUsage(start.self);
    return {
      machine: machineBusySeconds() - start.machine,
      api: apiPid ? processSeconds(apiPid) - start.api : 0,
      apiSystem: apiPid ? processSeconds(apiPid, 'system') - start.apiSystem : 0,
      loadGenerator: (self.user + self.system) / 1e6,
    };
  };
}

// ---------------------------------------------------------------- load
/**
 * The load on the API: wrk where it is installed (Debian's package: C, so the load generator's own
 * CPU takes least from the machine the API shares with it), else autocannon (a dev dependency).
 */
function loadApi(url, tokens, route, connections, duration) {
  return LOAD_GENERATOR === 'wrk' ? loadApiWrk(url, tokens, route, connections, duration) : loadApiAutocannon(url, tokens, route, connections, duration);
}

async function loadApiWrk(url, tokens, route, connections, duration) {
  // Every request prepared up front (raw HTTP), as many as the API could answer in the time.
  const { host } = new URL(url);
  const count = Math.max(1000, Math.ceil(3000 * duration));
  const records = [];
  for (let i = 0; i < count; i++) {
    const next = route.next();
    const body = next.body ?? '';
    const headers = { host, authorization: `Bearer ${tokens[i % tokens.length]}`, ...(next.headers ?? {}), ...(body ? { 'content-length': Buffer.byteLength(body) } : {}) };
    records.push(`${next.method} ${next.path} HTTP/1.1\r\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n${body}`);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hp-wrk-'));
  try {
    const file = path.join(dir, 'requests');
    fs.writeFileSync(file, records.join('\0'));
    const threads = Math.min(2, connections);
    const { stdout } = await run('wrk', ['-t', String(threads), '-c', String(connections), '-d', `${duration}s`, '--latency', '-s', path.join(BENCH_DIR, 'lib/wrk-load.lua'), url], {
      env: { ...process.env, WRK_REQUESTS: file, WRK_THREADS: String(threads), WRK_EXPECT: String(route.status) },
    });
    const m = /WRK_RESULT (\d+) (\d+) ([\d.]+) ([\d.]+) (\d+) (\d+)/.exec(stdout);
    if (!m) throw new Error(`wrk printed no result:\n${stdout}`);
    const [total, durationUs, p50, p99, errors, unexpectedCount] = m.slice(1).map(Number);
    const first = /WRK_FIRST_UNEXPECTED (.*)/.exec(stdout)?.[1] ?? '';
    return {
      rps: total / (durationUs / 1e6),
      p50: p50 / 1000,
      p99: p99 / 1000,
      total,
      errors,
      unexpected: unexpectedCount ? new Map([[`${first} (first of them)`, unexpectedCount]]) : new Map(),
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function loadApiAutocannon(url, tokens, route, connections, duration) {
  let nextToken = 0;
  const unexpected = new Map();
  const result = await autocannon({
    url,
    connections,
    duration,
    requests: [
      {
        setupRequest: (req, context) => {
          context.token ??= tokens[nextToken++ % tokens.length];
          const next = route.next();
          return { ...req, ...next, headers: { ...next.headers, authorization: `Bearer ${context.token}` } };
        },
        onResponse: (status, body) => {
          if (status !== route.status) {
            const key = `${status} ${String(body).slice(0, 300)}`;
            unexpected.set(key, (unexpected.get(key) ?? 0) + 1);
          }
        },
      },
    ],
  });
  return {
    rps: result.requests.total / duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    total: result.requests.total,
    errors: result.errors + result.timeouts,
    unexpected,
  };
}

async function loadPgbench(route, common, connections, duration) {
  await route.beforePgbench?.();
  const logDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hp-pgbench-'));
  try {
    const vars = Object.entries({ ...common, ...route.vars }).flatMap(([k, v]) => ['-D', `${k}=${v}`]);
    const { stdout } = await run('pgbench', [
      '-n', '-M', 'prepared', '-c', String(connections), '-j', String(Math.min(connections, 2)), '-T', String(duration),
      '-l', `--log-prefix=${path.join(logDir, 'tx')}`, ...vars, '-f', path.join(SCRIPTS, route.script), APP_DB_URL,
    ]);
    const tps = Number(/tps = ([\d.]+) \(without initial connection time\)/.exec(stdout)?.[1]);
    const latencies = [];
    for (const file of fs.readdirSync(logDir)) {
      for (const line of fs.readFileSync(path.join(logDir, file), 'utf8').split('\n')) {
        const us = Number(line.split(' ')[2]);
        if (line && Number.isFinite(us)) latencies.push(us / 1000);
      }
    }
    latencies.sort((a, b) => a - b);
    const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
    const failed = Number(/number of failed transactions: (\d+)/.exec(stdout)?.[1] ?? 0);
    return { tps, p50: at(0.5), p99: at(0.99), total: latencies.length, failed };
  } finally {
    fs.rmSync(logDir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------- main
const fmt = (x, digits = 1) => (x == null || Number.isNaN(x) ? '-' : x.toFixed(digits));
const us = (seconds, count) => fmt((1e6 * seconds) / Math.max(1, count), 0);

/**
 * One route at one concurrency: a warm-up of both sides, then the API and pgbench taking turns
 * RUNS times on the same data; medians are compared. A route with a reference ceiling (logging a
 * contact: the transaction issue 10 measured) also runs that, in the same turns.
 */
async function measure(api, tokens, common, name, route, connections) {
  if (WARMUP > 0) {
    await loadApi(api.url, tokens, route, connections, WARMUP);
    await loadPgbench(route, common, connections, WARMUP);
  }
  const runs = { api: [], pgbench: [], reference: [] };
  const windows = [];
  for (let i = 0; i < RUNS; i++) {
    const logBefore = api.logBytes();
    const apiCpu = cpuMeter(api.pid);
    const from = process.hrtime.bigint() / 1000n;
    const a = await loadApi(api.url, tokens, route, connections, DURATION);
    windows.push([Number(from), Number(process.hrtime.bigint() / 1000n)]);
    a.cpu = apiCpu();
    a.logPerRequest = (api.logBytes() - logBefore) / Math.max(1, a.total);
    runs.api.push(a);
    const pgCpu = cpuMeter();
    const p = await loadPgbench(route, common, connections, DURATION);
    p.cpu = pgCpu();
    runs.pgbench.push(p);
    if (route.reference) runs.reference.push(await loadPgbench({ ...route, script: route.reference }, common, connections, DURATION));
  }
  const mid = (list, key) => median(list.map((x) => x[key]));
  const a = { rps: mid(runs.api, 'rps'), p50: mid(runs.api, 'p50'), p99: mid(runs.api, 'p99'), total: mid(runs.api, 'total') };
  const p = { tps: mid(runs.pgbench, 'tps'), p50: mid(runs.pgbench, 'p50'), p99: mid(runs.pgbench, 'p99') };
  const reference = runs.reference.length ? { tps: mid(runs.reference, 'tps'), p50: mid(runs.reference, 'p50'), p99: mid(runs.reference, 'p99') } : undefined;
  // The ratio is a target under load (the drop-in hour), not for one user alone.
  const ratioTarget = connections >= 10 ? TARGET_RATIO : undefined;
  const sameStatementsRatio = a.rps / p.tps;
  // Where the issue names its ceiling (logging a contact), the target is judged against that.
  const ratio = reference ? a.rps / reference.tps : sameStatementsRatio;
  const p99Target = TARGETS_P99[name]?.[connections];
  return {
    name, connections, a, p, reference, ratio, sameStatementsRatio, runs, windows,
    ratioMet: ratioTarget === undefined || ratio >= ratioTarget,
    ratioTarget,
    p99Target,
    p99Met: p99Target === undefined || a.p99 < p99Target,
  };
}

function verdict(r) {
  return `ratio ${r.ratio.toFixed(2)}${r.ratioTarget !== undefined ? ` (${r.ratioMet ? 'met' : 'MISSED'} ≥ ${r.ratioTarget})` : ''}`;
}

function report(r, route) {
  const runList = (xs) => (xs.length > 1 ? ` [${xs.map((x) => fmt(x, 0)).join(', ')}]` : '');
  log(`  ${String(r.connections).padStart(2)} connections: API ${fmt(r.a.rps, 0).padStart(6)} req/s${runList(r.runs.api.map((x) => x.rps))} (p50 ${fmt(r.a.p50)} ms, p99 ${fmt(r.a.p99)} ms)` +
    `   pgbench ${fmt(r.p.tps, 0).padStart(6)} tx/s${runList(r.runs.pgbench.map((x) => x.tps))} (p50 ${fmt(r.p.p50)} ms, p99 ${fmt(r.p.p99)} ms)` +
    (r.reference ? '' : `   ${verdict(r)}`) +
    (r.p99Target !== undefined ? `, p99 ${r.p99Met ? 'met' : 'MISSED'} < ${r.p99Target} ms` : ''));
  if (r.reference) {
    log(`      ceiling, issue 10's transaction (bench/write-path/${route.reference}): pgbench ${fmt(r.reference.tps, 0)} tx/s${runList(r.runs.reference.map((x) => x.tps))} (p50 ${fmt(r.reference.p50)} ms, p99 ${fmt(r.reference.p99)} ms), ${verdict(r)};` +
      ` against the API's own statement (${route.script}) ratio ${r.sameStatementsRatio.toFixed(2)}`);
  }
  const a = r.runs.api.at(-1);
  const p = r.runs.pgbench.at(-1);
  log(`      CPU per request (last run): machine ${us(a.cpu.machine, a.total)} µs = API ${us(a.cpu.api, a.total)} (in the kernel ${us(a.cpu.apiSystem, a.total)})` +
    (LOAD_GENERATOR === 'autocannon' ? ` + autocannon ${us(a.cpu.loadGenerator, a.total)}` : '') +
    ` + PostgreSQL, ${LOAD_GENERATOR === 'wrk' ? 'wrk, ' : ''}kernel and the rest ${us(a.cpu.machine - a.cpu.api - (LOAD_GENERATOR === 'autocannon' ? a.cpu.loadGenerator : 0), a.total)};` +
    ` per pgbench transaction: machine ${us(p.cpu.machine, p.total)} µs;   log ${fmt(a.logPerRequest, 0)} B/request`);
  let failed = false;
  for (const run of r.runs.api) {
    if (run.unexpected.size || run.errors) {
      failed = true;
      log(`  !!! the API answered unexpectedly (expected ${route.status}); ${run.errors} connection errors or timeouts:`);
      for (const [what, count] of run.unexpected) log(`  !!!   ${count}× ${what}`);
    }
  }
  for (const run of [...r.runs.pgbench, ...r.runs.reference]) {
    if (run.failed) {
      failed = true;
      log(`  !!! ${run.failed} pgbench transactions failed`);
    }
  }
  return failed;
}

/** The list's page query as the API sends it, first and deep page: EXPLAIN must show an index scan and no sequential scan. */
async function explainLists(rows) {
  return withClient(APP_DB_URL, async (c) => {
    const problems = [];
    const page = (cursor) => `SELECT c.* FROM counselling_cases c WHERE c.plan_id = $1 AND c.plan_id = $1${cursor ? ' AND (c.opened_at, c.id) < ($2, $3)' : ''} ORDER BY c.opened_at DESC, c.id DESC LIMIT 51`;
    for (const [label, sql, params] of [['first page', page(false), [rows.planId]], ['page 10,000', page(true), [rows.planId, rows.deepAt, rows.deepId]]]) {
      const { rows: [plan] } = await c.query(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${sql}`, params);
      const root = plan['QUERY PLAN'][0];
      const nodes = [];
      const walk = (n) => {
        nodes.push(n['Node Type'] + (n['Index Name'] ? ` using ${n['Index Name']}` : ''));
        (n.Plans ?? []).forEach(walk);
      };
      walk(root.Plan);
      const seq = nodes.some((n) => n.startsWith('Seq Scan'));
      if (seq) problems.push(`${label}: sequential scan`);
      log(`  EXPLAIN ${label}: ${nodes.join(' → ')}; ${fmt(root['Execution Time'], 2)} ms${seq ? '   !!! sequential scan' : ''}`);
    }
    return problems;
  });
}

async function main() {
  let exitCode = 0;
  log(`Write-path benchmark: routes ${ROUTE_NAMES.join(', ')} at ${CONNECTIONS.join(' and ')} connections, ${DURATION} s each, ${RUNS} run(s), database ${DB}, load by ${LOAD_GENERATOR}`);
  if (args.reuse) {
    if (!(await databaseExists(DB))) throw new Error(`--reuse: database ${DB} does not exist; run without --reuse (and with --keep) first`);
  } else {
    await generate(DB, SCALE);
  }
  const prefix = `hp-bench-${randomBytes(4).toString('hex')}`;
  const profileDir = args.profile ? path.join(BENCH_DIR, 'profiles') : undefined;
  const results = [];
  try {
    const password = randomBytes(18).toString('base64url');
    const rows = await prepareRows(password);
    const { rows: [counts] } = await withClient(DB_URL, (c) => c.query(`SELECT (SELECT count(*) FROM counselling_cases) AS cases, (SELECT count(*) FROM residents) AS residents, (SELECT count(*) FROM counselling_contacts) AS contacts`));
    log(`Data: ${Number(counts.cases).toLocaleString('en')} cases, ${Number(counts.residents).toLocaleString('en')} residents, ${Number(counts.contacts).toLocaleString('en')} contacts.`);
    log(`Server: ${await serverSettings(DB_URL)}`);
    log(`Machine: ${os.cpus().length} cores (${os.cpus()[0]?.model}), node ${process.version}, load average ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);
    if (ROUTE_NAMES.some((n) => n.startsWith('list'))) {
      log('\nThe list of 1M cases, as the database plans it:');
      const problems = await explainLists(rows);
      if (problems.length) exitCode = 1;
    }
    const api = await startApi(prefix, { profileDir });
    const all = routes(rows);
    try {
      const tokens = await signIn(api.url, MAX_CONNECTIONS, password);
      // pgbench checks the session of bench counsellor 1, as the API checks each caller's.
      const { rows: [session] } = await withClient(DB_URL, (c) => c.query(
        `SELECT s.id, s.user_id FROM sessions s WHERE s.user_id = ${benchId('u', 1)} AND s.revoked_at IS NULL ORDER BY s.authenticated_at DESC LIMIT 1`,
      ));
      const common = { plan_id: rows.planId, session_id: session.id, user_id: session.user_id };
      for (const name of ROUTE_NAMES) {
        const route = all[name];
        if (!route) throw new Error(`unknown route ${name} (routes: ${Object.keys(all).join(', ')})`);
        log(`\n${route.title}   (ceiling: pgbench -M prepared -f bench/write-path/${route.script})`);
        for (const connections of [...new Set([...(args.connections ? [] : EXTRA_CONNECTIONS[name] ?? []), ...CONNECTIONS])]) {
          const result = await measure(api, tokens, common, name, route, connections);
          results.push(result);
          if (report(result, route)) exitCode = 1;
        }
      }
    } finally {
      await api.stop();
    }
    log('\nSummary (medians; paste into bench/README.md):');
    log('| route | conn. | API req/s | API p50 / p99 ms | pgbench tx/s | pgbench p50 / p99 ms | ratio |');
    log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const r of results) {
      // Logging a contact: the ceiling is issue 10's transaction; the API's own statement follows in brackets.
      const ceiling = r.reference ? `${fmt(r.reference.tps, 0)} (own statement: ${fmt(r.p.tps, 0)})` : fmt(r.p.tps, 0);
      const ratio = `${r.ratio.toFixed(2)}${r.ratioMet ? '' : ' (missed)'}${r.reference ? ` (own statement: ${r.sameStatementsRatio.toFixed(2)})` : ''}`;
      log(`| ${all[r.name].title} | ${r.connections} | ${fmt(r.a.rps, 0)} | ${fmt(r.a.p50)} / ${fmt(r.a.p99)}${r.p99Met ? '' : ' (missed)'} | ${ceiling} | ${fmt((r.reference ?? r.p).p50)} / ${fmt((r.reference ?? r.p).p99)} | ${ratio} |`);
    }
    if (profileDir) {
      const newest = fs.readdirSync(profileDir).filter((f) => f.endsWith('.cpuprofile')).map((f) => path.join(profileDir, f)).sort((x, y) => fs.statSync(y).mtimeMs - fs.statSync(x).mtimeMs)[0];
      if (newest) {
        log(`\nCPU profile of the API: ${path.relative(ROOT, newest)} (open in Chrome DevTools or speedscope)`);
        log(summariseProfile(JSON.parse(fs.readFileSync(newest, 'utf8')), { windows: results.flatMap((r) => r.windows) }));
      }
    }
  } finally {
    await deleteRedisKeys(prefix);
    if (!args.keep && !args.reuse) {
      await dropDatabase(DB);
      log(`Dropped ${DB} (use --keep to keep it, then --reuse to measure again without generating).`);
    }
  }
  process.exitCode = exitCode;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
