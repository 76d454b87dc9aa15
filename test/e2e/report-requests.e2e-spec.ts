import { Client } from 'pg';
import { MAX_UNFINISHED_REQUESTS } from '../../src/statistics/reports.service';
import { createPlan, type PlanFixture } from '../support/fixtures';
import { createTestApp, testConfig, type TestApp } from '../support/test-app';
import { testDatabaseUrl } from '../support/test-env';
import { waitFor } from '../support/wait-for';

/**
 * A leader's report requests (finding 4 of issue 20): while a report of the half-year is queued
 * or running, asking again answers with it; a plan has a bounded number queued at once. The API
 * runs without a worker, so requested reports stay queued until the test starts one.
 */
describe('requesting a half-year report', () => {
  const shared = testConfig();
  let api: TestApp;
  let worker: TestApp | undefined;
  let plan: PlanFixture;
  let owner: Client;

  beforeAll(async () => {
    owner = new Client({ connectionString: testDatabaseUrl() });
    await owner.connect();
    api = await createTestApp({ processRole: 'api', redisPrefix: shared.redisPrefix, jwtSecret: shared.jwtSecret });
    plan = await createPlan(api, 'Rapportbestillinger');
  });
  afterAll(async () => {
    await worker?.close();
    await api.close();
    await owner.end();
  });

  const reportsOf = async (year: number, half: number) =>
    (await owner.query(`SELECT id, version, status FROM half_year_reports WHERE plan_id = $1 AND year = $2 AND half = $3 ORDER BY version`, [plan.planId, year, half])).rows as {
      id: string;
      version: number;
      status: string;
    }[];

  it('makes one report of thirty requests for the same half-year sent at once, and answers each with it', async () => {
    const answers = await Promise.all(Array.from({ length: 30 }, () => plan.leader.post('/reports/half-year', { year: 2025, half: 2 })));
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 202));
    const reports = await reportsOf(2025, 2);
    expect(reports).toHaveLength(1);
    expect(new Set(answers.map((a) => a.body.id))).toEqual(new Set([reports[0].id]));
    expect(answers[0].body).toMatchObject({ id: reports[0].id, status: 'queued', version: 1 });
  });

  it(`refuses a further half-year with 429 and Retry-After while ${MAX_UNFINISHED_REQUESTS} requested reports are queued, and still answers a queued one`, async () => {
    const periods = [
      { year: 2025, half: 1 },
      { year: 2024, half: 2 },
      { year: 2024, half: 1 },
    ];
    for (const period of periods) expect((await plan.leader.post('/reports/half-year', period)).status).toBe(202);
    const throttled = await plan.leader.post('/reports/half-year', { year: 2023, half: 2 });
    expect(throttled.status).toBe(429);
    expect(throttled.body.code).toBe('report_requests_throttled');
    expect(Number(throttled.headers['retry-after'])).toBeGreaterThan(0);
    expect(await reportsOf(2023, 2)).toHaveLength(0);

    const again = await plan.leader.post('/reports/half-year', { year: 2025, half: 2 });
    expect(again.status).toBe(202);
    expect(again.body.id).toBe((await reportsOf(2025, 2))[0].id);
  });

  it('makes a new version when the half-year\'s report has completed (each run is a new version)', async () => {
    worker = await createTestApp({ processRole: 'worker', redisPrefix: shared.redisPrefix, jwtSecret: shared.jwtSecret });
    await waitFor('the queued reports to be computed', async () => {
      const open = await owner.query(`SELECT 1 FROM half_year_reports WHERE plan_id = $1 AND status IN ('queued', 'running')`, [plan.planId]);
      return open.rowCount === 0 ? true : undefined;
    }, 60_000);
    const again = await plan.leader.post('/reports/half-year', { year: 2025, half: 2 });
    expect(again.status).toBe(202);
    expect(again.body).toMatchObject({ status: 'queued', version: 2 });
    expect((await reportsOf(2025, 2)).map((r) => r.version)).toEqual([1, 2]);
  });
});
