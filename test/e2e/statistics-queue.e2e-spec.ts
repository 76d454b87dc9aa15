import { createPlan, type PlanFixture } from '../support/fixtures';
import { PrivateRedis } from '../support/redis-server';
import { createTestApp, type TestApp } from '../support/test-app';
import { waitFor } from '../support/wait-for';

describe('the statistics queue when Redis goes away', () => {
  let redis: PrivateRedis;
  let t: TestApp;
  let plan: PlanFixture;

  beforeAll(async () => {
    redis = await PrivateRedis.start();
    t = await createTestApp({ redisUrl: redis.url });
    plan = await createPlan(t, 'Redis nede');
  });
  afterAll(async () => {
    // Back up (if a failed test left it down), so the app can close its connections cleanly.
    await redis.start();
    await t.close();
    await redis.stop();
  });

  it('accepts a report request while Redis is stopped and delivers it once Redis is back', async () => {
    await redis.stop();
    // Without Redis the service still takes writes: it is degraded, not unready.
    const ready = await t.http().get('/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({ status: 'degraded', checks: { postgres: { status: 'up' }, redis: { status: 'down' } } });

    const requested = await plan.leader.post('/reports/half-year', { year: 2025, half: 2 });
    expect(requested.status).toBe(202);
    const waiting = await plan.leader.get(`/reports/${requested.body.id}`);
    expect(waiting.body.status).toBe('queued');

    await redis.start();
    const done = await waitFor(
      'the report to be computed after Redis restarted',
      async () => {
        const res = await plan.leader.get(`/reports/${requested.body.id}`);
        return res.body.status === 'completed' ? res.body : undefined;
      },
      30_000,
    );
    expect(done).toMatchObject({ version: 1, progress: 100 });
    expect(done.result.counselling.casesStarted).toBe(0);
  });
});
