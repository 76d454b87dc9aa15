import { Client } from 'pg';
import { ChildApp, killChildApps } from '../support/child-app';
import { createPlan, type PlanFixture } from '../support/fixtures';
import { createTestApp, testConfig, type TestApp } from '../support/test-app';
import { testDatabaseUrl } from '../support/test-env';
import { waitFor } from '../support/wait-for';

/**
 * Workers are real processes here, killed with SIGKILL the way the OOM killer or a host restart
 * kills them: no shutdown hook runs, the job's lock in Redis simply stops being renewed.
 */
describe('a half-year report whose worker is killed', () => {
  const shared = testConfig();
  const workerConfig = () => testConfig({ processRole: 'worker', redisPrefix: shared.redisPrefix, jwtSecret: shared.jwtSecret });
  let api: TestApp;
  let plan: PlanFixture;
  let owner: Client;
  const apps: TestApp[] = [];

  beforeAll(async () => {
    api = await createTestApp({ processRole: 'api', redisPrefix: shared.redisPrefix, jwtSecret: shared.jwtSecret });
    plan = await createPlan(api, 'Arbejder dræbt');
    owner = new Client({ connectionString: testDatabaseUrl() });
    await owner.connect();
  });
  afterAll(async () => {
    await killChildApps();
    for (const app of apps) await app.close();
    await api.close();
    await owner.end();
  });

  const report = async (id: string) => {
    const { rows } = await owner.query(`SELECT status, attempts, failure_reason FROM half_year_reports WHERE id = $1`, [id]);
    return rows[0] as { status: string; attempts: number; failure_reason: string | null };
  };

  it('ends failed with a reason a leader can pass on when its worker is killed twice while computing it, instead of staying running', async () => {
    // Hold the first table the report reads, so each worker is in the middle of the computation when it dies.
    const blocker = new Client({ connectionString: testDatabaseUrl() });
    await blocker.connect();
    await blocker.query('BEGIN');
    await blocker.query('LOCK TABLE counselling_cases IN ACCESS EXCLUSIVE MODE');
    try {
      const first = await ChildApp.start(workerConfig());
      const requested = await plan.leader.post('/reports/half-year', { year: 2025, half: 2 });
      expect(requested.status).toBe(202);
      const id: string = requested.body.id;
      await waitFor('the first worker to be computing the report', async () => ((await report(id)).attempts === 1 ? true : undefined));
      await first.kill();

      const second = await ChildApp.start(workerConfig());
      await waitFor('the second worker to take the abandoned job over', async () => ((await report(id)).attempts === 2 ? true : undefined));
      expect((await report(id)).status).toBe('running');
      await second.kill();

      apps.push(await createTestApp({ processRole: 'worker', redisPrefix: shared.redisPrefix, jwtSecret: shared.jwtSecret }));
      const failed = await waitFor('the report to end', async () => {
        const res = await plan.leader.get(`/reports/${id}`);
        return ['failed', 'completed'].includes(res.body.status) ? res.body : undefined;
      });
      expect(failed.status).toBe('failed');
      expect(failed.failureReason).toMatch(/stopped unexpectedly twice/);
      expect(failed.failureReason).toMatch(/Request it again/);
    } finally {
      await blocker.query('ROLLBACK');
      await blocker.end();
    }
  }, 120_000);
});
