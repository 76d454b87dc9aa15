import { Writable } from 'node:stream';
import request from 'supertest';
import { createApp } from '../../src/app.factory';
import { createPlan } from '../support/fixtures';
import { API, testConfig, type TestApp } from '../support/test-app';

const UA = 'Mozilla/5.0 (Windows NT 10.0) AuditTest/1.0';

/**
 * Staff's addresses are personal data: the audit log keeps them (test/e2e/sign-in-audit.e2e-spec.ts),
 * application logs never do. And whoever reads the start-up log learns which roles sign in without
 * a second factor. One app in this file: the log stream belongs to the first logger made in a process.
 */
describe('what application logs hold of a sign-in, and of roles without a second factor', () => {
  let lines = '';
  let t: TestApp;

  beforeAll(async () => {
    const logStream = new Writable({
      write(chunk, _encoding, done) {
        lines += chunk.toString();
        done();
      },
    });
    // Production, where MFA_REQUIRED_ROLES leaves three roles out: the start-up log says so.
    const app = await createApp(testConfig({ production: true, logLevel: 'debug', trustProxy: 1, mfaRequiredRoles: ['leader', 'counsellor', 'caseworker'] }), { logStream });
    t = { app, http: () => request(app.getHttpServer()), close: () => app.close() };
  });
  afterAll(() => t.close());

  it('warns at start of every role that signs in without a second factor in production', () => {
    const warning = lines.split('\n').find((line) => line.includes('sign in without a second factor'));
    expect(warning).toBeDefined();
    expect(JSON.parse(warning as string)).toMatchObject({ level: 40, rolesWithoutMfa: ['admin', 'social_worker', 'volunteer'] });
  });

  it('keeps the address and user agent of a sign-in in the audit log only, never in the application log', async () => {
    const plan = await createPlan(t, 'Ingen IP i log');
    await t.http().post(`${API}/auth/login`).set('X-Forwarded-For', '198.51.100.213').set('User-Agent', UA).send({ email: plan.socialWorker.user.email, password: 'wrong-password-guess' }).expect(401);
    expect(lines).toContain('/api/v1/auth/login');
    expect(lines).not.toContain('198.51.100.213');
    expect(lines).not.toContain('AuditTest');
  });
});
