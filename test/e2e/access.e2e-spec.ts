import type { Response } from 'supertest';
import { ROLES } from '../../src/access/roles';
import { createPlan, openCase, registerResident, STAFF_PASSWORD, type Caller, type PlanFixture } from '../support/fixtures';
import { declaredRoutes, servedRoutes } from '../support/routes';
import { createTestApp, type TestApp } from '../support/test-app';

const PROBLEM_JSON = /^application\/problem\+json/;

describe('every route declares who may call it', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('finds every route of the real app declared with @Allow(roles) or @Public()', () => {
    const routes = declaredRoutes(t);
    expect(routes.length).toBeGreaterThan(20);

    const undeclared = routes.filter((r) => !r.isPublic && !(Array.isArray(r.allowed) && r.allowed.length > 0));
    expect(undeclared.map((r) => `${r.method} ${r.url} (${r.controller}.${r.handler})`)).toEqual([]);

    const unknownRoles = routes.filter((r) => Array.isArray(r.allowed) && r.allowed.some((role) => !(ROLES as readonly string[]).includes(role)));
    expect(unknownRoles.map((r) => `${r.method} ${r.url}: ${JSON.stringify(r.allowed)}`)).toEqual([]);

    const both = routes.filter((r) => r.isPublic && r.allowed);
    expect(both.map((r) => `${r.method} ${r.url}`)).toEqual([]);
  });

  it('walks the same routes Fastify serves, so no route escapes the check', () => {
    const walked = declaredRoutes(t).map((r) => `${r.method} ${r.url}`);
    expect(walked).toEqual(
      expect.arrayContaining(['POST /api/v1/auth/login', 'GET /api/v1/me', 'GET /api/v1/residents/:id', 'POST /api/v1/counselling-cases/:id/reopen', 'GET /health/live']),
    );
    const fastify = t.app.getHttpAdapter().getInstance();
    for (const route of declaredRoutes(t)) {
      expect([route.method, route.url, fastify.hasRoute({ method: route.method as 'GET', url: route.url })]).toEqual([route.method, route.url, true]);
    }
    // The API and health routes Fastify serves are exactly the walked ones (the API docs are served by Swagger, not a controller).
    // The queue dashboard is not a controller; its own admin check is tested in queue-dashboard.e2e-spec.ts.
    const served = servedRoutes(t).filter((r) => / \/(api\/v1|health)/.test(r) && !r.includes(' /api/v1/admin/queues'));
    expect(served.length).toBeGreaterThan(20);
    expect([...served].sort()).toEqual([...new Set(walked)].sort());
  });

  it('keeps only signing in and out (second factor and single sign-on included), accepting an invitation or a reset\'s link to a new password (and their page) and health checks public', () => {
    const publicRoutes = declaredRoutes(t).filter((r) => r.isPublic).map((r) => `${r.method} ${r.url}`);
    expect(publicRoutes.sort()).toEqual([
      'GET /api/v1/auth/providers',
      'GET /api/v1/auth/saml/:provider/metadata',
      'GET /api/v1/auth/saml/:provider/slo',
      'GET /api/v1/auth/sso/:provider/callback',
      'GET /api/v1/auth/sso/:provider/login',
      'GET /health/live',
      'GET /health/ready',
      'POST /api/v1/auth/exchange',
      'POST /api/v1/auth/invitations/accept',
      'POST /api/v1/auth/login',
      'POST /api/v1/auth/logout',
      // The second step of a sign-in: each checks the mfaToken (or a bearer token) itself.
      'POST /api/v1/auth/mfa/passkey',
      'POST /api/v1/auth/mfa/passkey/options',
      'POST /api/v1/auth/mfa/passkey/register',
      'POST /api/v1/auth/mfa/passkey/register/options',
      'POST /api/v1/auth/mfa/recovery',
      'POST /api/v1/auth/mfa/totp',
      'POST /api/v1/auth/mfa/totp/confirm',
      'POST /api/v1/auth/mfa/totp/enrol',
      'POST /api/v1/auth/password-resets/complete',
      'POST /api/v1/auth/refresh',
      'POST /api/v1/auth/saml/:provider/acs',
      'POST /api/v1/auth/saml/:provider/slo',
      'POST /api/v1/auth/saml/logout',
      // The browser session's cookie is the credential; both refuse other sites (csrf_refused).
      'POST /api/v1/auth/session/logout',
      'POST /api/v1/auth/session/refresh',
      'POST /api/v1/auth/sso/:provider/backchannel-logout',
    ]);
  });
});

