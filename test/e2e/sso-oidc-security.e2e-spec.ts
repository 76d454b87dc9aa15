import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import { REDIS } from '../../src/redis/redis.module';
import { ownerDatabase } from '../support/owner-database';
import { TestBrowser } from '../support/oidc-provider-browser';
import { APP_ROLES, approvedPerson, claimsOf, exchange, oidcWorld, person, RETURN_URL, signIn } from '../support/oidc-provider-world';
import { API } from '../support/test-app';
import { waitFor } from '../support/wait-for';

/**
 * Single sign-on's defences: the sign-in is bound to the browser that started it and completes
 * once; the provider's answer is checked; tokens never travel in a URL; a second factor is asked
 * for unless the provider asserted one; an SSO session ends within a working day.
 */
describe('single sign-on with OpenID Connect: the sign-in and its session', () => {
  // Counsellors must use a second factor here; leaders need not.
  const world = oidcWorld({ mfaRequiredRoles: ['counsellor'], ssoSessionHours: 8 });
  const db = ownerDatabase();

  const me = (accessToken: string) => world().t.http().get(`${API}/me`).set('Authorization', `Bearer ${accessToken}`);

  /** A sign-in up to the provider's redirect back to us, in `browser`. */
  async function atCallback(browser: TestBrowser, login: string): Promise<string> {
    const start = await browser.startSignIn('aab');
    expect(start.status).toBe(302);
    return browser.atProvider(start.headers.location as string, login);
  }

  it('binds the sign-in to the browser with an HttpOnly, SameSite=Lax cookie that only the callback gets', async () => {
    const start = await new TestBrowser(world().t).startSignIn('aab');
    expect(start.status).toBe(302);
    const provider = new URL(start.headers.location as string);
    expect(provider.origin).toBe(world().op.issuer);
    expect(Object.fromEntries(provider.searchParams)).toMatchObject({ code_challenge_method: 'S256', response_type: 'code', redirect_uri: `http://localhost:3000${API}/auth/sso/aab/callback` });
    const cookie = ([] as string[]).concat(start.headers['set-cookie'])[0];
    expect(cookie).toMatch(/^hp_sso_binding=[A-Za-z0-9_-]{43}; Path=\/api\/v1\/auth\/sso\/aab\/callback; Max-Age=600; HttpOnly; SameSite=Lax$/);
  });

  it('answers a provider that cannot be reached with dependency_unavailable at the returnUrl, and an unknown provider with 404', async () => {
    const down = await new TestBrowser(world().t).startSignIn('down');
    expect(down.status).toBe(302);
    expect(down.headers.location).toBe(`${RETURN_URL}#error=dependency_unavailable`);
    const unknown = await world().t.http().get(`${API}/auth/sso/nobody/login`);
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ code: 'sso_provider_unknown' });
  });

  it('gives tokens whose amr says federated and multi-factor when the provider asserted MFA', async () => {
    const helle = await approvedPerson(world(), { amr: ['pwd', 'mfa'] });
    const outcome = await signIn(world(), 'aab', helle.login);
    const tokens = (await exchange(world(), outcome.code).expect(200)).body;
    expect(claimsOf(tokens.accessToken).amr).toEqual(expect.arrayContaining(['fed', 'mfa']));
  });

  it('asks a counsellor who signed in without MFA at the provider to enrol a second factor here, before any token', async () => {
    const helle = await approvedPerson(world(), { amr: ['pwd'] });
    const outcome = await signIn(world(), 'aab', helle.login);
    const answer = (await exchange(world(), outcome.code).expect(200)).body;
    expect(answer).toEqual({ status: 'mfa_enrolment_required', mfaToken: expect.any(String) });
    // A leader, whose role need not use MFA, gets tokens that say one factor.
    const leader = await approvedPerson(world(), { roles: [APP_ROLES.leader] });
    const tokens = (await exchange(world(), (await signIn(world(), 'aab', leader.login)).code).expect(200)).body;
    expect(claimsOf(tokens.accessToken).amr).toEqual(['fed']);
  });

  it('asks the provider to authenticate afresh for a step-up, and carries its time of authentication into the token', async () => {
    const leader = await approvedPerson(world(), { roles: [APP_ROLES.leader] });
    const browser = new TestBrowser(world().t);
    const start = await browser.startSignIn('aab', undefined, { reauth: true });
    expect(start.status).toBe(302);
    expect(Object.fromEntries(new URL(start.headers.location as string).searchParams)).toMatchObject({ prompt: 'login', max_age: '0' });
    const before = Math.floor(Date.now() / 1000);
    const done = await browser.callback(await browser.atProvider(start.headers.location as string, leader.login));
    const code = new URLSearchParams(new URL(done.headers.location as string).hash.slice(1)).get('code');
    const tokens = (await exchange(world(), code ?? undefined).expect(200)).body;
    const claims = claimsOf(tokens.accessToken) as unknown as { auth_time: number };
    expect(claims.auth_time).toBeGreaterThanOrEqual(before - 1);
    expect((await world().t.http().get(`${API}/auth/sso/aab/login?reauth=maybe`)).status).toBe(400);
  });

  it('exchanges a one-time code once', async () => {
    const code = (await signIn(world(), 'aab', person(world().op, { roles: [APP_ROLES.leader] }).login)).code;
    await exchange(world(), code).expect(200);
    const again = await exchange(world(), code);
    expect(again.status).toBe(401);
    expect(again.body).toMatchObject({ code: 'exchange_code_invalid' });
    expect((await exchange(world(), 'not-a-code')).body).toMatchObject({ code: 'exchange_code_invalid' });
  });

  it('refuses a callback whose state was used already', async () => {
    const browser = new TestBrowser(world().t);
    const callback = await atCallback(browser, person(world().op, { roles: [APP_ROLES.leader] }).login);
    expect((await browser.callback(callback)).status).toBe(303);
    const replay = await browser.callback(callback);
    expect(replay.status).toBe(401);
    expect(replay.body).toMatchObject({ code: 'sso_state_invalid' });
  });

  it('refuses a callback in another browser than the one that started the sign-in (login CSRF)', async () => {
    const attacker = new TestBrowser(world().t);
    const callback = await atCallback(attacker, person(world().op, { roles: [APP_ROLES.leader] }).login);
    const victim = new TestBrowser(world().t);
    await victim.startSignIn('aab');
    const completed = await victim.callback(callback);
    expect(completed.status).toBe(401);
    expect(completed.body).toMatchObject({ code: 'sso_state_invalid' });
  });

  it('refuses a callback without its browser cookie, or after the state expired', async () => {
    const browser = new TestBrowser(world().t);
    const withoutCookie = await atCallback(browser, person(world().op, { roles: [APP_ROLES.leader] }).login);
    expect((await world().t.http().get(withoutCookie.slice('http://localhost:3000'.length))).body).toMatchObject({ code: 'sso_state_invalid' });

    const late = await atCallback(browser, person(world().op, { roles: [APP_ROLES.leader] }).login);
    const state = new URL(late).searchParams.get('state') as string;
    const redis = world().t.app.get<Redis>(REDIS);
    const key = `sso:state:${createHash('sha256').update(state).digest('base64url')}`;
    expect(await redis.pexpire(key, 1)).toBe(1);
    await waitFor('the state to expire', async () => ((await redis.exists(key)) === 0 ? true : undefined));
    expect((await browser.callback(late)).body).toMatchObject({ code: 'sso_state_invalid' });
  });

  it('refuses an ID token that fails its checks (a nonce this sign-in did not ask for)', async () => {
    const helle = person(world().op, { roles: [APP_ROLES.leader] });
    const outcome = await signIn(world(), 'aab', helle.login, { tamper: (url) => url.searchParams.set('nonce', 'someone-elses-nonce') });
    expect(outcome).toMatchObject({ error: 'sso_assertion_invalid', code: undefined });
    expect(await db.count('external_identities WHERE subject = $1', [helle.oid])).toBe(0);
  });

  it('sends the person back with sso_provider_refused when the provider did not sign them in', async () => {
    expect(await signIn(world(), 'aab', 'nobody-at-the-provider')).toMatchObject({ error: 'sso_provider_refused' });
  });

  it('ends the session within a working day (SSO_SESSION_HOURS), whatever the refresh token says', async () => {
    const leader = await approvedPerson(world(), { roles: [APP_ROLES.leader] });
    const tokens = (await exchange(world(), (await signIn(world(), 'aab', leader.login)).code).expect(200)).body;
    const sid = claimsOf(tokens.accessToken).sid;
    const [session] = (await db.query(`SELECT provider, expires_at FROM sessions WHERE id = $1`, [sid])).rows;
    expect(session.provider).toBe('aab');
    const hoursLeft = (new Date(session.expires_at).getTime() - Date.now()) / 3600_000;
    expect(hoursLeft).toBeGreaterThan(7.9);
    expect(hoursLeft).toBeLessThanOrEqual(8);
    await me(tokens.accessToken).expect(200);

    await db.query(`UPDATE sessions SET expires_at = now() - interval '1 second' WHERE id = $1`, [sid]);
    expect((await me(tokens.accessToken)).status).toBe(401);
    expect((await world().t.http().post(`${API}/auth/refresh`).send({ refreshToken: tokens.refreshToken })).status).toBe(401);
  });
});
