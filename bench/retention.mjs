#!/usr/bin/env node
/**
 * Retention benchmark (not a test): the nightly erasure of residents kept past their plan's
 * retention period, over the production-size data set, while counsellors keep writing.
 *
 *   npm run bench:retention                          # build, generate 100,000 residents, measure, drop the database
 *   npm run build && node bench/retention.mjs --reuse --keep
 *
 * The run is placed 61 months after the data's last activity, so every resident without an open
 * case or a running programme is due: the worst night there can be. It measures, on the same data and machine:
 * - the ceiling: the same statements (src/resident-rights) as one transaction, rolled back;
 * - the job as it runs, in batches of --batch residents, each its own transaction with SKIP LOCKED;
 * - --writers connections logging contacts on open cases the whole time,
 *   before and during the job: their p50, p99 and slowest write tell whether the job blocks work.
 * It checks that exactly the due residents were erased and that a second run erases nobody.
 *
 * Options: --reuse, --keep, --scale=F (1 = 100,000 residents), --db=NAME, --batch=N (1000),
 * --writers=N (4). Environment: BENCH_PG_URL. Needs `psql`.
 */
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { SERVER_URL, databaseExists, dist, dropDatabase, generate, log, parseArgs, require, serverSettings, sleep, withClient } from './lib/bench-data.mjs';

const args = parseArgs(['reuse', 'keep', 'scale', 'db', 'batch', 'writers']);
const DB = String(args.db ?? 'hp_bench_retention');
const DB_URL = `${SERVER_URL}/${DB}`;
const SCALE = Number(args.scale ?? 1);
const BATCH = Number(args.batch ?? 1000);
const WRITERS = Number(args.writers ?? 4);

const { DataSource } = require('typeorm');
// The job's own log line would interleave with the figures.
require('@nestjs/common').Logger.overrideLogger(['error']);
const { UnitOfWork } = require(dist('database/unit-of-work.js'));
const { RetentionService } = require(dist('resident-rights/retention.service.js'));
const { ResidentErasure } = require(dist('resident-rights/resident-erasure.js'));
const { ResidentRecordData } = require(dist('residents/resident-record-data.js'));
const { CounsellingResidentData } = require(dist('counselling/counselling-resident-data.js'));
const { ProgrammeResidentData } = require(dist('job-programmes/programme-resident-data.js'));
const { ConsentResidentData } = require(dist('consents/consent-resident-data.js'));
const { InternshipResidentData } = require(dist('internships/internship-resident-data.js'));
const { ActivityResidentData } = require(dist('activities/activity-resident-data.js'));
const { JobcentreResidentData } = require(dist('jobcentre/jobcentre-resident-data.js'));
const { SmallJobResidentData } = require(dist('small-jobs/small-job-resident-data.js'));
const { OutreachResidentData } = require(dist('outreach/outreach-resident-data.js'));
const { RetentionRepository } = require(dist('resident-rights/retention.repository.js'));
const { IdempotencyKeysRepository } = require(dist('idempotency/idempotency-keys.repository.js'));
const { AuditWriter } = require(dist('audit/audit-writer.js'));
const { AuditRepository } = require(dist('audit/audit.repository.js'));
const { PlansService } = require(dist('plans/plans.service.js'));
const { PlansRepository } = require(dist('plans/plans.repository.js'));

const ROLLED_BACK = new Error('rolled back on purpose');

/** The app's retention service on its own DataSource; `rollback` makes every batch roll back (the ceiling). */
function retentionService(dataSource, { rollback = false } = {}) {
  const uow = new UnitOfWork(dataSource);
  if (rollback) {
    uow.inNewTransaction = async (work) => {
      let result;
      await dataSource.transaction(async (manager) => {
        result = await work(manager);
        throw ROLLED_BACK;
      }).catch((error) => {
        if (error !== ROLLED_BACK) throw error;
      });
      return result;
    };
  }
  const erasure = new ResidentErasure(new ResidentRecordData(), new CounsellingResidentData(), new ProgrammeResidentData(), new ConsentResidentData(), new InternshipResidentData(), new ActivityResidentData(), new JobcentreResidentData(), new SmallJobResidentData(), new OutreachResidentData(), new IdempotencyKeysRepository());
  const audit = new AuditWriter(new AuditRepository(), dataSource.manager);
  return new RetentionService(uow, erasure, audit, new PlansService(new PlansRepository(), dataSource.manager, uow, audit), new RetentionRepository(erasure));
}

const percentile = (xs, p) => {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};

/** Counsellors at work: each connection logs contacts on open cases (the drop-in's write), one after another. */
function startWriters(pool, fixtures) {
  const latencies = [];
  let stop = false;
  let errors = 0;
  const loop = async (w) => {
    for (let i = 0; !stop; i += 1) {
      const c = fixtures.cases[(w * 7919 + i) % fixtures.cases.length];
      const t0 = performance.now();
      try {
        await pool.query(`INSERT INTO counselling_contacts (plan_id, case_id, occurred_at, channel, recorded_by) VALUES ($1, $2, now(), 'in_person', $3)`, [c.plan_id, c.id, fixtures.userId]);
      } catch {
        errors += 1;
      }
      latencies.push(performance.now() - t0);
    }
  };
  const loops = Array.from({ length: WRITERS }, (_, w) => loop(w));
  return {
    take: () => latencies.splice(0),
    stop: async () => {
      stop = true;
      await Promise.all(loops);
      return errors;
    },
  };
}

