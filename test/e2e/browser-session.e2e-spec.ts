import { randomBytes } from 'node:crypto';
import { generate } from 'otplib';
import { addStaff, createPlan, STAFF_PASSWORD, type PlanFixture } from '../support/fixtures';
import { API, createTestApp, type TestApp } from '../support/test-app';

const COOKIE = { 'X-Token-Transport': 'cookie' };
const SESSION_PATH = '/api/v1/auth/session';

/** The hp_refresh cookie of an answer: its value and attributes. */
function refreshCookie(res: { headers: Record<string, unknown> }): { value: string; attributes: string[] } | undefined {
  const raw = ([] as string[]).concat((res.headers['set-cookie'] as string[] | string | undefined) ?? []).find((c) => c.startsWith('hp_refresh='));
  if (!raw) return undefined;
  const [pair, ...attributes] = raw.split(';').map((p) => p.trim());
  return { value: pair.slice('hp_refresh='.length), attributes };
}

/**
 * The web app keeps its refresh token where no script can read it: an HttpOnly, SameSite=Strict
 * cookie that only the session routes receive, and those routes refuse other sites' requests.
 */
describe('the browser session: the refresh token in an HttpOnly cookie', () => {
  let t: TestApp;
  let plan: PlanFixture;

  beforeAll(async () => {
    t = await createTestApp({ publicUrl: 'https://helhedsplan.example.dk', mfaRequiredRoles: ['social_worker'] });
    plan = await createPlan(t, 'Browser session');
  });
  afterAll(() => t.close());

  const email = () => plan.counsellor.user.email;
  const signIn = async () => {
    const res = await t.http().post(`${API}/auth/login`).set(COOKIE).send({ email: email(), password: STAFF_PASSWORD });
    expect(res.status).toBe(200);
    return res;
  };
  const refresh = (cookie?: string, headers: Record<string, string> = COOKIE) => {
    const req = t.http().post(`${SESSION_PATH}/refresh`).set(headers);
    return cookie ? req.set('Cookie', `hp_refresh=${cookie}`) : req;
  };
  const me = (token: string) => t.http().get(`${API}/me`).set('Authorization', `Bearer ${token}`);

  it('answers a browser\'s password sign-in with the access token in the body and the refresh token in a strict cookie', async () => {
    const res = await signIn();
    expect(res.body).toEqual({ accessToken: expect.any(String), expiresIn: 900 });
    const cookie = refreshCookie(res)!;
    expect(cookie.value).toMatch(/^[\w-]+\.[\w-]+$/);
    expect(cookie.attributes).toEqual(expect.arrayContaining(['HttpOnly', 'SameSite=Strict', 'Secure', `Path=${SESSION_PATH}`, `Max-Age=${24 * 3600}`]));
    expect((await me(res.body.accessToken)).status).toBe(200);
  });

  it('leaves the JSON sign-in of other clients as it was', async () => {
    const res = await t.http().post(`${API}/auth/login`).send({ email: email(), password: STAFF_PASSWORD });
    expect(res.body).toEqual({ accessToken: expect.any(String), refreshToken: expect.any(String), expiresIn: 900 });
    expect(refreshCookie(res)).toBeUndefined();
    const refreshed = await t.http().post(`${API}/auth/refresh`).send({ refreshToken: res.body.refreshToken });
    expect(refreshed.body).toEqual({ accessToken: expect.any(String), refreshToken: expect.any(String), expiresIn: 900 });
  });

  it('refreshes from the cookie, rotates it, and refuses the old cookie afterwards', async () => {
    const first = refreshCookie(await signIn())!.value;
    const refreshed = await refresh(first);
    expect([refreshed.status, refreshed.body]).toEqual([200, { accessToken: expect.any(String), expiresIn: 900 }]);
    const next = refreshCookie(refreshed)!;
    expect(next.value).not.toBe(first);
    expect(next.attributes).toEqual(expect.arrayContaining(['HttpOnly', 'SameSite=Strict', 'Secure']));
    expect((await me(refreshed.body.accessToken)).status).toBe(200);

    const replayed = await refresh(first);
    expect([replayed.status, replayed.body.code]).toEqual([401, 'refresh_token_invalid']);
    expect(refreshCookie(replayed)!.attributes).toContain('Max-Age=0');
  });

  it('refuses a refresh without a cookie as /auth/refresh refuses a bad token', async () => {
    const res = await refresh();
    expect([res.status, res.headers['content-type'], res.body.code]).toEqual([401, 'application/problem+json; charset=utf-8', 'refresh_token_invalid']);
    expect((await refresh('not-a.token')).body.code).toBe('refresh_token_invalid');
  });

  it('refuses a refresh or logout without the X-Token-Transport header, which a cross-site form cannot send', async () => {
    const cookie = refreshCookie(await signIn())!.value;
    for (const route of ['refresh', 'logout']) {
      const res = await t.http().post(`${SESSION_PATH}/${route}`).set('Cookie', `hp_refresh=${cookie}`);
      expect([route, res.status, res.body.code]).toEqual([route, 403, 'csrf_refused']);
    }
    // Nothing happened: the cookie still works.
    expect((await refresh(cookie)).status).toBe(200);
  });

  it('refuses a refresh or logout from another site\'s Origin, and accepts the service\'s own', async () => {
    const cookie = refreshCookie(await signIn())!.value;
    for (const route of ['refresh', 'logout']) {
      const res = await t.http().post(`${SESSION_PATH}/${route}`).set(COOKIE).set('Origin', 'https://evil.example').set('Cookie', `hp_refresh=${cookie}`);
      expect([route, res.status, res.body.code]).toEqual([route, 403, 'csrf_refused']);
    }
    const own = await refresh(cookie, { ...COOKIE, Origin: 'https://helhedsplan.example.dk' });
    expect(own.status).toBe(200);
  });

  it('logs out: the session ends, its access token stops working, and the cookie is cleared', async () => {
    const signedIn = await signIn();
    const cookie = refreshCookie(signedIn)!.value;
    const res = await t.http().post(`${SESSION_PATH}/logout`).set(COOKIE).set('Cookie', `hp_refresh=${cookie}`);
    expect(res.status).toBe(204);
    const cleared = refreshCookie(res)!;
    expect([cleared.value, cleared.attributes]).toEqual(['', expect.arrayContaining(['Max-Age=0', `Path=${SESSION_PATH}`, 'HttpOnly'])]);
    expect((await me(signedIn.body.accessToken)).status).toBe(401);
    expect((await refresh(cookie)).status).toBe(401);
    // Logging out without a session still clears the cookie.
    expect((await t.http().post(`${SESSION_PATH}/logout`).set(COOKIE)).status).toBe(204);
  });

  it('hands the cookie out at the second step too: the authenticator app\'s code while enrolling and at the next sign-in', async () => {
    const socialWorker = await addStaff(t, plan, 'social_worker', { email: `social-${randomBytes(4).toString('hex')}@test.dk` });
    const post = (path: string, body: object) => t.http().post(API + path).set(COOKIE).send(body);
    const first = await post('/auth/login', { email: socialWorker.user.email, password: STAFF_PASSWORD });
    expect([first.body.status, refreshCookie(first)]).toEqual(['mfa_enrolment_required', undefined]);
    const enrolment = await post('/auth/mfa/totp/enrol', { mfaToken: first.body.mfaToken });
    const confirmed = await post('/auth/mfa/totp/confirm', { mfaToken: first.body.mfaToken, code: await generate({ secret: enrolment.body.secret }) });
    expect(confirmed.body).toEqual({ accessToken: expect.any(String), expiresIn: 900, recoveryCodes: expect.any(Array) });
    expect(refreshCookie(confirmed)!.attributes).toContain('HttpOnly');

    const again = await post('/auth/login', { email: socialWorker.user.email, password: STAFF_PASSWORD });
    const recovered = await post('/auth/mfa/recovery', { mfaToken: again.body.mfaToken, code: confirmed.body.recoveryCodes[0] });
    expect(recovered.body).toEqual({ accessToken: expect.any(String), expiresIn: 900 });
    expect((await refresh(refreshCookie(recovered)!.value)).status).toBe(200);
  });

  it('leaves the cookie without Secure only for local development over plain http', async () => {
    const local = await createTestApp({ publicUrl: 'http://localhost:3000' });
    try {
      const fresh = await addStaff(local, await createPlan(local, 'Local'), 'counsellor');
      const res = await local.http().post(`${API}/auth/login`).set(COOKIE).send({ email: fresh.user.email, password: STAFF_PASSWORD });
      expect(refreshCookie(res)!.attributes).not.toContain('Secure');
      // In development the request's own host is also a trusted origin (e.g. the app on another port).
      const host = '127.0.0.1:4000';
      const own = await local.http().post(`${SESSION_PATH}/refresh`).set(COOKIE).set('Host', host).set('Origin', `http://${host}`).set('Cookie', `hp_refresh=${refreshCookie(res)!.value}`);
      expect(own.status).toBe(200);
    } finally {
      await local.close();
    }
  });
});
