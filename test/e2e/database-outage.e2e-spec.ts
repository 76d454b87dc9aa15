import { createPlan, login, registerResident, STAFF_PASSWORD, type PlanFixture } from '../support/fixtures';
import { TcpProxy } from '../support/tcp-proxy';
import { API, createTestApp, testConfig, type TestApp } from '../support/test-app';
import { waitFor } from '../support/wait-for';

/**
 * While PostgreSQL cannot be reached the service answers 503 with Retry-After: clients keep their
 * sessions and retry, rather than logging users out on a 401 or showing a 500.
 */
describe('when PostgreSQL is unreachable', () => {
  let proxy: TcpProxy;
  let t: TestApp;
  let plan: PlanFixture;

  beforeAll(async () => {
    const target = new URL(testConfig().databaseUrl);
    proxy = await TcpProxy.start(target.hostname, Number(target.port || 5432));
    t = await createTestApp({ databaseUrl: proxy.url(testConfig().databaseUrl), processRole: 'api' });
    plan = await createPlan(t, 'Database nede');
  });
  afterAll(async () => {
    proxy.restore();
    await t.close();
    await proxy.close();
  });

  it('answers 503 with Retry-After to signed-in users, to login and to writes, and carries on once it is back', async () => {
    const session = await login(t, plan.counsellor.user.email, STAFF_PASSWORD);
    proxy.cut();

    const me = await t.http().get(`${API}/me`).set('Authorization', `Bearer ${session.accessToken}`);
    expect([me.status, me.body.code]).toEqual([503, 'dependency_unavailable']);
    expect(Number(me.headers['retry-after'])).toBeGreaterThan(0);

    const loggingIn = await t.http().post(`${API}/auth/login`).send({ email: plan.leader.user.email, password: STAFF_PASSWORD });
    expect(loggingIn.status).toBe(503);
    const writing = await plan.counsellor.post('/residents', { housingAreaId: plan.areas.eligible, firstName: 'Helle' });
    expect(writing.status).toBe(503);

    const ready = await t.http().get('/health/ready');
    expect(ready.status).toBe(503);
    expect(ready.body.checks.postgres.status).toBe('down');

    proxy.restore();
    await waitFor('the service to answer again', async () => ((await t.http().get(`${API}/me`).set('Authorization', `Bearer ${session.accessToken}`)).status === 200 ? true : undefined));
    await registerResident(plan.counsellor, { housingAreaId: plan.areas.eligible, firstName: 'Helle' });
  });
});
