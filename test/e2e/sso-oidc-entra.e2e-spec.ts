import { ownerDatabase } from '../support/owner-database';
import { TestBrowser } from '../support/oidc-provider-browser';
import { foreignKey } from '../support/oidc-provider-tokens';
import { APP_ROLES, approvedPerson, claimsOf, exchange, oidcWorld, person, signIn } from '../support/oidc-provider-world';
import { API } from '../support/test-app';

/**
 * Microsoft Entra ID as it really is: v2 ID tokens carry no `amr`, and `auth_time` only as an
 * optional claim; multi-factor shows as a Conditional Access authentication context (`acrs`) the
 * app asks for, or not at all (the operator's `tenantEnforcesMfa`). Step-up passes only on the
 * provider's own proof of a fresh authentication; an ID token that fails a check gets nobody in.
 */
describe('single sign-on with Entra ID: multi-factor, step-up and the ID token\'s checks', () => {
  // People are made with approvedPerson: a just-in-time account of a role that reads notes waits for a second person's approval first.
  const world = oidcWorld(
    { mfaRequiredRoles: ['counsellor'] },
    {
      make: async ({ plan, client, provider }) => {
        const mapped = { planId: plan.planId, organisationId: null };
        return {
          clients: [client('aab-ca'), client('aab-policy')],
          providers: [(issuer) => ({ ...provider('aab-ca', issuer, mapped), mfa: { acrs: ['c1'] } }), (issuer) => ({ ...provider('aab-policy', issuer, mapped), mfa: {}, tenantEnforcesMfa: true })],
        };
      },
    },
  );
  const db = ownerDatabase();

  afterEach(() => {
    world().op.omitAuthTime = false;
  });

  /** Signs in and exchanges the code for tokens. */
  async function tokensOf(providerId: string, login: string) {
    const outcome = await signIn(world(), providerId, login);
    expect(outcome.code).toBeDefined();
    return (await exchange(world(), outcome.code).expect(200)).body;
  }
  /** A step-up through the provider (`?reauth=true`), to where it ends at the returnUrl. */
  async function reauthenticate(providerId: string, login: string) {
    const browser = new TestBrowser(world().t);
    const start = await browser.startSignIn(providerId, undefined, { reauth: true });
    const done = await browser.callback(await browser.atProvider(start.headers.location as string, login));
    return new URLSearchParams(new URL(done.headers.location as string).hash.slice(1));
  }
  /** A route that needs a recent sign-in (step-up): linking one's account. */
  const stepUpRoute = (accessToken: string) => world().t.http().post(`${API}/auth/sso/aab/link`).set('Authorization', `Bearer ${accessToken}`).send({});

  describe('a second factor', () => {
    it('asks Entra ID for the Conditional Access authentication context and counts it as multi-factor when the token carries it', async () => {
      const start = await new TestBrowser(world().t).startSignIn('aab-ca');
      expect(JSON.parse(new URL(start.headers.location as string).searchParams.get('claims') as string)).toEqual({ id_token: { acrs: { essential: true, value: 'c1' } } });

      const satisfied = await approvedPerson(world(), { amr: [], acrs: ['c1'] });
      expect(claimsOf((await tokensOf('aab-ca', satisfied.login)).accessToken).amr).toEqual(['fed', 'mfa']);
      // Without the context in the token the local second factor is asked for, as for any one-factor sign-in.
      const notSatisfied = await approvedPerson(world(), { amr: [] });
      expect(await tokensOf('aab-ca', notSatisfied.login)).toEqual({ status: 'mfa_enrolment_required', mfaToken: expect.any(String) });
    });

    it('takes the tenant\'s MFA policy on the operator\'s word only where the file says so, and records that it did', async () => {
      const helle = await approvedPerson(world(), { amr: [] });
      const tokens = await tokensOf('aab-policy', helle.login);
      const claims = claimsOf(tokens.accessToken);
      expect(claims.amr).toEqual(['fed', 'provider_policy']);
      expect(await db.count(`audit_events WHERE actor_id = $1 AND action = 'auth.sso_mfa_by_provider_policy'`, [claims.sub])).toBe(1);
      // The same person at a provider without the statement is one factor: the local one is asked for.
      expect(await tokensOf('aab', (await approvedPerson(world(), { amr: [] })).login)).toMatchObject({ status: 'mfa_enrolment_required' });
    });
  });

  describe('step-up', () => {
    it('does not pass step-up on a sign-in the provider answered from a session of two hours ago', async () => {
      const leader = await approvedPerson(world(), { roles: [APP_ROLES.leader], authenticatedSecondsAgo: 7200 });
      const tokens = await tokensOf('aab', leader.login);
      expect((claimsOf(tokens.accessToken) as unknown as { auth_time: number }).auth_time).toBeLessThan(Date.now() / 1000 - 7000);
      const refused = await stepUpRoute(tokens.accessToken);
      expect(refused.status).toBe(401);
      expect(refused.body).toMatchObject({ code: 'step_up_required' });
      // A fresh authentication at the provider passes.
      world().op.accounts.set(leader.login, { ...leader, authenticatedSecondsAgo: 0 });
      await stepUpRoute((await tokensOf('aab', leader.login)).accessToken).expect(200);
    });

    it('never passes step-up on a sign-in whose ID token does not say when the person authenticated', async () => {
      world().op.omitAuthTime = true;
      const leader = await approvedPerson(world(), { roles: [APP_ROLES.leader] });
      const tokens = await tokensOf('aab', leader.login);
      expect((await stepUpRoute(tokens.accessToken)).body).toMatchObject({ code: 'step_up_required' });
    });

    it('refuses a re-authentication the provider did not prove fresh: no auth_time, or an old one', async () => {
      const leader = await approvedPerson(world(), { roles: [APP_ROLES.leader] });
      world().op.omitAuthTime = true;
      expect(Object.fromEntries(await reauthenticate('aab', leader.login))).toEqual({ error: 'sso_reauthentication_unproven' });
      world().op.omitAuthTime = false;
      world().op.accounts.set(leader.login, { ...leader, authenticatedSecondsAgo: 3600 });
      expect(Object.fromEntries(await reauthenticate('aab', leader.login))).toEqual({ error: 'sso_reauthentication_unproven' });
      expect(await db.count(`audit_events WHERE action = 'auth.sso_refused.sso_reauthentication_unproven'`, [])).toBeGreaterThanOrEqual(2);

      world().op.accounts.set(leader.login, { ...leader, authenticatedSecondsAgo: 0 });
      const fresh = await reauthenticate('aab', leader.login);
      const tokens = (await exchange(world(), fresh.get('code') ?? undefined).expect(200)).body;
      await stepUpRoute(tokens.accessToken).expect(200);
    });
  });

  describe('an ID token that fails a check gets nobody in', () => {
    // Every row has all three values: jest takes a test function with more parameters than its row for one that calls done().
    const cases: [string, (header: Record<string, unknown>, claims: Record<string, unknown>) => void, boolean][] = [
      ['for another client (aud)', (_h, claims) => void (claims.aud = 'helhedsplan-someone-else'), false],
      ['from another issuer (iss)', (_h, claims) => void (claims.iss = 'https://login.microsoftonline.com/another-tenant/v2.0'), false],
      ['expired (exp)', (_h, claims) => void (claims.exp = Math.floor(Date.now() / 1000) - 3600), false],
      ['signed by a key the provider never published', () => undefined, true],
      ['unsigned (alg none)', (header) => void (header.alg = 'none'), false],
    ];
    it.each(cases)('refuses an ID token %s', async (_what, change, foreign) => {
      const helle = person(world().op, { roles: [APP_ROLES.leader] });
      world().op.rewriteNextIdToken((token) => {
        change(token.header, token.claims);
        return { token, ...(foreign ? { key: foreignKey() } : {}) };
      });
      expect(await signIn(world(), 'aab', helle.login)).toMatchObject({ error: 'sso_assertion_invalid', code: undefined });
      expect(await db.count('external_identities WHERE subject = $1', [helle.oid])).toBe(0);
    });
  });
});
