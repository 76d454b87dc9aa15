import { createHmac, randomBytes } from 'node:crypto';
import { addStaff, createPlan, login, STAFF_PASSWORD, type PlanFixture } from '../support/fixtures';
import { API, createTestApp, type TestApp } from '../support/test-app';
import { TEST_ADMIN } from '../support/test-env';
import { DEMO_PASSWORD, DEMO_USERS } from '../../src/demo/demo-seed';

const PROBLEM_JSON = /^application\/problem\+json/;

/** A JWT signed with HS256 and the given secret, to show what the server does with tokens it did not issue as they are. */
function signJwt(payload: object, secret: string, header: object = { alg: 'HS256', typ: 'JWT' }): string {
  const encode = (part: object) => Buffer.from(JSON.stringify(part)).toString('base64url');
  const unsigned = `${encode(header)}.${encode(payload)}`;
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
}

describe('logging in, refreshing and logging out', () => {
  const jwtSecret = randomBytes(32).toString('hex');
  let t: TestApp;
  let plan: PlanFixture;

  beforeAll(async () => {
    t = await createTestApp({ jwtSecret });
    plan = await createPlan(t, 'Auth');
  });
  afterAll(() => t.close());

  const post = (path: string, body: object) => t.http().post(API + path).send(body);
  const me = (token: string) => t.http().get(`${API}/me`).set('Authorization', `Bearer ${token}`);

  it('offers in the API docs a login example that signs in as a demo user', async () => {
    const docs = (await t.http().get('/api/docs-json').expect(200)).body;
    const example = docs.components.schemas.LoginDto.properties;
    expect(DEMO_USERS.map((u) => u.email)).toContain(example.email.example);
    expect(example.password.example).toBe(DEMO_PASSWORD);
  });

  /** A user of the plan nobody else logs in as, so throttling one account cannot disturb other tests. */
  async function freshCounsellor(): Promise<{ id: string; email: string }> {
    const fresh = await addStaff(t, plan, 'counsellor', { email: `fresh-${randomBytes(4).toString('hex')}@test.dk`, name: 'Frisk Rådgiver' });
    return { id: fresh.user.id, email: fresh.user.email };
  }

  describe('logging in', () => {
    it('gives an access token, a refresh token and how long the access token lasts', async () => {
      const res = await post('/auth/login', { email: plan.counsellor.user.email, password: STAFF_PASSWORD });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ accessToken: expect.any(String), refreshToken: expect.any(String), expiresIn: 900 });
      expect((await me(res.body.accessToken)).status).toBe(200);
    });

    it('accepts the e-mail address in any case', async () => {
      const res = await post('/auth/login', { email: plan.counsellor.user.email.toUpperCase(), password: STAFF_PASSWORD });
      expect(res.status).toBe(200);
    });

    it('refuses a wrong password with 401 problem+json', async () => {
      const res = await post('/auth/login', { email: plan.leader.user.email, password: 'not-the-password' });
      expect(res.status).toBe(401);
      expect(res.headers['content-type']).toMatch(PROBLEM_JSON);
      expect(res.body).toMatchObject({ type: expect.any(String), title: expect.any(String), status: 401, detail: expect.any(String) });
      expect(res.body).not.toHaveProperty('accessToken');
    });

    it('answers an unknown e-mail exactly like a wrong password', async () => {
      const unknown = await post('/auth/login', { email: `nobody-${randomBytes(3).toString('hex')}@test.dk`, password: STAFF_PASSWORD });
      expect(unknown.status).toBe(401);
      expect(unknown.headers['content-type']).toMatch(PROBLEM_JSON);
      const wrong = await post('/auth/login', { email: plan.socialWorker.user.email, password: 'not-the-password' });
      expect(unknown.body.detail).toBe(wrong.body.detail);
    });
  });

  describe('refresh tokens', () => {
    it('can be exchanged once for a new pair, and the second use is refused', async () => {
      const first = await login(t, plan.counsellor.user.email, STAFF_PASSWORD);

      const refreshed = await post('/auth/refresh', { refreshToken: first.refreshToken });
      expect(refreshed.status).toBe(200);
      expect(refreshed.body).toEqual({ accessToken: expect.any(String), refreshToken: expect.any(String), expiresIn: 900 });
      expect(refreshed.body.refreshToken).not.toBe(first.refreshToken);
      expect((await me(refreshed.body.accessToken)).body.id).toBe(plan.counsellor.user.id);

      const again = await post('/auth/refresh', { refreshToken: first.refreshToken });
      expect(again.status).toBe(401);
      expect(again.headers['content-type']).toMatch(PROBLEM_JSON);
    });

    it('ends the whole session when a used refresh token is presented again, so the stolen and the rightful token both stop working', async () => {
      const first = await login(t, plan.counsellor.user.email, STAFF_PASSWORD);
      const second = await post('/auth/refresh', { refreshToken: first.refreshToken });
      expect(second.status).toBe(200);

      const reuse = await post('/auth/refresh', { refreshToken: first.refreshToken });
      expect(reuse.status).toBe(401);

      const issuedByFirstRefresh = await post('/auth/refresh', { refreshToken: second.body.refreshToken });
      expect(issuedByFirstRefresh.status).toBe(401);
    });

    it('leaves the same user\'s other sessions alone when one session is revoked for reuse', async () => {
      const otherDevice = await login(t, plan.counsellor.user.email, STAFF_PASSWORD);
      const first = await login(t, plan.counsellor.user.email, STAFF_PASSWORD);
      expect((await post('/auth/refresh', { refreshToken: first.refreshToken })).status).toBe(200);
      expect((await post('/auth/refresh', { refreshToken: first.refreshToken })).status).toBe(401);

      expect((await post('/auth/refresh', { refreshToken: otherDevice.refreshToken })).status).toBe(200);
    });

    it('refuses a refresh token that was never issued', async () => {
      const forged = `${'00000000-0000-4000-8000-000000000000'}.${randomBytes(32).toString('base64url')}`;
      const res = await post('/auth/refresh', { refreshToken: forged });
      expect(res.status).toBe(401);
      expect(res.headers['content-type']).toMatch(PROBLEM_JSON);
    });

    it('refuses a real refresh token id with a wrong secret', async () => {
      const real = await login(t, plan.counsellor.user.email, STAFF_PASSWORD);
      const [id] = real.refreshToken.split('.');
      const res = await post('/auth/refresh', { refreshToken: `${id}.${randomBytes(32).toString('base64url')}` });
      expect(res.status).toBe(401);
      // The guess did not burn the real token.
      expect((await post('/auth/refresh', { refreshToken: real.refreshToken })).status).toBe(200);
    });
  });

  describe('logging out', () => {
    it('ends the session: its refresh token no longer works', async () => {
      const session = await login(t, plan.counsellor.user.email, STAFF_PASSWORD);
      const res = await post('/auth/logout', { refreshToken: session.refreshToken });
      expect(res.status).toBe(204);
      expect(res.text).toBe('');

      const refresh = await post('/auth/refresh', { refreshToken: session.refreshToken });
      expect(refresh.status).toBe(401);
    });

    it('also ends tokens the session got by refreshing', async () => {
      const session = await login(t, plan.counsellor.user.email, STAFF_PASSWORD);
      const refreshed = await post('/auth/refresh', { refreshToken: session.refreshToken });
      expect(refreshed.status).toBe(200);
      expect((await post('/auth/logout', { refreshToken: refreshed.body.refreshToken })).status).toBe(204);
      expect((await post('/auth/refresh', { refreshToken: refreshed.body.refreshToken })).status).toBe(401);
    });

    it('answers 204 to an unknown refresh token, telling an attacker nothing', async () => {
      const res = await post('/auth/logout', { refreshToken: `${'00000000-0000-4000-8000-000000000000'}.${randomBytes(32).toString('base64url')}` });
      expect(res.status).toBe(204);
    });
  });

  describe('who am I', () => {
    it('tells a counsellor their id, e-mail, name, role, plan and organisation, their second factors and until when their sign-in counts for step-up, and nothing more', async () => {
      const res = await plan.counsellor.get('/me');
      expect(res.status).toBe(200);
      expect(Object.keys(res.body).sort()).toEqual(['email', 'id', 'mfaRequired', 'name', 'organisationId', 'planId', 'role', 'secondFactors', 'stepUpUntil']);
      expect(res.body).toEqual({
        id: plan.counsellor.user.id,
        email: plan.counsellor.user.email,
        name: expect.any(String),
        role: 'counsellor',
        planId: plan.planId,
        organisationId: null,
        secondFactors: [],
        mfaRequired: false,
        stepUpUntil: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      });
    });

    it("tells a caseworker which organisation they work for", async () => {
      const res = await plan.caseworker.get('/me');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: plan.caseworker.user.id, role: 'caseworker', planId: plan.planId, organisationId: plan.organisations.jobcenter });
    });

    it('tells the platform administrator they belong to no plan', async () => {
      const res = await plan.admin.get('/me');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ email: TEST_ADMIN.email, role: 'admin', planId: null, organisationId: null });
    });
  });

  // Every failed login here also counts against the client address (127.0.0.1, limit 30 per
  // 15 minutes for the whole test run), so these tests use as few failures as they can.
  describe('login throttling', () => {
    it('refuses the sixth attempt after five failed logins for one account with 429 and Retry-After, even with the right password', async () => {
      const user = await freshCounsellor();
      const attempts = [user.email, user.email.toUpperCase(), user.email, user.email, user.email];
      for (const email of attempts) {
        const res = await post('/auth/login', { email, password: 'wrong-password-guess' });
        expect(res.status).toBe(401);
      }

      const sixth = await post('/auth/login', { email: user.email, password: STAFF_PASSWORD });
      expect(sixth.status).toBe(429);
      expect(sixth.headers['content-type']).toMatch(PROBLEM_JSON);
      expect(sixth.body).toMatchObject({ status: 429, title: expect.any(String), detail: expect.any(String) });
      expect(sixth.body).not.toHaveProperty('accessToken');
      const retryAfter = Number(sixth.headers['retry-after']);
      expect(Number.isInteger(retryAfter)).toBe(true);
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(15 * 60);

      // Only that account is locked: colleagues still log in.
      expect((await post('/auth/login', { email: plan.leader.user.email, password: STAFF_PASSWORD })).status).toBe(200);
    });

    it('forgets earlier failures after a successful login', async () => {
      const user = await freshCounsellor();
      for (let i = 0; i < 4; i += 1) expect((await post('/auth/login', { email: user.email, password: 'wrong-password-guess' })).status).toBe(401);
      expect((await post('/auth/login', { email: user.email, password: STAFF_PASSWORD })).status).toBe(200);
      // Without the reset this would be the fifth failure and the next login would be refused.
      expect((await post('/auth/login', { email: user.email, password: 'wrong-password-guess' })).status).toBe(401);
      expect((await post('/auth/login', { email: user.email, password: STAFF_PASSWORD })).status).toBe(200);
    });
  });

  describe('bad requests', () => {
    it('names every invalid field: a login without a valid e-mail or any password', async () => {
      const res = await post('/auth/login', { email: 'not-an-email' });
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(PROBLEM_JSON);
      expect(res.body.status).toBe(400);
      const fields = res.body.errors.map((e: { field: string }) => e.field);
      expect(fields).toEqual(expect.arrayContaining(['email', 'password']));
      for (const e of res.body.errors) expect(e.message).toEqual(expect.any(String));
    });

    it('rejects an unknown field and names it', async () => {
      const res = await post('/auth/login', { email: plan.counsellor.user.email, password: STAFF_PASSWORD, rememberMe: true });
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(PROBLEM_JSON);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain('rememberMe');
    });

    it('names the field when a refresh token is missing', async () => {
      const res = await post('/auth/refresh', {});
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain('refreshToken');
    });

    it('answers malformed JSON with 400, not 500', async () => {
      const res = await t.http().post(`${API}/auth/login`).set('Content-Type', 'application/json').send('{"email": "a@b.dk", "password": ');
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(PROBLEM_JSON);
      expect(res.body.status).toBe(400);
    });

    it('answers a body of the wrong JSON type with 400, not 500', async () => {
      const res = await t.http().post(`${API}/auth/login`).set('Content-Type', 'application/json').send('"just a string"');
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(PROBLEM_JSON);
    });
  });

  describe('access tokens', () => {
    it('are required: without one the caller gets 401 problem+json', async () => {
      const res = await t.http().get(`${API}/me`);
      expect(res.status).toBe(401);
      expect(res.headers['content-type']).toMatch(PROBLEM_JSON);
      expect(res.body.status).toBe(401);
    });

    it('refuses a token whose claims were changed (a counsellor making themself admin)', async () => {
      const [header, payload, signature] = plan.counsellor.token.split('.');
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
      const tampered = `${header}.${Buffer.from(JSON.stringify({ ...claims, role: 'admin', planId: null })).toString('base64url')}.${signature}`;
      const res = await me(tampered);
      expect(res.status).toBe(401);
      expect(res.headers['content-type']).toMatch(PROBLEM_JSON);
      expect((await t.http().get(`${API}/plans`).set('Authorization', `Bearer ${tampered}`)).status).toBe(401);
    });

    it('refuses a token with a damaged signature', async () => {
      const token = plan.counsellor.token;
      const flipped = token.slice(0, -2) + (token.endsWith('AA') ? 'BB' : 'AA');
      expect((await me(flipped)).status).toBe(401);
    });

    it('refuses an unsigned token ("alg": "none")', async () => {
      const [, payload] = plan.counsellor.token.split('.');
      const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
      expect((await me(`${header}.${payload}.`)).status).toBe(401);
    });

    it('refuses a token signed with another secret', async () => {
      const now = Math.floor(Date.now() / 1000);
      const token = signJwt({ sub: plan.counsellor.user.id, role: 'counsellor', planId: plan.planId, organisationId: null, iat: now, exp: now + 600 }, 'some-other-secret');
      expect((await me(token)).status).toBe(401);
    });

    /** The claims of a real session, as this service would sign them. */
    function claims(overrides: Record<string, unknown> = {}): Record<string, unknown> {
      const now = Math.floor(Date.now() / 1000);
      const { sid } = JSON.parse(Buffer.from(plan.counsellor.token.split('.')[1], 'base64url').toString()) as { sid: string };
      return { sub: plan.counsellor.user.id, sid, role: 'counsellor', iss: 'helhedsplan', aud: 'helhedsplan-api', iat: now, exp: now + 600, ...overrides };
    }

    it('refuses an expired token', async () => {
      const now = Math.floor(Date.now() / 1000);
      expect((await me(signJwt(claims({ iat: now - 3600, exp: now - 1800 }), jwtSecret))).status).toBe(401);
      // The same claims, not expired and signed the same way, are accepted: the refusal is about expiry.
      expect((await me(signJwt(claims(), jwtSecret))).status).toBe(200);
    });

    it('refuses a token without an expiry, or from another issuer or for another audience', async () => {
      const without = (key: string) => Object.fromEntries(Object.entries(claims()).filter(([k]) => k !== key));
      expect((await me(signJwt(without('exp'), jwtSecret))).status).toBe(401);
      expect((await me(signJwt(without('iss'), jwtSecret))).status).toBe(401);
      expect((await me(signJwt(without('aud'), jwtSecret))).status).toBe(401);
      expect((await me(signJwt(claims({ iss: 'someone-else' }), jwtSecret))).status).toBe(401);
      expect((await me(signJwt(claims({ aud: 'another-service' }), jwtSecret))).status).toBe(401);
      expect((await me(signJwt(without('sid'), jwtSecret))).status).toBe(401);
    });

    it('refuses a malformed Authorization header', async () => {
      expect((await t.http().get(`${API}/me`).set('Authorization', 'Bearer not-a-jwt')).status).toBe(401);
      expect((await t.http().get(`${API}/me`).set('Authorization', `Basic ${Buffer.from(`${TEST_ADMIN.email}:${TEST_ADMIN.password}`).toString('base64')}`)).status).toBe(401);
    });
  });
});
