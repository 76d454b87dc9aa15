#!/usr/bin/env node
/**
 * Half-year report benchmark (not a test): the report job end to end against hand-written SQL.
 *
 *   npm run bench:report                       # build, generate, measure, drop the database
 *   npm run build && node bench/half-year-report.mjs --keep          # keep hp_bench afterwards
 *   node bench/half-year-report.mjs --reuse --keep                   # measure again on that data
 *   node bench/half-year-report.mjs --scale=0.05                     # 5% of full size (a quick try)
 *
 * Options: --reuse (do not regenerate; the database must exist), --keep (do not drop it at the
 * end), --runs=N (default 3; medians are reported), --scale=F (data size, default 1 = 1,000,000
 * cases), --db=NAME (default hp_bench), --year=2026 --half=1 (the period measured).
 * Environment: BENCH_PG_URL (server, default postgres://postgres@127.0.0.1:5432), REDIS_URL
 * (default redis://127.0.0.1:6379). Needs `psql` on the PATH and `npm run build` first.
 *
 * Steps: (a) generate the data (bench/generate.sql) in a freshly migrated database; (b) start the
 * app as production does (createApp from dist with PROCESS_ROLE=all, its own Redis prefix), file
 * a report through ReportsService.request as the plan's leader (the path POST /reports/half-year
 * takes: request and outbox row in one transaction, relay to BullMQ, worker computes), and poll the
 * half_year_reports row until it is completed; (c) run bench/ceiling.sql in psql; (d) print both,
 * the ratios, the report's SQL statement by statement next to the ceiling's, and compare every
 * number of the report with the ceiling's. Exits 1 if a number differs or a run fails.
 */
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import path from 'node:path';
import pg from 'pg';
import {
  BENCH_DIR, PLAN_NAME, REDIS_URL, SERVER_URL, appLoginUrl, databaseExists, deleteRedisKeys, dist, dropDatabase, generate as generateData,
  log, median, parseArgs, require, run, serverSettings as settingsOf, sleep, withClient,
} from './lib/bench-data.mjs';

// ---------------------------------------------------------------- options
const args = parseArgs(['reuse', 'keep', 'runs', 'scale', 'db', 'year', 'half']);
const RUNS = Number(args.runs ?? 3);
const SCALE = Number(args.scale ?? 1);
const DB = String(args.db ?? 'hp_bench');
const PERIOD = { year: Number(args.year ?? 2026), half: Number(args.half ?? 1) };
const DB_URL = `${SERVER_URL}/${DB}`;
const REPORT_TIMEOUT_MS = 15 * 60 * 1000;
const TARGET = 1.3;

