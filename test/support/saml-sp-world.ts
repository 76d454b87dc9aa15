import { Logger } from '@nestjs/common';
import { randomBytes, randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { Redis } from 'ioredis';
import type { DomainError } from '../../src/common/domain-errors';
import type { SamlProviderConfig } from '../../src/sso/sso-provider-config';
import { RedisSamlRequestCache } from '../../src/sso/saml/saml-request-cache';
import { readSamlKeys, SAML_REQUEST_TTL_MS, SamlServiceProvider } from '../../src/sso/saml/saml-service-provider';
import { TestSamlIdp, type AnswerOptions, type SamlPerson } from './saml-idp';
import { TEST_REDIS_URL, testRedisPrefix } from './test-env';

export const ISHOJ = '29189765';
export const CASEWORKER = 'http://helhedsplan.dk/roles/usersystemrole/sagsbehandler/1';

/** A caseworker of Ishøj Kommune as KOMBIT's Context Handler describes her; each call is a new person. */
export function mette(overrides: Partial<SamlPerson> = {}): SamlPerson {
  return { cvr: ISHOJ, privileges: { [ISHOJ]: [CASEWORKER] }, loa: 'Substantial', uuid: `urn:uuid:${randomUUID()}`, name: 'Mette Sørensen', email: 'mette.sorensen@ishoj.dk', ...overrides };
}

/**
 * TEST ONLY: our service provider (src/sso/saml/) against the test IdP, without HTTP: the real
 * Redis, the provider as a providers file would give it. `sp` requires encrypted assertions (the
 * default); `lenientSp` takes plain ones too, for the tests that tamper with a signed assertion.
 */
export function samlSpWorld() {
  const idp = new TestSamlIdp();
  const files = idp.writeFiles();
  const provider: SamlProviderConfig = {
    kind: 'saml',
    id: 'kombit-test',
    displayName: 'KOMBIT (test)',
    returnUrl: 'http://localhost:3000/login',
    entryPoint: idp.ssoUrl,
    logoutUrl: idp.sloUrl,
    idpEntityId: idp.entityId,
    idpCertFiles: [files.idpCertFile],
    spEntityId: 'https://helhedsplan.test/saml/kombit',
    spKeys: [{ keyFile: files.spKeyFile, certFile: files.spCertFile }],
    contact: { type: 'technical', company: 'Helhedsplan drift', email: 'drift@helhedsplan.test' },
    privileges: { [CASEWORKER]: 'caseworker' },
    municipalities: { [ISHOJ]: { planId: '8a4f7a0e-0000-4000-8000-000000000001', organisationId: null } },
  };
  const world = { idp, provider, sp: undefined as unknown as SamlServiceProvider, lenientSp: undefined as unknown as SamlServiceProvider };
  let redis: Redis;

  beforeAll(() => {
    // The refusals are logged for operators; the test output need not show them.
    Logger.overrideLogger(false);
    redis = new Redis(TEST_REDIS_URL, { keyPrefix: `${testRedisPrefix()}:${randomBytes(3).toString('hex')}:` });
    const build = (p: SamlProviderConfig) => new SamlServiceProvider(p, readSamlKeys(p), 'http://localhost:3000/', new RedisSamlRequestCache(redis, p.id, SAML_REQUEST_TTL_MS));
    world.sp = build(provider);
    world.lenientSp = build({ ...provider, id: 'kombit-plain', requireEncryptedAssertions: false });
  });
  afterAll(async () => {
    await redis.quit();
    rmSync(files.dir, { recursive: true, force: true });
  });
  return world;
}

/** A sign-in through `sp` answered by the IdP as `spoil` says. */
export async function signIn(sp: SamlServiceProvider, idp: TestSamlIdp, person: SamlPerson = mette(), spoil: AnswerOptions = {}) {
  const { url, requestId } = await sp.authnRequest('state-1');
  const post = await idp.answer(url, sp.metadataXml(), person, spoil);
  return sp.validatePostResponse(post.SAMLResponse, requestId);
}

/** Why a sign-in was refused: the code and the reason the operator's log gets. */
export async function refusalOf(promise: Promise<unknown>): Promise<{ code?: string; reason: string } | undefined> {
  try {
    await promise;
  } catch (error) {
    const e = error as DomainError;
    return { code: e.code, reason: String((e.cause as Error | undefined)?.message ?? e.message) };
  }
  return undefined;
}
