import { randomBytes, randomUUID } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import type { Response } from 'supertest';
import { createPlan, type PlanFixture } from '../support/fixtures';
import { makeTestKeyPair } from '../support/self-signed-cert';
import { readSpMetadata, TestSamlIdp, type SamlPerson, type SamlPost, type AnswerOptions } from '../support/saml-idp';
import { API, createTestApp, type TestApp } from '../support/test-app';

const ISHOJ = '29189765';
const BRONDBY = '65113015';
const CASEWORKER = 'http://helhedsplan.dk/roles/usersystemrole/sagsbehandler/1';
const LEADER = 'http://helhedsplan.dk/roles/usersystemrole/leder/1';
const PROVIDER = 'kombit-ishoj';
const SP_ENTITY_ID = 'https://helhedsplan.test/saml/kombit-ishoj';
const ACS = `http://localhost:3000/api/v1/auth/saml/${PROVIDER}/acs`;

/** A caseworker of Ishøj Kommune, as KOMBIT's Context Handler describes her; each call is a new person. */
function caseworker(overrides: Partial<SamlPerson> = {}): SamlPerson {
  const tag = randomBytes(3).toString('hex');
  return {
    cvr: ISHOJ,
    privileges: { [ISHOJ]: [CASEWORKER] },
    loa: 'Substantial',
    uuid: `urn:uuid:${randomUUID()}`,
    name: `Mette Sørensen ${tag}`,
    email: `mette.sorensen.${tag}@ishoj.dk`,
    ...overrides,
  };
}

