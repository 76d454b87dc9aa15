import { randomBytes, randomUUID } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Response } from 'supertest';
import { SsoProviders } from '../../src/sso/sso-providers';
import { createPlan, type PlanFixture } from './fixtures';
import { TestSamlIdp, type AnswerOptions, type SamlPerson, type SamlPost } from './saml-idp';
import { API, createTestApp, type TestApp } from './test-app';

export const ISHOJ = '29189765';
export const CASEWORKER = 'http://helhedsplan.dk/roles/usersystemrole/sagsbehandler/1';
export const RETURN_URL = 'http://localhost:3000/login';

/** A caseworker of Ishøj Kommune, as KOMBIT's Context Handler describes her; each call is a new person. */
export function caseworker(overrides: Partial<SamlPerson> = {}): SamlPerson {
  const tag = randomBytes(3).toString('hex');
  return {
    cvr: ISHOJ,
    privileges: { [ISHOJ]: [CASEWORKER] },
    loa: 'Substantial',
    uuid: `urn:uuid:${randomUUID()}`,
    name: `Mette Sørensen${tag}`,
    email: `mette.sorensen.${tag}@ishoj.dk`,
    ...overrides,
  };
}

/**
 * TEST ONLY: the app with one KOMBIT provider (`kombit-ishoj`) in a providers file the test can
 * rewrite (key rollover), and a browser's view of signing in through the test IdP.
 */
export function samlAppWorld(providerId = 'kombit-ishoj') {
  const idp = new TestSamlIdp();
  const files = idp.writeFiles();
  const providersFile = join(files.dir, 'providers.json');
  const world = { idp, files, providerId, t: undefined as unknown as TestApp, plan: undefined as unknown as PlanFixture };
  let provider: Record<string, unknown>;

  /** Writes the providers file with the KOMBIT provider, `changes` applied to it as it was last written. */
  const writeProvider = (changes: Record<string, unknown> = {}) => {
    provider = { ...provider, ...changes };
    for (const [key, value] of Object.entries(provider)) if (value === undefined) delete provider[key];
    writeFileSync(providersFile, JSON.stringify({ providers: [provider] }));
  };

  beforeAll(async () => {
    const jwtSecret = randomBytes(32).toString('hex');
    // The plan must exist before the providers file can map Ishøj's CVR to it, and the file is read at start-up.
    const setup = await createTestApp({ jwtSecret });
    world.plan = await createPlan(setup, 'KOMBIT');
    await setup.close();
    provider = {
      id: providerId,
      kind: 'saml',
      displayName: 'Ishøj Kommune (KOMBIT)',
      returnUrl: RETURN_URL,
      entryPoint: idp.ssoUrl,
      logoutUrl: idp.sloUrl,
      idpEntityId: idp.entityId,
      idpCertFile: 'idp.pem',
      spEntityId: `https://helhedsplan.test/saml/${providerId}`,
      spKeyFile: 'sp.key',
      spCertFile: 'sp.pem',
      contact: { type: 'technical', company: 'Helhedsplan drift', email: 'drift@helhedsplan.test' },
      privileges: { [CASEWORKER]: 'caseworker' },
      municipalities: { [ISHOJ]: { planId: world.plan.planId, organisationId: world.plan.organisations.jobcenter } },
    };
    writeProvider();
    world.t = await createTestApp({ jwtSecret, ssoProvidersFile: providersFile });
  });
  afterAll(async () => {
    await world.t?.close();
    rmSync(files.dir, { recursive: true, force: true });
  });

  const http = () => world.t.http();
  const metadata = async () => (await http().get(`${API}/auth/saml/${providerId}/metadata`).expect(200)).text;

  /** GET /auth/sso/:provider/login as a browser: the IdP's URL and the cookie binding the sign-in to this browser. */
  async function startSignIn(): Promise<{ authnRequestUrl: string; cookie: string }> {
    const res = await http().get(`${API}/auth/sso/${providerId}/login`).expect(302);
    const setCookie = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
    return { authnRequestUrl: res.headers.location, cookie: setCookie[0].split(';')[0] };
  }

  const postToAcs = (post: SamlPost, cookie?: string) => {
    const req = http().post(`${API}/auth/saml/${providerId}/acs`).type('form');
    return (cookie ? req.set('Cookie', cookie) : req).send(post);
  };

  /** The outcome in the returnUrl's fragment after the ACS's 303. */
  function outcome(res: Response): Record<string, string> {
    expect(res.status).toBe(303);
    const location = new URL(res.headers.location);
    expect(location.origin + location.pathname).toBe(RETURN_URL);
    return Object.fromEntries(new URLSearchParams(location.hash.slice(1)));
  }

  /** A whole sign-in; `metadataAsIdpKnowsIt` is our metadata as the IdP last read it (default: now). */
  async function signIn(person: SamlPerson, spoil: AnswerOptions = {}, metadataAsIdpKnowsIt?: string): Promise<Record<string, string>> {
    const { authnRequestUrl, cookie } = await startSignIn();
    const post = await idp.answer(authnRequestUrl, metadataAsIdpKnowsIt ?? (await metadata()), person, spoil);
    return outcome(await postToAcs(post, cookie));
  }

  /** Signs in and exchanges the code: the tokens of the new session. */
  async function tokensOf(person: SamlPerson, spoil: AnswerOptions = {}): Promise<{ accessToken: string; refreshToken: string }> {
    const { code, error } = await signIn(person, spoil);
    expect(error).toBeUndefined();
    return (await http().post(`${API}/auth/exchange`).send({ code }).expect(200)).body;
  }
  const sessionOf = async (person: SamlPerson, spoil: AnswerOptions = {}) => (await tokensOf(person, spoil)).accessToken;

  /** Takes the file as it is now into use, as SIGHUP does. */
  const reload = () => world.t.app.get(SsoProviders).reload();

  return { world, http, metadata, startSignIn, postToAcs, outcome, signIn, tokensOf, sessionOf, writeProvider, reload };
}
