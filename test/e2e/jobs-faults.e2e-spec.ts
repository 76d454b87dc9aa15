import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { Client } from 'pg';
import { addDays } from '../../src/common/calendar';
import { todayInPlanZone } from '../../src/common/time';
import { STATISTICS_QUEUE } from '../../src/jobs/queues';
import { Reconciler } from '../../src/jobs/reconciler';
import { dailySlot } from '../../src/jobs/schedules';
import { localMidnightIso } from '../../src/common/time';
import { createPlan, type PlanFixture } from '../support/fixtures';
import { PrivateRedis } from '../support/redis-server';
import { TcpProxy } from '../support/tcp-proxy';
import { createTestApp, testConfig, type TestApp } from '../support/test-app';
import { testDatabaseUrl } from '../support/test-env';
import { waitFor } from '../support/wait-for';

let owner: Client;
beforeAll(async () => {
  owner = new Client({ connectionString: testDatabaseUrl() });
  await owner.connect();
});
afterAll(() => owner.end());

/** Rows read as the owner, behind the app's back. */
async function rows<T>(text: string, params: unknown[] = []): Promise<T[]> {
  return (await owner.query(text, params)).rows as T[];
}

interface ReportRow {
  status: string;
  attempts: number;
  trigger: string;
  year: number;
  half: number;
  job_id: string;
}

/** A report and the id of its job (the outbox row that carries it to the queue). */
async function reportRow(id: string): Promise<ReportRow> {
  const [row] = await rows<ReportRow>(
    `SELECT r.status, r.attempts, r.trigger, r.year, r.half, o.id AS job_id
       FROM half_year_reports r LEFT JOIN outbox o ON o.payload->>'reportId' = r.id::text WHERE r.id = $1`,
    [id],
  );
  return row;
}

const finished = (plan: PlanFixture, id: string) =>
  waitFor(`report ${id} to be completed or failed`, async () => {
    const res = await plan.leader.get(`/reports/${id}`);
    return ['completed', 'failed'].includes(res.body.status) ? res.body : undefined;
  });

/** Locks the first table a report reads, so a worker is held in the middle of computing one. */
async function holdReports(): Promise<{ release: () => Promise<void> }> {
  const client = new Client({ connectionString: testDatabaseUrl() });
  await client.connect();
  await client.query('BEGIN');
  await client.query('LOCK TABLE counselling_cases IN ACCESS EXCLUSIVE MODE');
  return {
    release: async () => {
      await client.query('ROLLBACK');
      await client.end();
    },
  };
}

describe('a half-year report when PostgreSQL is unreachable for longer than its retries', () => {
  const shared = testConfig();
  let proxy: TcpProxy;
  let api: TestApp;
  let worker: TestApp;
  let plan: PlanFixture;

  beforeAll(async () => {
    const target = new URL(shared.databaseUrl);
    proxy = await TcpProxy.start(target.hostname, Number(target.port || 5432));
    // Only the worker goes through the proxy: the API accepts requests while the worker cannot reach PostgreSQL. The API
    // starts last because apps in one process share Passport's strategy registry, and its JWT check must use the API's database.
    worker = await createTestApp({ processRole: 'worker', redisPrefix: shared.redisPrefix, jwtSecret: shared.jwtSecret, databaseUrl: proxy.url(shared.databaseUrl) });
    api = await createTestApp({ processRole: 'api', redisPrefix: shared.redisPrefix, jwtSecret: shared.jwtSecret });
    plan = await createPlan(api, 'Database nede');
  });
  afterAll(async () => {
    proxy.restore();
    await worker.close();
    await api.close();
    await proxy.close();
  });

  it('completes once PostgreSQL is back, whether it was being computed or still waiting when the database went away', async () => {
    const queue = api.app.get<Queue>(getQueueToken(STATISTICS_QUEUE), { strict: false });
    const held = await holdReports();
    const running = (await plan.leader.post('/reports/half-year', { year: 2025, half: 2 })).body.id as string;
    await waitFor('the worker to be computing the first report', async () => ((await reportRow(running)).status === 'running' ? true : undefined));

    proxy.cut();
    await held.release();
    const waiting = (await plan.leader.post('/reports/half-year', { year: 2025, half: 1 })).body.id as string;
    for (const id of [running, waiting]) {
      const { job_id } = await reportRow(id);
      await waitFor(`BullMQ to give up on report ${id} after its retries`, async () => ((await queue.getJobState(job_id)) === 'failed' ? true : undefined));
    }
    // The worker could not record the failure: without a reconciler the reports would stay like this for ever.
    expect((await reportRow(running)).status).toBe('running');
    expect((await reportRow(waiting)).status).toBe('queued');

    proxy.restore();
    for (const id of [running, waiting]) {
      expect(await finished(plan, id)).toMatchObject({ status: 'completed', progress: 100 });
    }
  }, 60_000);
});

