import { createPlan, STAFF_PASSWORD, type PlanFixture } from '../support/fixtures';
import { PrivateRedis } from '../support/redis-server';
import { API, createTestApp, type TestApp } from '../support/test-app';
import { waitFor } from '../support/wait-for';

/**
 * While Redis is down the service stays in rotation, degraded (README "Reliability"): sign-in
 * works without its throttle and /health/ready says `degraded`. Both must answer within a load
 * balancer's probe timeout (1-2 s), or the balancer drops the instance the design keeps. The
 * bounds below are generous correctness bounds, not benchmarks.
 */
describe('the request path while Redis is out of reach', () => {
  let redis: PrivateRedis;
  let t: TestApp;
  let plan: PlanFixture;

  beforeAll(async () => {
    redis = await PrivateRedis.start();
    // The API alone: a worker would only wait for Redis to come back.
    t = await createTestApp({ processRole: 'api', redisUrl: redis.url });
    plan = await createPlan(t, 'Uden Redis');
  });
  afterAll(async () => {
    redis.resume();
    // Up again, so the app's queue connections close instead of retrying.
    await redis.start();
    await t.close();
    await redis.stop();
  }, 60_000);

  async function timed<T>(run: () => Promise<T>): Promise<{ value: T; ms: number }> {
    const started = performance.now();
    const value = await run();
    return { value, ms: performance.now() - started };
  }

  const signIn = () => t.http().post(`${API}/auth/login`).send({ email: plan.counsellor.user.email, password: STAFF_PASSWORD });
  const ready = () => t.http().get('/health/ready');

  describe.each([
    ['stopped', () => redis.stop(), () => redis.start()],
    ['hung (it holds the connection and answers nothing)', async () => redis.pause(), async () => redis.resume()],
  ])('when Redis is %s', (_label, down, up) => {
    beforeAll(async () => {
      await waitFor('Redis to be up for the app', async () => ((await ready()).body.checks?.redis?.status === 'up' ? true : undefined));
      await down();
    });
    afterAll(async () => {
      await up();
      await waitFor('Redis to be back for the app', async () => ((await ready()).body.checks?.redis?.status === 'up' ? true : undefined));
    });

    it('answers /health/ready within a probe timeout, degraded, naming Redis as down', async () => {
      const { value: res, ms } = await timed(ready);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'degraded', checks: { postgres: { status: 'up' }, redis: { status: 'down' } } });
      expect(ms).toBeLessThan(1500);
    });

    it('signs a counsellor in within a probe timeout: throttling pauses, sign-in does not', async () => {
      const { value: res, ms } = await timed(signIn);
      expect(res.status).toBe(200);
      expect(res.body.accessToken).toBeDefined();
      expect(ms).toBeLessThan(1500);
    });

    it('answers a single-use sign-in step that needs Redis with 503 and Retry-After within the bound, never a wait', async () => {
      const { value: res, ms } = await timed(() => t.http().post(`${API}/auth/exchange`).send({ code: 'a'.repeat(43) }));
      expect([res.status, res.body.code]).toEqual([503, 'dependency_unavailable']);
      expect(res.headers['retry-after']).toBeDefined();
      expect(ms).toBeLessThan(1500);
    });
  });
});
