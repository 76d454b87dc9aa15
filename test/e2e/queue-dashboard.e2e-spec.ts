import { createPlan, STAFF_PASSWORD, type PlanFixture } from '../support/fixtures';
import { createTestApp, type TestApp } from '../support/test-app';
import { TEST_ADMIN } from '../support/test-env';

const basic = (email: string, password: string) => `Basic ${Buffer.from(`${email}:${password}`).toString('base64')}`;

describe('the queue dashboard', () => {
  let t: TestApp;
  let plan: PlanFixture;

  beforeAll(async () => {
    t = await createTestApp();
    plan = await createPlan(t);
  });
  afterAll(() => t.close());

  it('is shown to the platform admin only, on every path under it', async () => {
    const paths = ['/api/v1/admin/queues', '/api/v1/admin/queues/api/queues', '/api/v1/admin/queues/api/queues/statistics/empty'];
    for (const path of paths) {
      const anonymous = await t.http().get(path);
      expect([path, anonymous.status]).toEqual([path, 401]);
      expect(anonymous.headers['www-authenticate']).toMatch(/^Basic/);
      const leader = await t.http().get(path).set('Authorization', basic(plan.leader.user.email, STAFF_PASSWORD));
      expect([path, leader.status]).toEqual([path, 401]);
      const bearer = await t.http().get(path).set('Authorization', `Bearer ${plan.admin.token}`);
      expect([path, bearer.status]).toEqual([path, 401]);
    }
    const wrong = await t.http().put('/api/v1/admin/queues/api/queues/statistics/empty').set('Authorization', basic(TEST_ADMIN.email, 'wrong-password'));
    expect(wrong.status).toBe(401);

    const admin = await t.http().get('/api/v1/admin/queues/api/queues').set('Authorization', basic(TEST_ADMIN.email, TEST_ADMIN.password));
    expect(admin.status).toBe(200);
    expect(JSON.stringify(admin.body)).toContain('statistics');
    const page = await t.http().get('/api/v1/admin/queues').set('Authorization', basic(TEST_ADMIN.email, TEST_ADMIN.password));
    expect(page.status).toBe(200);
    expect(page.text).toContain('<html');
  });
});
