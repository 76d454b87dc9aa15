import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { STATISTICS_QUEUE } from '../../src/jobs/queues';
import { createPlan, type PlanFixture } from '../support/fixtures';
import { createTestApp, type TestApp } from '../support/test-app';
import { TEST_ADMIN } from '../support/test-env';

const PATHS = [
  '/api/v1/admin/queues',
  '/api/v1/admin/queues/api/queues',
  '/api/v1/admin/%71ueues/api/queues',
  '/api/v1/admin/queues/api/queues/statistics/empty',
  '/api/v1/ADMIN/queues/api/queues',
  '/%61pi/v1/admin/queues/api/queues',
  '/api/v1/admin/queues/api/%71ueues',
  '/api/v1/admin/queues//api/queues',
];

describe('the queue dashboard', () => {
  describe('when it is on', () => {
    let t: TestApp;
    let plan: PlanFixture;

    beforeAll(async () => {
      t = await createTestApp({ queueDashboard: true });
      plan = await createPlan(t, 'Køer');
    });
    afterAll(() => t.close());

    it('refuses anyone without the admin\'s access token, however the path is spelled', async () => {
      for (const path of PATHS) {
        const anonymous = await t.http().get(path);
        expect([path, anonymous.status === 401 || anonymous.status === 404]).toEqual([path, true]);
        const basic = await t.http().get(path).set('Authorization', `Basic ${Buffer.from(`${TEST_ADMIN.email}:${TEST_ADMIN.password}`).toString('base64')}`);
        expect([path, basic.status === 401 || basic.status === 404]).toEqual([path, true]);
        const leader = await t.http().get(path).set('Authorization', `Bearer ${plan.leader.token}`);
        expect([path, leader.status === 403 || leader.status === 404]).toEqual([path, true]);
      }
    });

    it('cannot be made to pause a queue or add a job through an encoded path', async () => {
      const queue = t.app.get<Queue>(getQueueToken(STATISTICS_QUEUE), { strict: false });
      for (const path of ['/api/v1/admin/%71ueues/api/queues/statistics/pause', '/api/v1/admin/queues/api/queues/statistics/pause']) {
        const res = await t.http().put(path);
        expect([path, res.status]).toEqual([path, 401]);
      }
      expect(await queue.isPaused()).toBe(false);
    });

    it('shows the platform admin the queues, with the bearer token or the dashboard cookie', async () => {
      const bearer = await t.http().get('/api/v1/admin/queues/api/queues').set('Authorization', `Bearer ${plan.admin.token}`);
      expect(bearer.status).toBe(200);
      expect(JSON.stringify(bearer.body)).toContain('statistics');

      const session = await plan.admin.post('/admin/queue-dashboard/session');
      expect(session.status).toBe(204);
      const cookie = String(session.headers['set-cookie']);
      expect(cookie).toMatch(/HttpOnly/);
      expect(cookie).toMatch(/SameSite=Strict/);
      expect(cookie).toMatch(/Path=\/api\/v1\/admin\/queues/);
      const page = await t.http().get('/api/v1/admin/queues').set('Cookie', cookie.split(';')[0]);
      expect(page.status).toBe(200);
      expect(page.text).toContain('<html');
    });

    it('stops working for the admin\'s token once the admin logs out', async () => {
      const login = await t.http().post('/api/v1/auth/login').send({ email: TEST_ADMIN.email, password: TEST_ADMIN.password });
      const before = await t.http().get('/api/v1/admin/queues/api/queues').set('Authorization', `Bearer ${login.body.accessToken}`);
      expect(before.status).toBe(200);
      await t.http().post('/api/v1/auth/logout').send({ refreshToken: login.body.refreshToken });
      const after = await t.http().get('/api/v1/admin/queues/api/queues').set('Authorization', `Bearer ${login.body.accessToken}`);
      expect(after.status).toBe(401);
    });

    it('refuses the leader a dashboard session', async () => {
      expect((await plan.leader.post('/admin/queue-dashboard/session')).status).toBe(403);
    });
  });

  describe('when it is off (the default)', () => {
    let t: TestApp;
    let plan: PlanFixture;

    beforeAll(async () => {
      t = await createTestApp();
      plan = await createPlan(t, 'Ingen køer');
    });
    afterAll(() => t.close());

    it('is not served at all, not even to the admin', async () => {
      for (const path of PATHS) {
        const res = await t.http().get(path).set('Authorization', `Bearer ${plan.admin.token}`);
        expect([path, res.status]).toEqual([path, 404]);
      }
      expect((await plan.admin.post('/admin/queue-dashboard/session')).status).toBe(404);
    });
  });
});
