import { randomBytes, randomUUID } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generate } from 'otplib';
import { addStaff, createPlan, expectStatus, STAFF_PASSWORD, type PlanFixture } from '../support/fixtures';
import { ownerDatabase } from '../support/owner-database';
import { TestSamlIdp } from '../support/saml-idp';
import { API, createTestApp, type TestApp } from '../support/test-app';

const UA = 'Mozilla/5.0 (Windows NT 10.0) AuditTest/1.0';

interface EventView {
  action: string;
  entityId: string | null;
  details: Record<string, unknown> | null;
}

/**
 * After an incident the municipality's security officer asks: from where, with what, through which
 * provider, at which assurance level. Every sign-in-related event records it, and the plan's leader
 * filters the log by it.
 */
describe('the sign-in log a leader reads', () => {
  let t: TestApp;
  let plan: PlanFixture;
  const db = ownerDatabase();

  beforeAll(async () => {
    t = await createTestApp({ mfaRequiredRoles: ['counsellor'], trustProxy: 1 });
    plan = await createPlan(t, 'Login-log');
  });
  afterAll(() => t.close());

  const post = (path: string, body: object, address: string, bearer?: string) => {
    const req = t.http().post(API + path).set('X-Forwarded-For', address).set('User-Agent', UA);
    if (bearer) req.set('Authorization', `Bearer ${bearer}`);
    return req.send(body);
  };
  const events = async (query: string): Promise<EventView[]> => {
    const res = await plan.leader.get(`/audit-events?limit=200&${query}`);
    expectStatus(res, 200, `audit events ${query}`);
    return res.body.items;
  };
  /** A new member of staff (invited, accepted, approved); their own sign-ins below come from the test's addresses. */
  async function staff(role: string): Promise<{ id: string; email: string }> {
    const caller = await addStaff(t, plan, role, { name: 'Sanne Spor' });
    return { id: caller.user.id, email: caller.user.email };
  }

  it('records address, user agent, provider, method and outcome of password sign-ins, logouts and password changes', async () => {
    const worker = await staff('social_worker');
    await post('/auth/login', { email: worker.email, password: 'wrong-password-guess' }, '198.51.100.7').expect(401);
    const signedIn = await post('/auth/login', { email: worker.email, password: STAFF_PASSWORD }, '198.51.100.8').expect(200);
    await post('/auth/password', { currentPassword: STAFF_PASSWORD, newPassword: 'fjernsyn blomsterkasse regnvejr' }, '198.51.100.8', signedIn.body.accessToken).expect(204);
    await post('/auth/logout', { refreshToken: signedIn.body.refreshToken }, '198.51.100.9').expect(204);

    // The sign-ins of the account's setting-up (invitation, first login) came from the test's own address.
    const mine = (await events(`kind=sign_in`)).filter((e) => e.entityId === worker.id && String(e.details?.address ?? '').startsWith('198.51.100.'));
    expect(mine.map((e) => [e.action, e.details])).toEqual([
      ['auth.logout', { outcome: 'ended', method: 'refresh_token', address: '198.51.100.9', userAgent: UA }],
      ['auth.login_succeeded', { outcome: 'succeeded', provider: 'local', method: 'password', amr: ['pwd'], address: '198.51.100.8', userAgent: UA }],
      ['auth.login_failed', { outcome: 'failed', provider: 'local', method: 'password', reason: 'invalid_credentials', address: '198.51.100.7', userAgent: UA }],
    ]);
    const changed = (await events(`action=user.password_changed`)).find((e) => e.entityId === worker.id);
    expect(changed?.details).toEqual({ outcome: 'changed', provider: 'local', method: 'password', address: '198.51.100.8', userAgent: UA });
  });

  it('records the second factor that failed and the one that signed in', async () => {
    const counsellor = await staff('counsellor');
    const first = await post('/auth/login', { email: counsellor.email, password: STAFF_PASSWORD }, '203.0.113.5').expect(200);
    const app = await post('/auth/mfa/totp/enrol', { mfaToken: first.body.mfaToken }, '203.0.113.5').expect(200);
    await post('/auth/mfa/totp/confirm', { mfaToken: first.body.mfaToken, code: '000000' }, '203.0.113.5');
    await post('/auth/mfa/totp/confirm', { mfaToken: first.body.mfaToken, code: await generate({ secret: app.body.secret }) }, '203.0.113.5').expect(200);

    const mine = (await events(`address=203.0.113.5`)).filter((e) => e.entityId === counsellor.id);
    expect(mine.map((e) => [e.action, e.details?.method, e.details?.outcome])).toEqual(
      expect.arrayContaining([
        ['auth.login_succeeded', 'totp', 'succeeded'],
        ['user.mfa_enrolled.totp', 'totp', 'changed'],
      ]),
    );
    const failed = mine.find((e) => e.action === 'auth.mfa_failed');
    // A wrong code at enrolment is no guess at a factor the user has: audited, not counted.
    expect(failed?.details).toMatchObject({ method: 'totp', outcome: 'failed', reason: 'mfa_code_invalid', provider: 'local' });
    expect(mine.find((e) => e.action === 'auth.login_succeeded')?.details).toMatchObject({ amr: ['pwd', 'otp'], provider: 'local' });
  });

  it('filters by action family, kind, provider, outcome and address, and refuses filters it does not know', async () => {
    const worker = await staff('social_worker');
    await post('/auth/login', { email: worker.email, password: 'wrong-password-here' }, '192.0.2.44').expect(401);
    const failed = await events(`outcome=failed&address=192.0.2.44`);
    expect(failed.map((e) => [e.action, e.entityId])).toEqual([['auth.login_failed', worker.id]]);
    expect((await events('kind=sign_in')).every((e) => e.action.startsWith('auth.'))).toBe(true);
    expect((await events('kind=account')).every((e) => e.action.startsWith('user.'))).toBe(true);
    expect((await events('provider=local&outcome=failed')).every((e) => e.details?.provider === 'local' && e.details?.outcome === 'failed')).toBe(true);
    // `auth.login` names no family of its own: `auth.login_failed` is not `auth.login.*`.
    expect(await events('action=auth.login')).toEqual([]);
    expect((await events('action=auth.login_failed')).length).toBeGreaterThan(0);
    for (const query of ['kind=everything', 'outcome=maybe', 'address=not-an-address', 'action=auth.%25', 'provider=a%20b']) {
      expect([query, (await plan.leader.get(`/audit-events?${query}`)).status]).toEqual([query, 400]);
    }
    // Another plan's leader does not see these sign-ins.
    const other = await createPlan(t, 'Anden log');
    expect((await other.leader.get('/audit-events?address=192.0.2.44')).body.items).toEqual([]);
    expect(await db.count(`audit_events WHERE details->>'address' = '192.0.2.44'`, [])).toBe(1);
  });
});

