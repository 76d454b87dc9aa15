import { randomBytes } from 'node:crypto';
import { addStaff, createPlan, STAFF_PASSWORD, type PlanFixture } from '../support/fixtures';
import { API, createTestApp, testConfig, type TestApp } from '../support/test-app';

/**
 * Password guessing is slowed, atomically across API processes, and an outsider cannot lock a
 * counsellor out: the counters are per account and address, and the account-wide one only slows
 * unknown addresses, by at most a minute.
 */
describe('login throttling', () => {
  const shared = testConfig({ trustProxy: 1 });
  let one: TestApp;
  let two: TestApp;
  let plan: PlanFixture;

  beforeAll(async () => {
    const same = { redisPrefix: shared.redisPrefix, jwtSecret: shared.jwtSecret, trustProxy: 1 };
    one = await createTestApp(same);
    two = await createTestApp(same);
    plan = await createPlan(one, 'Gætteri');
  });
  afterAll(async () => {
    await one.close();
    await two.close();
  });

  async function account(): Promise<string> {
    return (await addStaff(one, plan, 'counsellor', { email: `target-${randomBytes(4).toString('hex')}@test.dk`, name: 'Mål' })).user.email;
  }

  const attempt = (app: TestApp, email: string, password: string, address: string) =>
    app.http().post(`${API}/auth/login`).set('X-Forwarded-For', address).send({ email, password });

  it('checks only five of twenty wrong passwords sent at once to two API processes', async () => {
    const email = await account();
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => attempt(i % 2 ? one : two, email, `wrong-guess-${i}`, '203.0.113.7')));
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(15);
    const throttled = answers.find((a) => a.status === 429)!;
    expect(Number(throttled.headers['retry-after'])).toBeGreaterThan(0);
    expect(throttled.body.code).toBe('throttled');
  });

  it('lets the counsellor sign in from their own address while a guesser elsewhere is held back', async () => {
    const email = await account();
    for (let i = 0; i < 8; i += 1) await attempt(one, email, `wrong-${i}`, '198.51.100.66');
    expect((await attempt(one, email, STAFF_PASSWORD, '198.51.100.66')).status).toBe(429);
    expect((await attempt(two, email, STAFF_PASSWORD, '192.0.2.10')).status).toBe(200);
  });

  it('slows guessing spread over many addresses without locking out the counsellor\'s known address', async () => {
    const email = await account();
    expect((await attempt(one, email, STAFF_PASSWORD, '192.0.2.20')).status).toBe(200);
    for (let i = 0; i < 25; i += 1) await attempt(i % 2 ? one : two, email, `spray-${i}`, `198.18.0.${i + 1}`);
    const stranger = await attempt(one, email, STAFF_PASSWORD, '198.18.1.1');
    expect(stranger.status).toBe(429);
    expect(Number(stranger.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect((await attempt(two, email, STAFF_PASSWORD, '192.0.2.20')).status).toBe(200);
  });
});

/**
 * Behind a proxy the client's address is the one the nearest trusted proxy saw (TRUST_PROXY is a
 * hop count or the proxies' addresses): a guesser who writes addresses of their own at the left
 * of X-Forwarded-For is still counted at the address the proxy appended.
 */
describe.each([
  ['one trusted hop', 1 as const],
  ['the proxy named by its address', ['127.0.0.1', '::1', '::ffff:127.0.0.1']],
])('login throttling behind a proxy trusted as %s', (_label, trustProxy) => {
  let t: TestApp;
  let plan: PlanFixture;

  beforeAll(async () => {
    t = await createTestApp({ trustProxy });
    plan = await createPlan(t, 'Falske adresser');
  });
  afterAll(() => t.close());

  it('counts guesses at the address the proxy saw, whatever the client writes at the left of X-Forwarded-For', async () => {
    const { email } = (await addStaff(t, plan, 'counsellor', { name: 'Mål' })).user;
    const statuses: number[] = [];
    for (let i = 0; i < 7; i += 1) {
      const spoofed = `198.51.100.${i + 1}, 203.0.113.${i + 1}`;
      const res = await t.http().post(`${API}/auth/login`).set('X-Forwarded-For', `${spoofed}, 192.0.2.77`).send({ email, password: `wrong-${i}` });
      statuses.push(res.status);
    }
    // Five free attempts for the account at 192.0.2.77, then it waits: the spoofed entries were never the address.
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5)).toEqual([429, 429]);
    expect((await t.http().post(`${API}/auth/login`).set('X-Forwarded-For', '192.0.2.88').send({ email, password: STAFF_PASSWORD })).status).toBe(200);
  });
});