type RoleKey = 'admin' | 'leader' | 'counsellor' | 'socialWorker' | 'caseworker';
type Call = [method: 'GET' | 'POST' | 'PATCH', path: string, body?: object];

describe('what each role may do', () => {
  let t: TestApp;
  let plan: PlanFixture;
  let counsellorsResident: { id: string };
  let socialWorkersResident: { id: string };
  let socialWorkersAnonymous: { id: string; pseudonym?: string };
  let counsellorsAnonymous: { id: string; pseudonym?: string };
  let counsellingCase: { id: string };

  beforeAll(async () => {
    t = await createTestApp();
    plan = await createPlan(t, 'Access');
    counsellorsResident = await registerResident(plan.counsellor, { housingAreaId: plan.areas.eligible, firstName: 'Helle', lastName: 'Rådgivningsen', gender: 'female' });
    counsellorsAnonymous = await registerResident(plan.counsellor, { housingAreaId: plan.areas.eligible, anonymous: true });
    socialWorkersResident = await registerResident(plan.socialWorker, { housingAreaId: plan.areas.eligible, firstName: 'Yusuf', lastName: 'Fritidsjobsen', birthDate: '2011-05-01', gender: 'male' });
    socialWorkersAnonymous = await registerResident(plan.socialWorker, { housingAreaId: plan.areas.eligible, anonymous: true });
    counsellingCase = await openCase(plan.counsellor, { residentId: counsellorsResident.id, topic: 'debt', form: 'appointment', openedAt: '2026-01-05T10:00:00+01:00' });
  });
  afterAll(() => t.close());

  const as = (role: RoleKey): Caller => plan[role];
  const resolve = (path: string) =>
    path
      .replace(':counsellorsResident', counsellorsResident.id)
      .replace(':case', counsellingCase.id)
      .replace(':plan', plan.planId)
      .replace(':area', plan.areas.eligible);
  const resolveBody = (body?: object) => (body ? JSON.parse(resolve(JSON.stringify(body))) : undefined);
  function call(caller: Caller, [method, path, body]: Call) {
    const url = resolve(path);
    if (method === 'GET') return caller.get(url);
    if (method === 'PATCH') return caller.patch(url, resolveBody(body) ?? {});
    return caller.post(url, resolveBody(body) ?? {});
  }
  function expectForbidden(res: Response) {
    expect(res.status).toBe(403);
    expect(res.headers['content-type']).toMatch(PROBLEM_JSON);
    expect(res.body).toMatchObject({ status: 403, title: expect.any(String), detail: expect.any(String) });
  }

  const residentRoutes: Call[] = [
    ['GET', '/residents'],
    ['GET', '/residents?q=Helle'],
    ['POST', '/residents', { housingAreaId: ':area', firstName: 'Ny', lastName: 'Beboer' }],
    ['GET', '/residents/:counsellorsResident'],
    ['PATCH', '/residents/:counsellorsResident', { gender: 'other' }],
    ['POST', '/residents/:counsellorsResident/guardians', { name: 'Fatima Hassan', relation: 'mother' }],
  ];
  const caseRoutes: Call[] = [
    ['GET', '/counselling-cases'],
    ['GET', '/counselling-cases?residentId=:counsellorsResident'],
    ['POST', '/counselling-cases', { residentId: ':counsellorsResident', topic: 'family', form: 'open_drop_in' }],
    ['GET', '/counselling-cases/:case'],
    ['POST', '/counselling-cases/:case/contacts', { occurredAt: '2026-01-19T09:30:00+01:00', channel: 'phone' }],
    ['POST', '/counselling-cases/:case/referrals', { recipientName: 'Gældsrådgivningen' }],
    ['POST', '/counselling-cases/:case/close', { outcome: 'Afsluttet' }],
    ['POST', '/counselling-cases/:case/reopen'],
  ];
  const name = ([method, path]: Call) => `${method} ${path}`;

  describe('the admin sees no case or resident data', () => {
    it.each([...residentRoutes, ...caseRoutes].map((c) => [name(c), c] as const))('%s answers 403', async (_n, route) => {
      expectForbidden(await call(as('admin'), route));
    });
  });

  describe('the leader sees aggregates, not residents or case notes', () => {
    it.each([...residentRoutes, ...caseRoutes].map((c) => [name(c), c] as const))('%s answers 403', async (_n, route) => {
      expectForbidden(await call(as('leader'), route));
    });
  });

  const writes = (routes: Call[]) => routes.filter(([method]) => method !== 'GET');
  const reads = (routes: Call[]) => routes.filter(([method]) => method === 'GET');

  describe('the caseworker changes nothing of the counselling compartment and reads it only by consent', () => {
    const registerResident = residentRoutes.find(([method, path]) => method === 'POST' && path === '/residents') as Call;
    const counsellingWrites = writes([...residentRoutes, ...caseRoutes]).filter((route) => route !== registerResident);
    // 403 where the caseworker may not call the route at all (cases), 404 where the resident lies outside its reach.
    it.each(counsellingWrites.map((c) => [name(c), c] as const))('%s is refused', async (_n, route) => {
      const res = await call(as('caseworker'), route);
      expect([403, 404]).toContain(res.status);
      expect(res.headers['content-type']).toMatch(PROBLEM_JSON);
    });
    it('registers a resident into the job centre\'s own compartment, never the counsellors\'', async () => {
      const res = await call(as('caseworker'), registerResident);
      expect([res.status, res.body.compartment]).toEqual([201, 'jobcentre']);
    });
    it.each(reads([...residentRoutes, ...caseRoutes]).map((c) => [name(c), c] as const))('%s shows none of the counsellors\' residents or cases without a consent', async (_n, route) => {
      const res = await call(as('caseworker'), route);
      if (res.status === 200) expect((res.body.items as { compartment?: string }[]).filter((item) => item.compartment !== 'jobcentre')).toEqual([]);
      else expect(res.status).toBe(404);
    });
  });

  describe('the social worker does not change counselling, and reads it only by consent', () => {
    it.each([...writes(caseRoutes), ['GET', '/counselling-topics'] as Call].map((c) => [name(c), c] as const))('%s answers 403', async (_n, route) => {
      expectForbidden(await call(as('socialWorker'), route));
    });
    it.each(reads(caseRoutes).map((c) => [name(c), c] as const))('%s shows nothing without a consent', async (_n, route) => {
      const res = await call(as('socialWorker'), route);
      if (res.status === 200) expect(res.body.items).toEqual([]);
      else expect(res.status).toBe(404);
    });
  });

  describe('the counsellor does not run the platform, the plan or its audit', () => {
    const adminAndLeaderRoutes: Call[] = [
      ['POST', '/plans', { name: 'Counsellors plan', municipality: 'Ishøj', validFrom: '2026-01-01', validTo: '2029-12-31' }],
      ['GET', '/plans'],
      ['POST', '/plans/:plan/housing-areas', { name: 'Nyt område' }],
      ['POST', '/plans/:plan/organisations', { name: 'Ny forening', kind: 'other' }],
      ['POST', '/plans/:plan/users', { email: 'ny-kollega@test.dk', name: 'Ny Kollega', password: STAFF_PASSWORD, role: 'counsellor' }],
      ['GET', '/users'],
      ['GET', '/audit-events'],
      ['GET', '/audit-events?residentId=:counsellorsResident'],
      ['POST', '/counselling-topics', { key: 'pension', label: 'Pension' }],
    ];
    it.each(adminAndLeaderRoutes.map((c) => [name(c), c] as const))('%s answers 403', async (_n, route) => {
      expectForbidden(await call(as('counsellor'), route));
    });
  });

  it('lets each role through to its own work, so the refusals above are about the role', async () => {
    expect((await as('counsellor').get('/residents')).status).toBe(200);
    expect((await as('counsellor').get(`/counselling-cases/${counsellingCase.id}`)).status).toBe(200);
    expect((await as('socialWorker').get('/residents')).status).toBe(200);
    expect((await as('leader').get('/audit-events')).status).toBe(200);
    expect((await as('leader').get('/users')).status).toBe(200);
    expect((await as('leader').get('/counselling-topics')).status).toBe(200);
    expect((await as('admin').get('/plans')).status).toBe(200);
    expect((await as('admin').get(`/audit-events?planId=${plan.planId}`)).status).toBe(200);
    for (const role of ['leader', 'counsellor', 'socialWorker', 'caseworker'] as const) {
      expect([role, (await as(role).get('/housing-areas')).status]).toEqual([role, 200]);
    }
  });

  it('leaves the data unchanged after the refused calls', async () => {
    const detail = await as('counsellor').get(`/counselling-cases/${counsellingCase.id}`);
    expect(detail.body).toMatchObject({ status: 'open', topic: 'debt' });
    expect(detail.body.contacts).toEqual([]);
    expect(detail.body.referrals).toEqual([]);
    const resident = await as('counsellor').get(`/residents/${counsellorsResident.id}`);
    expect(resident.body).toMatchObject({ gender: 'female', guardians: [] });
    expect((await as('counsellor').get(`/counselling-cases?residentId=${counsellorsResident.id}`)).body.items).toHaveLength(1);
    const residents = await as('counsellor').get('/residents');
    expect(residents.body.items.map((r: { firstName: string | null }) => r.firstName)).not.toContain('Ny');
  });

  describe('roles stay in their own compartment', () => {
    it('hides a resident registered by the social worker from the counsellor', async () => {
      for (const resident of [socialWorkersResident, socialWorkersAnonymous]) {
        const read = await as('counsellor').get(`/residents/${resident.id}`);
        expect(read.status).toBe(404);
        expect(read.headers['content-type']).toMatch(PROBLEM_JSON);
        expect((await as('counsellor').patch(`/residents/${resident.id}`, { gender: 'other' })).status).toBe(404);
        expect((await as('counsellor').post(`/residents/${resident.id}/guardians`, { name: 'Amina Fritidsjobsen', relation: 'mother' })).status).toBe(404);
      }
      const list = (await as('counsellor').get('/residents?limit=200')).body.items.map((r: { id: string }) => r.id);
      expect(list).toEqual(expect.arrayContaining([counsellorsResident.id, counsellorsAnonymous.id]));
      expect(list).not.toContain(socialWorkersResident.id);
      expect(list).not.toContain(socialWorkersAnonymous.id);
      expect((await as('counsellor').get('/residents?q=Yusuf')).body.items).toEqual([]);
      expect((await as('counsellor').get(`/residents?pseudonym=${socialWorkersAnonymous.pseudonym}`)).body.items).toEqual([]);
    });

    it("hides a resident registered by the counsellor from the social worker", async () => {
      for (const resident of [counsellorsResident, counsellorsAnonymous]) {
        const read = await as('socialWorker').get(`/residents/${resident.id}`);
        expect(read.status).toBe(404);
        expect(read.headers['content-type']).toMatch(PROBLEM_JSON);
        expect((await as('socialWorker').patch(`/residents/${resident.id}`, { gender: 'other' })).status).toBe(404);
        expect((await as('socialWorker').post(`/residents/${resident.id}/guardians`, { name: 'Fatima Hassan', relation: 'mother' })).status).toBe(404);
      }
      const list = (await as('socialWorker').get('/residents?limit=200')).body.items.map((r: { id: string }) => r.id);
      expect(list).toEqual(expect.arrayContaining([socialWorkersResident.id, socialWorkersAnonymous.id]));
      expect(list).not.toContain(counsellorsResident.id);
      expect(list).not.toContain(counsellorsAnonymous.id);
      expect((await as('socialWorker').get('/residents?q=Helle')).body.items).toEqual([]);
      expect((await as('socialWorker').get(`/residents?pseudonym=${counsellorsAnonymous.pseudonym}`)).body.items).toEqual([]);
    });

    it("does not let the counsellor open a counselling case for the social worker's resident", async () => {
      for (const resident of [socialWorkersResident, socialWorkersAnonymous]) {
        const res = await as('counsellor').post('/counselling-cases', { residentId: resident.id, topic: 'education', form: 'outreach' });
        expect(res.status).toBe(404);
        expect(res.headers['content-type']).toMatch(PROBLEM_JSON);
        expect((await as('counsellor').get(`/counselling-cases?residentId=${resident.id}`)).body.items).toEqual([]);
      }
    });
  });
});