describe('the sign-in log of single sign-on (OIOSAML 3)', () => {
  const idp = new TestSamlIdp();
  const files = idp.writeFiles();
  const jwtSecret = randomBytes(32).toString('hex');
  const ISHOJ = '29189765';
  const CASEWORKER = 'http://helhedsplan.dk/roles/usersystemrole/sagsbehandler/1';
  let t: TestApp;
  let plan: PlanFixture;

  beforeAll(async () => {
    const setup = await createTestApp({ jwtSecret });
    plan = await createPlan(setup, 'KOMBIT-log');
    await setup.close();
    const providersFile = join(files.dir, 'providers.json');
    writeFileSync(
      providersFile,
      JSON.stringify({
        providers: [
          {
            id: 'kombit-log',
            kind: 'saml',
            displayName: 'Ishøj Kommune (KOMBIT)',
            returnUrl: 'http://localhost:3000/login',
            entryPoint: idp.ssoUrl,
            idpEntityId: idp.entityId,
            idpCertFile: 'idp.pem',
            spEntityId: 'https://helhedsplan.test/saml/kombit-log',
            spKeyFile: 'sp.key',
            spCertFile: 'sp.pem',
            contact: { type: 'technical', company: 'Helhedsplan drift', email: 'drift@helhedsplan.test' },
            privileges: { [CASEWORKER]: 'caseworker' },
            municipalities: { [ISHOJ]: { planId: plan.planId, organisationId: plan.organisations.jobcenter } },
          },
        ],
      }),
    );
    t = await createTestApp({ jwtSecret, ssoProvidersFile: providersFile });
  });
  afterAll(async () => {
    await t?.close();
    rmSync(files.dir, { recursive: true, force: true });
  });

  async function signIn(loa: 'Low' | 'Substantial' | 'High'): Promise<void> {
    const start = await t.http().get(`${API}/auth/sso/kombit-log/login`).expect(302);
    const cookie = ([] as string[]).concat(start.headers['set-cookie'] ?? [])[0].split(';')[0];
    const metadata = (await t.http().get(`${API}/auth/saml/kombit-log/metadata`).expect(200)).text;
    const tag = randomBytes(3).toString('hex');
    const person = { cvr: ISHOJ, privileges: { [ISHOJ]: [CASEWORKER] }, loa, uuid: `urn:uuid:${randomUUID()}`, name: `Mette ${tag}`, email: `mette.${tag}@ishoj.dk` };
    const post = await idp.answer(start.headers.location, metadata, person);
    await t.http().post(`${API}/auth/saml/kombit-log/acs`).type('form').set('Cookie', cookie).set('User-Agent', UA).send(post).expect(303);
  }

  it('records the provider, SAML and the NSIS level of a sign-in, and the provider of a refused one, for the leader to filter by provider', async () => {
    await signIn('High');
    await signIn('Low');
    const leader = await t.http().post(`${API}/auth/login`).send({ email: plan.leader.user.email, password: STAFF_PASSWORD }).expect(200);
    const res = await t.http().get(`${API}/audit-events?provider=kombit-log&limit=50`).set('Authorization', `Bearer ${leader.body.accessToken}`).expect(200);
    const byAction = Object.fromEntries((res.body.items as EventView[]).map((e) => [e.action, e.details]));
    expect(byAction['auth.sso_authenticated']).toMatchObject({ provider: 'kombit-log', method: 'saml', nsisLevel: 'High', outcome: 'succeeded', userAgent: UA, address: expect.any(String) });
    expect(byAction['auth.login_succeeded']).toMatchObject({ provider: 'kombit-log', method: 'saml', nsisLevel: 'High', amr: ['fed', 'mfa'] });
    // Refused before anyone is known: filed as the platform's, where the admin reads it.
    const admin = await t.http().get(`${API}/audit-events?provider=kombit-log&outcome=refused`).set('Authorization', `Bearer ${plan.admin.token}`).expect(200);
    expect(admin.body.items.map((e: EventView) => [e.action, e.details?.method, e.details?.reason])).toEqual([['auth.sso_refused.sso_loa_too_low', 'saml', 'sso_loa_too_low']]);
  });
});