const describeWrites = (xs, seconds) =>
  `${(xs.length / seconds).toFixed(0)} writes/s, p50 ${percentile(xs, 50).toFixed(2)} ms, p99 ${percentile(xs, 99).toFixed(2)} ms, slowest ${Math.max(...xs).toFixed(1)} ms`;

async function main() {
  if (!args.reuse || !(await databaseExists(DB))) await generate(DB, SCALE);
  log(`PostgreSQL: ${await serverSettings(DB_URL)}`);
  const fixtures = await withClient(DB_URL, async (c) => {
    const [{ now }] = (await c.query(`SELECT (greatest((SELECT max(opened_at) FROM counselling_cases), (SELECT max(created_at) FROM counselling_contacts), now()) + interval '61 months') AS now`)).rows;
    const [{ due, residents }] = (
      await c.query(`SELECT count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM counselling_cases k WHERE k.resident_id = r.id AND k.status = 'open')
                                            AND NOT EXISTS (SELECT 1 FROM job_programmes p WHERE p.resident_id = r.id AND p.phase NOT IN ('ordinary_job', 'ended'))) AS due,
                            count(*) AS residents
                       FROM residents r WHERE r.erased_at IS NULL`)
    ).rows;
    const cases = (await c.query(`SELECT id, plan_id FROM counselling_cases WHERE status = 'open' AND opened_at < now() ORDER BY random() LIMIT 2000`)).rows;
    const [{ registered_by: userId }] = (await c.query(`SELECT registered_by FROM residents LIMIT 1`)).rows;
    return { now, due: Number(due), residents: Number(residents), cases, userId };
  });
  log(`${fixtures.residents.toLocaleString('en')} residents, ${fixtures.due.toLocaleString('en')} of them due (nothing open) at ${fixtures.now.toISOString()}.`);

  const dataSource = new DataSource({ type: 'postgres', url: DB_URL, logging: ['error'], extra: { max: 4 } });
  await dataSource.initialize();
  const writerPool = new pg.Pool({ connectionString: DB_URL, max: WRITERS });
  // pool.end() resolves before its connections have closed; one still closing when the database is
  // dropped (WITH FORCE) reports its termination as an 'error' event, which unhandled ended the run
  // with exit 1 after it had passed (seen once in CI). Writes during the run count their own errors.
  writerPool.on('error', () => undefined);
  try {
    const t0 = performance.now();
    const ceiling = await retentionService(dataSource, { rollback: true }).run(fixtures.now, 1e9);
    const ceilingSeconds = (performance.now() - t0) / 1000;
    log(`Ceiling (the same statements as one transaction, rolled back): ${ceiling.erased.toLocaleString('en')} residents in ${ceilingSeconds.toFixed(1)} s.`);

    const writers = startWriters(writerPool, fixtures);
    await sleep(5000);
    const before = writers.take();
    const t1 = performance.now();
    const run = await retentionService(dataSource).run(fixtures.now, BATCH);
    const jobSeconds = (performance.now() - t1) / 1000;
    const during = writers.take();
    const errors = await writers.stop();
    log(`Retention job: ${run.erased.toLocaleString('en')} residents erased in ${run.batches} batches of up to ${BATCH} in ${jobSeconds.toFixed(1)} s ` +
      `(${(run.erased / jobSeconds).toFixed(0)} residents/s); ratio to the ceiling ${(ceilingSeconds / jobSeconds).toFixed(2)}.`);
    log(`Writes before the job (${WRITERS} connections, 5 s): ${describeWrites(before, 5)}`);
    log(`Writes during the job:                     ${describeWrites(during, jobSeconds)}${errors ? `; ${errors} writes FAILED` : ''}`);

    const again = await retentionService(dataSource).run(fixtures.now, BATCH);
    const problems = [];
    if (run.erased !== fixtures.due) problems.push(`erased ${run.erased}, expected ${fixtures.due}`);
    if (ceiling.erased !== fixtures.due) problems.push(`the ceiling erased ${ceiling.erased}, expected ${fixtures.due}`);
    if (again.erased !== 0) problems.push(`a second run erased ${again.erased}`);
    if (errors) problems.push(`${errors} concurrent writes failed`);
    const [{ left }] = (await dataSource.query(`SELECT count(*) AS left FROM residents WHERE erased_at IS NOT NULL AND (first_name IS NOT NULL OR birth_date IS NOT NULL)`));
    if (Number(left) !== 0) problems.push(`${left} erased residents still carry a name or birth date`);
    if (problems.length) {
      log(`WRONG: ${problems.join('; ')}`);
      process.exitCode = 1;
    } else {
      log('Checked: exactly the due residents erased, none with a name left, a second run erases nobody.');
    }
  } finally {
    await writerPool.end();
    await dataSource.destroy();
    if (!args.keep) await dropDatabase(DB);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
