import { Client } from 'pg';
import { dailySlot } from '../../src/jobs/schedules';
import { ReportScheduler } from '../../src/statistics/report-scheduler';
import { Caller, createPlan, type PlanFixture } from '../support/fixtures';
import { createTestApp, testConfig, type TestApp } from '../support/test-app';
import { testDatabaseUrl } from '../support/test-env';
import { waitFor } from '../support/wait-for';

/** Two API and two worker processes on one PostgreSQL and one Redis key space, as a larger municipality runs it. */
describe('two API and two worker processes', () => {
  const shared = testConfig();
  const start = (processRole: 'api' | 'worker') => createTestApp({ processRole, redisPrefix: shared.redisPrefix, jwtSecret: shared.jwtSecret });
  let apis: TestApp[];
  let workers: TestApp[] = [];
  let owner: Client;

  beforeAll(async () => {
    apis = [await start('api'), await start('api')];
    owner = new Client({ connectionString: testDatabaseUrl() });
    await owner.connect();
  });
  afterAll(async () => {
    for (const app of [...workers, ...apis]) await app.close();
    await owner.end();
  });

  const rows = async <T>(text: string, params: unknown[] = []) => (await owner.query(text, params)).rows as T[];
  const scheduledReports = (planId: string) =>
    rows<{ year: number; half: number; status: string }>(
      `SELECT year, half, status FROM half_year_reports WHERE plan_id = $1 AND trigger = 'scheduled' ORDER BY year, half`,
      [planId],
    );

  /** The plan existed when H2 2025 and H1 2026 ended (its validity starts 1 November 2025), so both are due. */
  const existedSince2025 = (plan: PlanFixture) => owner.query(`UPDATE plans SET created_at = '2025-06-01T12:00:00+02:00' WHERE id = $1`, [plan.planId]);

  it('files each due half-year report and the morning reminders once when the workers start late, and once when two sweep at the same moment', async () => {
    const late = await createPlan(apis[0], 'Sen arbejder');
    const recent = await createPlan(apis[0], 'Ny plan');
    await existedSince2025(late);
    expect(await scheduledReports(late.planId)).toEqual([]);

    workers = await Promise.all([start('worker'), start('worker')]);
    const filed = await waitFor('the overdue half-year reports to be filed and computed', async () => {
      const rows = await scheduledReports(late.planId);
      return rows.length === 2 && rows.every((r) => r.status === 'completed') ? rows : undefined;
    });
    expect(filed.map((r) => `${r.year}-H${r.half}`)).toEqual(['2025-H2', '2026-H1']);
    // A plan created after the last half-year ended has nothing due yet.
    expect(await scheduledReports(recent.planId)).toEqual([]);
    const reminderRuns = await rows(`SELECT completed_at FROM outbox WHERE schedule_key = $1`, [`reminders:${dailySlot(new Date(), '05:00')}`]);
    expect(reminderRuns).toHaveLength(1);

    // Both workers look for due reports at the same moment, bypassing the sweep's lock: the database still files each once.
    const racing = await createPlan(apis[1], 'Kapløb');
    await existedSince2025(racing);
    await Promise.all(workers.map((w) => w.app.get(ReportScheduler, { strict: false }).fileDueReports()));
    await waitFor('the raced reports to be computed', async () => {
      const rows = await scheduledReports(racing.planId);
      return rows.length >= 2 && rows.every((r) => r.status === 'completed') ? rows : undefined;
    });
    expect((await scheduledReports(racing.planId)).map((r) => `${r.year}-H${r.half}`)).toEqual(['2025-H2', '2026-H1']);
  }, 60_000);

  it('computes every report requested through either API exactly once', async () => {
    const plan = await createPlan(apis[0], 'To API');
    // The same leader's token is honoured by both API processes (one JWT secret).
    const leaders = [plan.leader, new Caller(apis[1], plan.leader.token, plan.leader.user)];
    const requested: string[] = [];
    // Each request after the one before completed: a request while the half-year's report is still
    // queued or running answers with that report (report-requests.e2e-spec.ts), not a new version.
    for (let i = 0; i < 6; i++) {
      const res = await leaders[i % 2].post('/reports/half-year', { year: 2025, half: 2 });
      expect(res.status).toBe(202);
      requested.push(res.body.id);
      await waitFor(`report ${res.body.id} to be computed`, async () => {
        const [row] = await rows<{ status: string }>(`SELECT status FROM half_year_reports WHERE id = $1`, [res.body.id]);
        return row?.status === 'completed' ? true : undefined;
      });
    }
    const reports = await waitFor('every report to be computed', async () => {
      const found = await rows<{ id: string; status: string; attempts: number; version: number }>(
        `SELECT id, status, attempts, version FROM half_year_reports WHERE id = ANY($1)`,
        [requested],
      );
      return found.length === requested.length && found.every((r) => r.status === 'completed') ? found : undefined;
    });
    expect(reports.map((r) => r.attempts)).toEqual(requested.map(() => 1));
    expect(reports.map((r) => r.version).sort()).toEqual([1, 2, 3, 4, 5, 6]);
    const jobs = await rows<{ completed_at: Date | null; failed_at: Date | null }>(`SELECT completed_at, failed_at FROM outbox WHERE payload->>'reportId' = ANY($1)`, [
      requested,
    ]);
    expect(jobs).toHaveLength(requested.length);
    expect(jobs.every((j) => j.completed_at && !j.failed_at)).toBe(true);
  }, 60_000);
});