describe('the queue when Redis loses its data', () => {
  const shared = testConfig();
  let redis: PrivateRedis;
  let api: TestApp;
  let worker: TestApp | undefined;
  let plan: PlanFixture;

  beforeAll(async () => {
    redis = await PrivateRedis.start();
    api = await createTestApp({ processRole: 'api', redisUrl: redis.url, redisPrefix: shared.redisPrefix, jwtSecret: shared.jwtSecret });
    plan = await createPlan(api, 'Redis tømt');
  });
  afterAll(async () => {
    await redis.start();
    await worker?.close();
    await api.close();
    await redis.stop();
  });

  it('hands a report to the queue again and completes it when Redis lost the job after it was dispatched', async () => {
    const id = (await plan.leader.post('/reports/half-year', { year: 2025, half: 2 })).body.id as string;
    const { job_id } = await reportRow(id);
    await waitFor('the report to be handed to the queue', async () => {
      const [row] = await rows<{ dispatched_at: Date | null }>(`SELECT dispatched_at FROM outbox WHERE id = $1`, [job_id]);
      return row.dispatched_at ? true : undefined;
    });
    const admin = new Redis(redis.url);
    await admin.flushall();
    admin.disconnect();

    worker = await createTestApp({ processRole: 'worker', redisUrl: redis.url, redisPrefix: shared.redisPrefix, jwtSecret: shared.jwtSecret });
    expect(await finished(plan, id)).toMatchObject({ status: 'completed', version: 1 });
    expect((await reportRow(id)).attempts).toBe(1);
  });

  it('still files the due half-year reports and the morning reminders after Redis came back empty', async () => {
    await redis.stop();
    await redis.start();
    // The plan existed when H2 2025 and H1 2026 ended (its validity starts 1 November 2025), so both are due.
    await owner.query(`UPDATE plans SET created_at = '2025-06-01T12:00:00+02:00' WHERE id = $1`, [plan.planId]);
    const filed = await waitFor('both due half-year reports to be filed and computed', async () => {
      const scheduled = await rows<{ year: number; half: number; status: string }>(
        `SELECT year, half, status FROM half_year_reports WHERE plan_id = $1 AND trigger = 'scheduled' ORDER BY year, half`,
        [plan.planId],
      );
      return scheduled.length === 2 && scheduled.every((r) => r.status === 'completed') ? scheduled : undefined;
    });
    expect(filed.map((r) => `${r.year}-H${r.half}`)).toEqual(['2025-H2', '2026-H1']);

    // Tomorrow morning the reminders are due again; what is due is read from PostgreSQL, not from Redis.
    const tomorrowMorning = new Date(Date.parse(localMidnightIso(addDays(todayInPlanZone(), 1))) + 6 * 3600_000);
    const key = `reminders:${dailySlot(tomorrowMorning, '05:00')}`;
    const reconciler = worker!.app.get(Reconciler);
    await waitFor('the morning reminders to be computed', async () => {
      await reconciler.sweep(tomorrowMorning);
      const [row] = await rows<{ completed_at: Date | null }>(`SELECT completed_at FROM outbox WHERE schedule_key = $1`, [key]);
      return row?.completed_at ? true : undefined;
    });
    await reconciler.sweep(tomorrowMorning);
    expect(await rows(`SELECT id FROM outbox WHERE schedule_key = $1`, [key])).toHaveLength(1);
  });
});