// ---------------------------------------------------------------- helpers
const ms = (x) => (x == null || Number.isNaN(x) ? '-' : x >= 10_000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(0)} ms`);
const fmtRuns = (xs) => xs.map((x) => ms(x)).join(' / ');
const psql = (extra) => run('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', DB_URL, ...extra]);

// ---------------------------------------------------------------- (a) data
async function generate() {
  return generateData(DB, SCALE);
}

async function planAndLeader() {
  return withClient(DB_URL, async (c) => {
    const { rows } = await c.query(
      `SELECT p.id AS plan_id, u.id AS leader_id FROM plans p JOIN users u ON u.plan_id = p.id AND u.role = 'leader' WHERE p.name = $1 LIMIT 1`,
      [PLAN_NAME],
    );
    if (!rows[0]) throw new Error(`${DB} has no plan "${PLAN_NAME}" with a leader: run without --reuse to generate it`);
    const { rows: counts } = await c.query(
      `SELECT (SELECT count(*) FROM counselling_cases) AS cases, (SELECT count(*) FROM counselling_contacts) AS contacts, (SELECT count(*) FROM residents) AS residents`,
    );
    return { planId: rows[0].plan_id, leaderId: rows[0].leader_id, counts: counts[0] };
  });
}

const serverSettings = () => settingsOf(DB_URL);

// ---------------------------------------------------------------- (b) the report job
/** Starts the app as production does; runJob() files one report and waits until it is completed. */
async function startApp(planId, leaderId) {
  require('reflect-metadata');
  const { createApp } = require(dist('app.factory.js'));
  const { loadConfig } = require(dist('config/app-config.js'));
  const { ReportsService } = require(dist('statistics/reports.service.js'));
  const prefix = `hp-bench-${randomBytes(4).toString('hex')}`;
  const config = loadConfig({
    DATABASE_URL: appLoginUrl(DB_URL),
    MIGRATION_DATABASE_URL: DB_URL,
    DATABASE_CREATE_IF_MISSING: 'false',
    REDIS_URL,
    REDIS_PREFIX: prefix,
    JWT_SECRET: randomBytes(32).toString('hex'),
    PROCESS_ROLE: 'all',
    LOG_LEVEL: 'warn',
  });
  // As main.ts does: migrations (none pending here) and the app's own login, provisioned by the owner.
  await require(dist('database/startup.js')).prepareDatabase(config);
  const app = await createApp(config, { logger: false });

  // Time every SQL statement the app sends (TypeORM's query runner), to say where a job's time goes.
  const { DataSource } = require('typeorm');
  const dataSource = app.get(DataSource, { strict: false });
  const probe = dataSource.createQueryRunner();
  const runnerPrototype = Object.getPrototypeOf(probe);
  await probe.release();
  const originalQuery = runnerPrototype.query;
  let recording = null;
  runnerPrototype.query = async function timedQuery(query, parameters, structured) {
    const t0 = performance.now();
    try {
      return await originalQuery.call(this, query, parameters, structured);
    } finally {
      recording?.push({ query, ms: performance.now() - t0 });
    }
  };

  const poll = new pg.Client({ connectionString: DB_URL });
  await poll.connect();
  const reports = app.get(ReportsService);
  const actor = { userId: leaderId, role: 'leader', planId, organisationId: null, requestId: `${prefix}-request` };

  async function runJob() {
    recording = [];
    const t0 = performance.now();
    const filed = await reports.request(actor, PERIOD);
    let row;
    for (;;) {
      ({ rows: [row] } = await poll.query(
        `SELECT status, version, failure_reason, created_at, started_at, completed_at, result FROM half_year_reports WHERE id = $1`,
        [filed.id],
      ));
      if (row.status === 'completed') break;
      if (row.status === 'failed') throw new Error(`report ${filed.id} failed: ${row.failure_reason}`);
      if (performance.now() - t0 > REPORT_TIMEOUT_MS) throw new Error(`report ${filed.id} not completed after ${REPORT_TIMEOUT_MS / 1000} s (status ${row.status})`);
      await sleep(10);
    }
    const wall = performance.now() - t0;
    const statements = REPORT_STATEMENTS.map(({ name, match }) => ({
      name,
      ms: recording.filter((q) => match.test(q.query)).reduce((a, q) => a + q.ms, 0),
    }));
    recording = null;
    return {
      version: row.version,
      wall,
      statements,
      filedToCompleted: row.completed_at - row.created_at,
      queued: row.started_at - row.created_at,
      computing: row.completed_at - row.started_at,
      result: row.result,
    };
  }

  async function close() {
    runnerPrototype.query = originalQuery;
    await poll.end();
    await app.close();
    await deleteRedisKeys(prefix);
  }
  return { runJob, close };
}

/** The report's statements (src/statistics/report-queries.ts), recognised by their text. */
const REPORT_STATEMENTS = [
  { name: 'cases started, by topic/form/area/gender/age band', match: /WITH started AS/ },
  { name: 'contacts, by channel', match: /GROUP BY ROLLUP \(channel\)/ },
  { name: 'active cases (a contact in the period)', match: /count\(DISTINCT case_id\)/ },
  { name: 'unique and anonymous residents', match: /FILTER \(WHERE r\.anonymous/ },
  { name: 'cases closed', match: /AS closed FROM counselling_cases/ },
  { name: 'referrals, by recipient', match: /COALESCE\(o\.name, f\.recipient_name\)/ },
  { name: 'programmes by phase at the end of the period', match: /DISTINCT ON \(t\.programme_id\)/ },
  { name: 'programmes started, ended, to ordinary job; employers', match: /FROM job_programmes WHERE/ },
  { name: 'consents given, withdrawn, active at the end', match: /LEFT JOIN consent_withdrawals/ },
  { name: 'referrals by their status at the end of the period', match: /COALESCE\(last\.to_status/ },
  { name: 'activities: sessions, head counts, participants by kind and area', match: /WITH sessions AS/ },
  { name: 'activities: enrolments and internships', match: /FROM activity_enrolments\s+WHERE plan_id = \$1 AND ended_on|AS enrolments_started/ },
];

// ---------------------------------------------------------------- (c) the ceiling
async function runCeiling(params) {
  const t0 = performance.now();
  const { stdout } = await psql(['-v', `from=${params.fromDate}`, '-v', `to=${params.toDate}`, '-v', `plan_name=${PLAN_NAME}`, '-f', path.join(BENCH_DIR, 'ceiling.sql')]);
  const wall = performance.now() - t0;
  const statements = [];
  const values = new Map();
  let label = null;
  for (const line of stdout.split('\n')) {
    if (line.startsWith('@@ ')) {
      label = line.slice(3);
    } else if (/^Time: /.test(line)) {
      statements.push({ name: label ?? `statement ${statements.length + 1}`, time: Number(/^Time: ([\d.]+) ms/.exec(line)[1]) });
      label = null;
    } else if (line.includes('|')) {
      const [metric, key, value] = line.split('|');
      values.set(key ? `${metric}.${key}` : metric, value === '' ? null : Number(value));
    }
  }
  return { wall, statements, sum: statements.reduce((a, s) => a + s.time, 0), values };
}

// ---------------------------------------------------------------- (d) compare
function flattenReport(result) {
  const out = new Map();
  for (const section of ['counselling', 'jobProgrammes', 'consents', 'activities', 'referrals']) {
    for (const [name, value] of Object.entries(result[section])) {
      // By kind and by area (counts of three figures each) are empty on the generated data, which has no activities.
      if (section === 'activities' && ['byKind', 'byHousingArea', 'kindLabels', 'enrolmentsByOutcome'].includes(name)) continue;
      if (value !== null && typeof value === 'object') {
        for (const [key, n] of Object.entries(value)) out.set(`${section}.${name}.${key}`, n);
      } else {
        out.set(`${section}.${name}`, value);
      }
    }
  }
  return out;
}

function compare(report, ceiling) {
  const problems = [];
  for (const key of new Set([...report.keys(), ...ceiling.keys()])) {
    const a = report.get(key);
    const b = ceiling.get(key);
    const same = a === b || (typeof a === 'number' && typeof b === 'number' && Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a))) || (a === null && b === undefined);
    if (!same) problems.push(`${key}: report ${a === undefined ? '(missing)' : a}, ceiling ${b === undefined ? '(missing)' : b}`);
  }
  return problems;
}

// ---------------------------------------------------------------- main
async function main() {
  let exitCode = 0;
  const { periodDates } = require(dist('statistics/report-period.js'));
  const dates = periodDates(PERIOD);
  log(`Half-year report benchmark: H${PERIOD.half} ${PERIOD.year} (${dates.fromDate} .. ${dates.toDate}, Europe/Copenhagen), ${RUNS} runs, database ${DB}`);

  let generationSeconds = null;
  if (args.reuse) {
    if (!(await databaseExists(DB))) throw new Error(`--reuse: database ${DB} does not exist; run without --reuse (and with --keep) first`);
    log(`Reusing ${DB}.`);
  } else {
    generationSeconds = await generate();
  }
  try {
    const { planId, leaderId, counts } = await planAndLeader();
    log(`Data: ${Number(counts.residents).toLocaleString('en')} residents, ${Number(counts.cases).toLocaleString('en')} cases, ${Number(counts.contacts).toLocaleString('en')} contacts.`);
    log(`Server: ${await serverSettings()}`);

    // Warm-up (untimed): one ceiling and one report job, so neither side pays for reading the
    // tables into the cache; then report job and ceiling take turns.
    const app = await startApp(planId, leaderId);
    const jobs = [];
    const ceilings = [];
    try {
      log('\nWarm-up: one untimed ceiling and one untimed report job ...');
      await runCeiling(dates);
      await app.runJob();

      log(`\n(b) report job (createApp, PROCESS_ROLE=all; ReportsService.request → outbox → BullMQ → worker) and`);
      log(`(c) ceiling (psql -f bench/ceiling.sql), taking turns:`);
      for (let i = 1; i <= RUNS; i++) {
        const r = await app.runJob();
        jobs.push(r);
        log(`  run ${i}: report version ${r.version}: end to end ${ms(r.wall)} (filed→completed ${ms(r.filedToCompleted)}, queued ${ms(r.queued)}, computing ${ms(r.computing)})`);
        const c = await runCeiling(dates);
        ceilings.push(c);
        log(`         ceiling: sum of \\timing ${ms(c.sum)}, wall clock ${ms(c.wall)}`);
      }
    } finally {
      await app.close();
    }

    // ---------------------------------------------------------------- summary
    const m = {
      wall: median(jobs.map((j) => j.wall)),
      filed: median(jobs.map((j) => j.filedToCompleted)),
      queued: median(jobs.map((j) => j.queued)),
      computing: median(jobs.map((j) => j.computing)),
      ceiling: median(ceilings.map((c) => c.sum)),
      ceilingWall: median(ceilings.map((c) => c.wall)),
    };
    const rows = [
      ['report job, end to end (wall clock: request → seen completed)', m.wall, jobs.map((j) => j.wall)],
      ['report job, filed → completed (database timestamps)', m.filed, jobs.map((j) => j.filedToCompleted)],
      ['  of which queued (filed → started)', m.queued, jobs.map((j) => j.queued)],
      ['report computing (started → completed)', m.computing, jobs.map((j) => j.computing)],
      ['ceiling, psql (sum of \\timing)', m.ceiling, ceilings.map((c) => c.sum)],
      ['ceiling, psql (wall clock incl. psql start)', m.ceilingWall, ceilings.map((c) => c.wall)],
    ];
    const w = Math.max(...rows.map((r) => r[0].length));
    log(`\n${'='.repeat(w + 40)}`);
    log(`${`median of ${RUNS} runs`.padEnd(w)}  ${'median'.padStart(9)}   runs`);
    for (const [name, value, runs] of rows) log(`${name.padEnd(w)}  ${ms(value).padStart(9)}   ${fmtRuns(runs)}`);
    const rJob = m.wall / m.ceiling;
    const rComputing = m.computing / m.ceiling;
    log('');
    log(`${'ratio report job (end to end) / ceiling'.padEnd(w)}  ${rJob.toFixed(2).padStart(8)}x   target ≤ ${TARGET}x: ${rJob <= TARGET ? 'MET' : 'MISSED'}`);
    log(`${'ratio report computing / ceiling'.padEnd(w)}  ${rComputing.toFixed(2).padStart(8)}x   target ≤ ${TARGET}x: ${rComputing <= TARGET ? 'MET' : 'MISSED'}`);
    log('='.repeat(w + 40));

    log('\nStatement by statement (median ms):');
    const names = [...REPORT_STATEMENTS.map((x) => x.name), ...ceilings[0].statements.map((x) => x.name)];
    const sw = Math.max(...names.map((n) => n.length), 40);
    log('  report job: report-queries.ts, timed inside the job (TypeORM query runner)');
    let reportSum = 0;
    REPORT_STATEMENTS.forEach((x, j) => {
      const t = median(jobs.map((r) => r.statements[j].ms));
      reportSum += t;
      log(`    ${x.name.padEnd(sw)}  ${t.toFixed(0).padStart(7)}`);
    });
    log(`    ${'sum'.padEnd(sw)}  ${reportSum.toFixed(0).padStart(7)}`);
    log(`    ${'rest of computing (transaction, progress, indicators, save)'.padEnd(sw)}  ${median(jobs.map((r) => r.computing - r.statements.reduce((a, x) => a + x.ms, 0))).toFixed(0).padStart(7)}`);
    log('  ceiling.sql (psql \\timing)');
    ceilings[0].statements.forEach((x, j) => log(`    ${x.name.padEnd(sw)}  ${median(ceilings.map((c) => c.statements[j]?.time ?? NaN)).toFixed(0).padStart(7)}`));
    log(`    ${'sum'.padEnd(sw)}  ${m.ceiling.toFixed(0).padStart(7)}`);

    // ---------------------------------------------------------------- verification
    const reference = flattenReport(jobs[0].result);
    const problems = [];
    jobs.slice(1).forEach((j, i) => {
      for (const p of compare(flattenReport(j.result), reference)) problems.push(`run ${i + 2} differs from run 1: ${p}`);
    });
    for (const p of compare(reference, ceilings[0].values)) problems.push(p);
    ceilings.slice(1).forEach((c, i) => {
      for (const p of compare(c.values, ceilings[0].values)) problems.push(`ceiling run ${i + 2} differs from run 1: ${p}`);
    });
    if (problems.length) {
      exitCode = 1;
      log(`\n${'!'.repeat(78)}\n!!! MISMATCH: the report and the ceiling disagree on ${problems.length} number(s):`);
      for (const p of problems) log(`!!!   ${p}`);
      log('!'.repeat(78));
    } else {
      const c = jobs[0].result.counselling;
      log(`\nNumbers agree: all ${reference.size} numbers of the report equal the ceiling's ` +
        `(casesStarted ${c.casesStarted}, casesActive ${c.casesActive}, casesClosed ${c.casesClosed}, contacts ${c.contacts}, ` +
        `uniqueResidents ${c.uniqueResidents}, anonymousResidents ${c.anonymousResidents}, ${Object.keys(c.byTopic).length} topics, ...).`);
    }
    if (generationSeconds !== null) log(`Generation took ${generationSeconds.toFixed(1)} s.`);
  } finally {
    if (!args.keep) {
      await dropDatabase(DB);
      log(`Dropped ${DB} (use --keep to keep it, then --reuse to measure again without generating).`);
    } else {
      log(`Kept ${DB}.`);
    }
  }
  return exitCode;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