describe('signing in through KOMBIT\'s Context Handler (OIOSAML 3)', () => {
  const idp = new TestSamlIdp();
  const files = idp.writeFiles();
  const jwtSecret = randomBytes(32).toString('hex');
  let t: TestApp;
  let plan: PlanFixture;

  beforeAll(async () => {
    // The plan must exist before the providers file can map Ishøj's CVR to it, and the file is read at start-up.
    const setup = await createTestApp({ jwtSecret });
    plan = await createPlan(setup, 'KOMBIT');
    await setup.close();
    const providersFile = join(files.dir, 'providers.json');
    const provider = {
      id: PROVIDER,
      kind: 'saml',
      displayName: 'Ishøj Kommune (KOMBIT)',
      returnUrl: 'http://localhost:3000/login',
      entryPoint: idp.ssoUrl,
      idpEntityId: idp.entityId,
      idpCertFile: 'idp.pem',
      spEntityId: SP_ENTITY_ID,
      spKeyFile: 'sp.key',
      spCertFile: 'sp.pem',
      contact: { type: 'technical', company: 'Helhedsplan drift', email: 'drift@helhedsplan.test' },
      privileges: { [CASEWORKER]: 'caseworker' },
      municipalities: { [ISHOJ]: { planId: plan.planId, organisationId: plan.organisations.jobcenter } },
    };
    writeFileSync(providersFile, JSON.stringify({ providers: [provider] }));
    t = await createTestApp({ jwtSecret, ssoProvidersFile: providersFile });
  });
  afterAll(async () => {
    await t?.close();
    rmSync(files.dir, { recursive: true, force: true });
  });

  const metadata = async () => (await t.http().get(`${API}/auth/saml/${PROVIDER}/metadata`).expect(200)).text;

  /** GET /auth/sso/:provider/login as a browser: the IdP's URL and the cookie binding the sign-in to this browser. */
  async function startSignIn(): Promise<{ authnRequestUrl: string; cookie: string }> {
    const res = await t.http().get(`${API}/auth/sso/${PROVIDER}/login`).expect(302);
    const setCookie = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
    return { authnRequestUrl: res.headers.location, cookie: setCookie[0].split(';')[0] };
  }

  const postToAcs = (post: SamlPost, cookie?: string) => {
    const req = t.http().post(`${API}/auth/saml/${PROVIDER}/acs`).type('form');
    return (cookie ? req.set('Cookie', cookie) : req).send(post);
  };

  /** The outcome in the returnUrl's fragment after the ACS's 303. */
  function outcome(res: Response): { code?: string; error?: string } {
    expect(res.status).toBe(303);
    const location = new URL(res.headers.location);
    expect(location.origin + location.pathname).toBe('http://localhost:3000/login');
    return Object.fromEntries(new URLSearchParams(location.hash.slice(1)));
  }

  async function signIn(person: SamlPerson, spoil: AnswerOptions = {}): Promise<{ code?: string; error?: string }> {
    const { authnRequestUrl, cookie } = await startSignIn();
    const post = await idp.answer(authnRequestUrl, await metadata(), person, spoil);
    return outcome(await postToAcs(post, cookie));
  }

  async function tokensFor(code: string | undefined): Promise<{ accessToken: string }> {
    const res = await t.http().post(`${API}/auth/exchange`).send({ code }).expect(200);
    return res.body;
  }

  const claimsOf = (jwt: string) => JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString()) as { amr: string[] };
  const me = async (accessToken: string) => (await t.http().get(`${API}/me`).set('Authorization', `Bearer ${accessToken}`).expect(200)).body;

  it('lets a caseworker of Ishøj with a mapped privilege in, created as a caseworker of the mapped plan and organisation, multi-factor at Substantial', async () => {
    const mette = caseworker();
    const { code, error } = await signIn(mette);
    expect(error).toBeUndefined();
    const { accessToken } = await tokensFor(code);
    expect(claimsOf(accessToken).amr).toEqual(expect.arrayContaining(['fed', 'mfa']));
    expect(await me(accessToken)).toMatchObject({ email: mette.email, name: mette.name, role: 'caseworker', planId: plan.planId, organisationId: plan.organisations.jobcenter });
  });

  it('asks the Context Handler to authenticate afresh (ForceAuthn) for a step-up', async () => {
    const plain = await t.http().get(`${API}/auth/sso/${PROVIDER}/login`).expect(302);
    const forced = await t.http().get(`${API}/auth/sso/${PROVIDER}/login?reauth=true`).expect(302);
    const authnRequest = (location: string) => inflateRawSync(Buffer.from(new URL(location).searchParams.get('SAMLRequest')!, 'base64')).toString('utf8');
    expect(authnRequest(plain.headers.location)).not.toMatch(/ForceAuthn="true"/);
    expect(authnRequest(forced.headers.location)).toMatch(/ForceAuthn="true"/);
  });

  it('signs the same person in to the same account the next time (by the persistent uuid, not the e-mail)', async () => {
    const mette = caseworker();
    const first = await me((await tokensFor((await signIn(mette)).code)).accessToken);
    const again = await me((await tokensFor((await signIn({ ...mette, email: `new.${mette.email}` })).code)).accessToken);
    expect(again.id).toBe(first.id);
  });

  it('refuses a sign-in at NSIS Low, below the default minimum (Betydelig)', async () => {
    expect(await signIn(caseworker({ loa: 'Low' }))).toEqual({ error: 'sso_loa_too_low' });
  });

  it('refuses a municipality whose CVR is not mapped to a plan', async () => {
    expect(await signIn(caseworker({ cvr: BRONDBY, privileges: { [BRONDBY]: [CASEWORKER] } }))).toEqual({ error: 'sso_no_plan' });
  });

  it('ignores privileges granted in another organisation\'s group', async () => {
    expect(await signIn(caseworker({ privileges: { [BRONDBY]: [CASEWORKER] } }))).toEqual({ error: 'sso_no_role' });
    // A leader privilege from Brøndby does not make an Ishøj caseworker's role ambiguous.
    expect((await signIn(caseworker({ privileges: { [BRONDBY]: [LEADER], [ISHOJ]: [CASEWORKER] } }))).code).toBeDefined();
  });

  it('refuses a person with no privilege mapped to a role here', async () => {
    expect(await signIn(caseworker({ privileges: { [ISHOJ]: ['http://another-system.dk/roles/usersystemrole/admin/1'] } }))).toEqual({ error: 'sso_no_role' });
  });

  it.each([
    ['signed by another key', { signWith: makeTestKeyPair('rogue IdP') }],
    ['meant for another audience', { audience: 'https://another-system.example.dk' }],
    ['that has expired', { expired: true }],
    ['issued in another IdP\'s name', { issuer: 'https://saml.another-idp.example.dk' }],
    ['answering another request', { inResponseTo: '_another-request' }],
    ['that answers no request (IdP-initiated)', { unsolicited: true }],
  ])('refuses an answer %s', async (_what, spoil) => {
    expect(await signIn(caseworker(), spoil)).toEqual({ error: 'sso_assertion_invalid' });
  });

  it('sends a person who cancelled at KOMBIT back with sso_provider_refused', async () => {
    expect(await signIn(caseworker(), { failed: true })).toEqual({ error: 'sso_provider_refused' });
  });

  it('refuses a replayed answer: the sign-in it completed is gone, and a new sign-in did not ask for it', async () => {
    const { authnRequestUrl, cookie } = await startSignIn();
    const post = await idp.answer(authnRequestUrl, await metadata(), caseworker());
    expect(outcome(await postToAcs(post, cookie)).code).toBeDefined();
    const again = await postToAcs(post, cookie);
    expect(again.status).toBe(401);
    expect(again.body.code).toBe('sso_state_invalid');
    const fresh = await startSignIn();
    expect(outcome(await postToAcs({ ...post, RelayState: new URL(fresh.authnRequestUrl).searchParams.get('RelayState')! }, fresh.cookie))).toEqual({ error: 'sso_assertion_invalid' });
  });

  it('refuses an answer without the sign-in it belongs to, or posted by another browser (login CSRF)', async () => {
    const { authnRequestUrl } = await startSignIn();
    const post = await idp.answer(authnRequestUrl, await metadata(), caseworker());
    for (const res of [await postToAcs({ SAMLResponse: post.SAMLResponse, RelayState: '' }), await postToAcs(post)]) {
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('sso_state_invalid');
    }
  });

  it('answers a SAMLResponse that is not SAML with a refusal, not an error', async () => {
    const { authnRequestUrl, cookie } = await startSignIn();
    const RelayState = new URL(authnRequestUrl).searchParams.get('RelayState')!;
    expect(outcome(await postToAcs({ SAMLResponse: Buffer.from('<not-saml/>').toString('base64'), RelayState }, cookie))).toEqual({ error: 'sso_assertion_invalid' });
  });

  it('serves our signed metadata, naming our entity id, ACS, single logout and contact, without sign-in', async () => {
    const res = await t.http().get(`${API}/auth/saml/${PROVIDER}/metadata`).expect(200);
    expect(res.headers['content-type']).toMatch(/^application\/samlmetadata\+xml/);
    expect(readSpMetadata(res.text)).toMatchObject({ entityId: SP_ENTITY_ID, acsUrl: ACS, sloUrl: ACS.replace(/acs$/, 'slo') });
    expect(res.text).toContain('AuthnRequestsSigned="true"');
    expect(res.text).toContain('<md:EmailAddress>mailto:drift@helhedsplan.test</md:EmailAddress>');
    const unknown = await t.http().get(`${API}/auth/saml/nobody/metadata`).expect(404);
    expect(unknown.body.code).toBe('sso_provider_unknown');
  });

  describe('bodies', () => {
    const acs = `${API}/auth/saml/${PROVIDER}/acs`;

    it('refuses JSON and other bodies at the ACS with 415', async () => {
      for (const [type, body] of [['application/json', '{"SAMLResponse":"PHg+","RelayState":"x"}'], ['text/plain', 'SAMLResponse=PHg+'], ['application/xml', '<x/>']]) {
        const res = await t.http().post(acs).set('Content-Type', type).send(body);
        expect([res.status, res.body.code]).toEqual([415, 'unsupported_media_type']);
      }
    });

    it('refuses a form body anywhere but the ACS with 415, and keeps 404 for unknown routes', async () => {
      const login = await t.http().post(`${API}/auth/login`).type('form').send('email=a@b.dk&password=x');
      expect([login.status, login.body.code]).toEqual([415, 'unsupported_media_type']);
      const exchange = await t.http().post(`${API}/auth/exchange`).type('form').send('code=x');
      expect(exchange.status).toBe(415);
      expect((await t.http().post(`${API}/no-such-route`).type('form').send('a=b')).status).toBe(404);
    });

    it('refuses malformed forms with 400 and a form larger than any SAML answer with 413', async () => {
      const cases: [string, number][] = [
        ['', 400],
        ['RelayState=x', 400],
        ['SAMLResponse=not%20base64!&RelayState=x', 400],
        ['SAMLResponse=PHg%2B&SAMLResponse=PHk%2B&RelayState=x', 400],
        ['SAMLResponse=PHg%2B&RelayState=x&extra=1', 400],
        [`SAMLResponse=${'A'.repeat(300 * 1024)}&RelayState=x`, 413],
      ];
      for (const [body, status] of cases) {
        const res = await t.http().post(acs).type('form').send(body);
        expect([body.slice(0, 60), res.status]).toEqual([body.slice(0, 60), status]);
        expect(res.headers['content-type']).toMatch(/problem\+json/);
      }
    });
  });
});