describe('a worker that starts after Redis lost the work', () => {
  const shared = testConfig();
  // Far longer than the test waits: only a sweep at start can hand the lost job over in time.
  const reconcileIntervalMs = 10 * 60_000;
  let redis: PrivateRedis;
  let api: TestApp;
  let worker: TestApp | undefined;
  let plan: PlanFixture;

  beforeAll(async () => {
    redis = await PrivateRedis.start();
    api = await createTestApp({ processRole: 'api', redisUrl: redis.url, redisPrefix: shared.redisPrefix, jwtSecret: shared.jwtSecret });
    plan = await createPlan(api, 'Redis tømt, arbejder genstartet');
  });
  afterAll(async () => {
    await worker?.close();
    await api.close();
    await redis.stop();
  });

  it('takes the lost report up at once when it starts, well before its first reconciliation interval has passed', async () => {
    const id = (await plan.leader.post('/reports/half-year', { year: 2025, half: 2 })).body.id as string;
    const { job_id } = await reportRow(id);
    await waitFor('the report to be handed to the queue', async () => {
      const [row] = await rows<{ dispatched_at: Date | null }>(`SELECT dispatched_at FROM outbox WHERE id = $1`, [job_id]);
      return row.dispatched_at ? true : undefined;
    });
    const admin = new Redis(redis.url);
    await admin.flushall();
    admin.disconnect();

    const started = Date.now();
    worker = await createTestApp({ processRole: 'worker', reconcileIntervalMs, redisUrl: redis.url, redisPrefix: shared.redisPrefix, jwtSecret: shared.jwtSecret });
    const report = await waitFor(
      'the lost report to be completed',
      async () => {
        const res = await plan.leader.get(`/reports/${id}`);
        return res.body.status === 'completed' ? res.body : undefined;
      },
      30_000,
    );
    expect(report).toMatchObject({ status: 'completed', version: 1 });
    expect(Date.now() - started).toBeLessThan(reconcileIntervalMs / 10);
  });
});

describe('a half-year report that takes too long', () => {
  const shared = testConfig();
  let worker: TestApp;
  let api: TestApp;
  let plan: PlanFixture;

  beforeAll(async () => {
    worker = await createTestApp({ processRole: 'worker', redisPrefix: shared.redisPrefix, jwtSecret: shared.jwtSecret });
    api = await createTestApp({ processRole: 'api', redisPrefix: shared.redisPrefix, jwtSecret: shared.jwtSecret });
    plan = await createPlan(api, 'For sent');
  });
  afterAll(async () => {
    await worker.close();
    await api.close();
  });

  it('is failed with a reason once it is past its deadline, and stays failed when the stuck computation finishes after all', async () => {
    const held = await holdReports();
    try {
      const id = (await plan.leader.post('/reports/half-year', { year: 2025, half: 2 })).body.id as string;
      await waitFor('the worker to be computing the report', async () => ((await reportRow(id)).status === 'running' ? true : undefined));
      // Requested longer ago than the deadline (120 minutes in these tests).
      await owner.query(`UPDATE half_year_reports SET created_at = now() - interval '121 minutes' WHERE id = $1`, [id]);
      const failed = await finished(plan, id);
      expect(failed.status).toBe('failed');
      expect(failed.failureReason).toMatch(/not finished within 120 minutes/);

      await held.release();
      const { job_id } = await reportRow(id);
      await waitFor('the stuck job to end', async () => {
        const [row] = await rows<{ completed_at: Date | null }>(`SELECT completed_at FROM outbox WHERE id = $1`, [job_id]);
        const job = await api.app.get<Queue>(getQueueToken(STATISTICS_QUEUE), { strict: false }).getJobState(job_id);
        return job === 'completed' || row.completed_at ? true : undefined;
      });
      expect((await plan.leader.get(`/reports/${id}`)).body).toMatchObject({ status: 'failed', result: null });
    } finally {
      await held.release().catch(() => undefined);
    }
  });
});

describe('work for a queue this version does not know', () => {
  let t: TestApp;
  let plan: PlanFixture;
  beforeAll(async () => {
    t = await createTestApp();
    plan = await createPlan(t, 'Ukendt kø');
  });
  afterAll(() => t.close());

  it('holds back no other job: a newer version\'s queue (mid rolling deploy) waits for a process that knows it', async () => {
    // Fifty-one rows, more than one relay batch, all older than the report's own.
    await owner.query(`INSERT INTO outbox (queue, job_name, payload, created_at) SELECT 'from-a-newer-version', 'unknown-job', '{}', now() - interval '1 minute' FROM generate_series(1, 51)`);
    try {
      const id = (await plan.leader.post('/reports/half-year', { year: 2025, half: 2 })).body.id as string;
      expect(await finished(plan, id)).toMatchObject({ status: 'completed' });
      expect(await rows(`SELECT 1 FROM outbox WHERE queue = 'from-a-newer-version' AND dispatched_at IS NULL`)).toHaveLength(51);
    } finally {
      await owner.query(`DELETE FROM outbox WHERE queue = 'from-a-newer-version'`);
    }
  });
});
