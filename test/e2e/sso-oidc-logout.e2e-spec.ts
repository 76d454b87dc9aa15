import { STAFF_PASSWORD } from '../support/fixtures';
import { ownerDatabase } from '../support/owner-database';
import { TestBrowser } from '../support/oidc-provider-browser';
import { decodeJwt, foreignKey } from '../support/oidc-provider-tokens';
import { APP_ROLES, claimsOf, exchange, oidcWorld, approvedPerson, RETURN_URL } from '../support/oidc-provider-world';
import { API } from '../support/test-app';
import { waitFor } from '../support/wait-for';

/**
 * Logout with an OpenID Connect provider: our logout also ends the person's session at the provider
 * (RP-initiated logout), and the provider's logout ends ours (back-channel logout), so a shared
 * computer is not left signed in at either, and a person the provider signs out is signed out here.
 */
describe('single sign-on with OpenID Connect: logout both ways', () => {
  const world = oidcWorld(
    {},
    {
      listen: true,
      make: async ({ plan, client, provider, appUrl }) => ({
        clients: [{ ...client('aab-bcl'), backchannelLogoutUri: `${appUrl}${API}/auth/sso/aab-bcl/backchannel-logout` }],
        providers: [(issuer) => provider('aab-bcl', issuer, { planId: plan.planId, organisationId: null })],
      }),
    },
  );
  const db = ownerDatabase();

  const me = (accessToken: string) => world().t.http().get(`${API}/me`).set('Authorization', `Bearer ${accessToken}`);
  const logout = (refreshToken: string) => world().t.http().post(`${API}/auth/logout`).send({ refreshToken });
  const backchannel = (providerId: string, logoutToken: string) =>
    world().t.http().post(`${API}/auth/sso/${providerId}/backchannel-logout`).type('form').send({ logout_token: logoutToken });

  /** Signs in in `browser` and exchanges the code; the tokens, and the provider's names for the sign-in. */
  async function signedIn(browser: TestBrowser, providerId: string, login: string) {
    const outcome = await browser.signIn(providerId, login);
    const tokens = (await exchange(world(), outcome.code).expect(200)).body as { accessToken: string; refreshToken: string };
    const [link] = (await db.query(`SELECT sso_subject AS sub, sso_session_id AS sid FROM sessions WHERE id = $1`, [claimsOf(tokens.accessToken).sid])).rows;
    return { ...tokens, sub: link.sub as string, sid: link.sid as string };
  }

  describe('our logout ends the session at the provider too (RP-initiated logout)', () => {
    it('answers the provider\'s end-session URL with the ID token as hint and the returnUrl to come back to', async () => {
      const helle = await approvedPerson(world(), { roles: [APP_ROLES.leader] });
      const browser = new TestBrowser(world().t);
      const session = await signedIn(browser, 'aab', helle.login);

      const res = await logout(session.refreshToken).expect(200);
      const url = new URL(res.body.providerLogoutUrl);
      expect(url.origin + url.pathname).toBe(`${world().op.issuer}/session/end`);
      expect(url.searchParams.get('post_logout_redirect_uri')).toBe(RETURN_URL);
      const hint = decodeJwt(url.searchParams.get('id_token_hint') as string).claims;
      expect(hint).toMatchObject({ iss: world().op.issuer, aud: 'helhedsplan-aab', sub: session.sub });
      expect((await me(session.accessToken)).status).toBe(401);

      // The provider takes it: the person confirms there and comes back to the sign-in page.
      expect(await browser.logoutAtProvider(url.href)).toMatch(new RegExp(`^${RETURN_URL}`));
    });

    it('keeps answering 204 for a password session and for a refresh token it does not know', async () => {
      const password = await world().t.http().post(`${API}/auth/login`).send({ email: world().plan.leader.user.email, password: STAFF_PASSWORD }).expect(200);
      await logout(password.body.refreshToken).expect(204);
      await logout('00000000-0000-4000-8000-000000000000.aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa').expect(204);
    });
  });

  describe('the provider\'s logout ends our sessions (back-channel logout)', () => {
    it('ends the sessions of the provider session it logs out, not the person\'s other ones, and audits it', async () => {
      const helle = await approvedPerson(world(), { roles: [APP_ROLES.leader] });
      const atWork = new TestBrowser(world().t);
      const first = await signedIn(atWork, 'aab-bcl', helle.login);
      const second = await signedIn(atWork, 'aab-bcl', helle.login);
      const atHome = await signedIn(new TestBrowser(world().t), 'aab-bcl', helle.login);
      expect(second.sid).toBe(first.sid);
      expect(atHome.sid).not.toBe(first.sid);

      // Our logout of the first sends the browser to the provider, which then logs out every client of that session, us included.
      const { providerLogoutUrl } = (await logout(first.refreshToken).expect(200)).body;
      await atWork.logoutAtProvider(providerLogoutUrl);
      await waitFor('the provider\'s back-channel logout to end the second session', async () => ((await me(second.accessToken)).status === 401 ? true : undefined));
      await me(atHome.accessToken).expect(200);
      const [ended] = (await db.query(`SELECT revoked_reason FROM sessions WHERE id = $1`, [claimsOf(second.accessToken).sid])).rows;
      expect(ended.revoked_reason).toBe('sso_logout');
      expect(await db.count(`audit_events WHERE actor_id = $1 AND action = 'auth.sso_backchannel_logout'`, [claimsOf(second.accessToken).sub])).toBeGreaterThan(0);
      expect((await world().t.http().post(`${API}/auth/refresh`).send({ refreshToken: second.refreshToken })).status).toBe(401);
    });

    it('ends every session of the person from the provider when the token names only the person (sub), once', async () => {
      const helle = await approvedPerson(world(), { roles: [APP_ROLES.leader] });
      const one = await signedIn(new TestBrowser(world().t), 'aab-bcl', helle.login);
      const two = await signedIn(new TestBrowser(world().t), 'aab-bcl', helle.login);
      const elsewhere = await signedIn(new TestBrowser(world().t), 'aab', helle.login);
      const token = world().op.logoutToken('helhedsplan-aab-bcl', { sub: one.sub });
      await backchannel('aab-bcl', token).expect(200);
      expect((await me(one.accessToken)).status).toBe(401);
      expect((await me(two.accessToken)).status).toBe(401);
      // A provider's logout ends only its own sign-ins.
      await me(elsewhere.accessToken).expect(200);
      const replay = await backchannel('aab-bcl', token);
      expect(replay.status).toBe(400);
      expect(replay.body).toMatchObject({ code: 'sso_logout_token_invalid' });
    });

    const refusals: [string, { change?: (claims: Record<string, unknown>) => void; header?: Record<string, unknown>; foreign: boolean }][] = [
      ['signed by a key the provider never published', { foreign: true }],
      ['for another client (aud)', { change: (c) => void (c.aud = 'helhedsplan-aab'), foreign: false }],
      ['from another issuer (iss)', { change: (c) => void (c.iss = 'https://login.microsoftonline.com/another-tenant/v2.0'), foreign: false }],
      ['issued ten minutes ago (iat)', { change: (c) => void ((c.iat = Math.floor(Date.now() / 1000) - 600), (c.exp = Math.floor(Date.now() / 1000) + 60)), foreign: false }],
      ['expired (exp)', { change: (c) => void (c.exp = Math.floor(Date.now() / 1000) - 60), foreign: false }],
      ['without the logout event (an ID token)', { change: (c) => void (c.events = undefined), foreign: false }],
      ['with a nonce', { change: (c) => void (c.nonce = 'n-1'), foreign: false }],
      ['naming neither a person nor a session', { change: (c) => void ((c.sub = undefined), (c.sid = undefined)), foreign: false }],
      ['typed as an access token', { header: { typ: 'at+jwt' }, foreign: false }],
      ['unsigned (alg none)', { header: { alg: 'none' }, foreign: false }],
    ];
    it.each(refusals)('refuses a logout token %s with 400, and ends nothing', async (_what, { change, header, foreign }) => {
      const helle = await approvedPerson(world(), { roles: [APP_ROLES.leader] });
      const session = await signedIn(new TestBrowser(world().t), 'aab-bcl', helle.login);
      const token = world().op.logoutToken('helhedsplan-aab-bcl', { sub: session.sub, sid: session.sid }, { change, header, ...(foreign ? { key: foreignKey() } : {}) });
      const res = await backchannel('aab-bcl', token);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ code: 'sso_logout_token_invalid' });
      await me(session.accessToken).expect(200);
    });

    it('answers 404 for a provider it does not know, and 415 for anything but a form post', async () => {
      const token = world().op.logoutToken('helhedsplan-aab-bcl', { sub: 'someone' });
      expect((await backchannel('nobody', token)).body).toMatchObject({ code: 'sso_provider_unknown' });
      expect((await world().t.http().post(`${API}/auth/sso/aab-bcl/backchannel-logout`).send({ logout_token: token })).status).toBe(415);
      expect((await backchannel('aab-bcl', 'not-a-jwt')).body).toMatchObject({ code: 'validation_failed' });
    });
  });
});
