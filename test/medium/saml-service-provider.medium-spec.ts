import { Logger } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';
import { Redis } from 'ioredis';
import type { DomainError } from '../../src/common/domain-errors';
import type { SamlProviderConfig } from '../../src/sso/sso-provider-config';
import { RedisSamlRequestCache } from '../../src/sso/saml/saml-request-cache';
import { readSamlKeys, SAML_REQUEST_TTL_MS, SamlServiceProvider } from '../../src/sso/saml/saml-service-provider';
import { makeTestKeyPair } from '../support/self-signed-cert';
import { TestSamlIdp, type SamlPerson } from '../support/saml-idp';
import { TEST_REDIS_URL, testRedisPrefix } from '../support/test-env';

const ISHOJ = '29189765';
const CASEWORKER = 'http://helhedsplan.dk/roles/usersystemrole/sagsbehandler/1';
const mette: SamlPerson = {
  cvr: ISHOJ,
  privileges: { [ISHOJ]: [CASEWORKER] },
  loa: 'Substantial',
  uuid: 'urn:uuid:5f1c3c1e-8c2e-4a35-9b1d-3a0c2f6d7e11',
  name: 'Mette Sørensen',
  email: 'mette.sorensen@ishoj.dk',
};

describe('our OIOSAML 3 service provider against a KOMBIT-shaped IdP', () => {
  const idp = new TestSamlIdp();
  const files = idp.writeFiles();
  const provider: SamlProviderConfig = {
    kind: 'saml',
    id: 'kombit-test',
    displayName: 'KOMBIT (test)',
    returnUrl: 'http://localhost:3000/login',
    entryPoint: idp.ssoUrl,
    idpEntityId: idp.entityId,
    idpCertFile: files.idpCertFile,
    spEntityId: 'https://helhedsplan.test/saml/kombit',
    spKeyFile: files.spKeyFile,
    spCertFile: files.spCertFile,
    privileges: { [CASEWORKER]: 'caseworker' },
    municipalities: { [ISHOJ]: { planId: '8a4f7a0e-0000-4000-8000-000000000001', organisationId: null } },
  };
  let redis: Redis;
  let sp: SamlServiceProvider;

  beforeAll(() => {
    // The refusals below are logged for operators; the test output need not show them.
    Logger.overrideLogger(false);
    redis = new Redis(TEST_REDIS_URL, { keyPrefix: `${testRedisPrefix()}:${randomBytes(3).toString('hex')}:` });
    sp = new SamlServiceProvider(provider, readSamlKeys(provider), 'http://localhost:3000/', new RedisSamlRequestCache(redis, provider.id, SAML_REQUEST_TTL_MS));
  });
  afterAll(async () => {
    await redis.quit();
    rmSync(files.dir, { recursive: true, force: true });
  });

  async function signIn(person = mette, spoil = {}) {
    const { url, requestId } = await sp.authnRequest('state-1');
    const post = await idp.answer(url, sp.metadataXml(), person, spoil);
    return sp.validatePostResponse(post.SAMLResponse, requestId);
  }

  async function refusal(promise: Promise<unknown>): Promise<string | undefined> {
    try {
      await promise;
    } catch (error) {
      return (error as DomainError).code ?? String(error);
    }
    return undefined;
  }

  it('sends a signed AuthnRequest that asks for a persistent NameID and at least NSIS Substantial', async () => {
    const { url, requestId } = await sp.authnRequest('state-1');
    const params = new URL(url).searchParams;
    expect(url.startsWith(idp.ssoUrl)).toBe(true);
    expect(params.get('RelayState')).toBe('state-1');
    expect(params.get('SigAlg')).toBe('http://www.w3.org/2001/04/xmldsig-more#rsa-sha256');
    const xml = inflateRawSync(Buffer.from(params.get('SAMLRequest')!, 'base64')).toString();
    expect(xml).toContain(`ID="${requestId}"`);
    expect(xml).toContain('AssertionConsumerServiceURL="http://localhost:3000/api/v1/auth/saml/kombit-test/acs"');
    expect(xml).toContain('Format="urn:oasis:names:tc:SAML:2.0:nameid-format:persistent"');
    expect(xml).toContain('https://data.gov.dk/concept/core/nsis/loa/Substantial');
    expect(xml).not.toContain('ForceAuthn');
  });

  it('asks the IdP to authenticate the person again for a step-up', async () => {
    const { url } = await sp.authnRequest('state-2', { forceAuthn: true });
    expect(inflateRawSync(Buffer.from(new URL(url).searchParams.get('SAMLRequest')!, 'base64')).toString()).toContain('ForceAuthn="true"');
  });

  it('publishes metadata with our entity id, the ACS for HTTP-POST and the signing and encryption certificate', () => {
    const xml = sp.metadataXml();
    expect(xml).toContain('entityID="https://helhedsplan.test/saml/kombit"');
    expect(xml).toContain('Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="http://localhost:3000/api/v1/auth/saml/kombit-test/acs"');
    expect(xml).toContain('use="signing"');
    expect(xml).toContain('use="encryption"');
    expect(xml).toContain('WantAssertionsSigned="true"');
  });

  it('reads the caseworker from an encrypted, signed assertion, from a plain one, and from one in a signed Response', async () => {
    for (const spoil of [{}, { plain: true }, { signResponse: true }, { plain: true, signResponse: true }]) {
      const { assertion } = await signIn(mette, spoil);
      expect(assertion).toMatchObject({ issuer: idp.entityId, subject: mette.uuid, name: mette.name, email: mette.email, roles: ['caseworker'], multiFactor: true });
      expect(assertion.membership).toEqual(provider.municipalities[ISHOJ]);
    }
  });

  it.each([
    ['signed by another key', { signWith: makeTestKeyPair('rogue IdP') }, /Invalid signature/],
    ['signed by no key', { unsigned: true }, /Invalid signature|signature/i],
    ['meant for another audience', { audience: 'https://another-system.example.dk' }, /audience mismatch/],
    ['expired', { expired: true }, /No valid subject confirmation/],
    ['answering a request we never sent', { inResponseTo: '_not-our-request' }, /InResponseTo is not valid/],
    ['unsolicited (IdP-initiated)', { unsolicited: true }, /InResponseTo is missing/],
    ['issued in another IdP\'s name', { issuer: 'https://saml.another-idp.example.dk' }, /issued by another identity provider/],
    ['addressed to another endpoint', { recipient: 'https://another-system.example.dk/acs' }, /meant for another endpoint/],
  ])('refuses an answer %s', async (_what, spoil, reason) => {
    const error = await signIn(mette, spoil).then(() => undefined, (e: DomainError) => e);
    expect(error?.code).toBe('sso_assertion_invalid');
    // The reason, so that a refusal for some other fault does not pass for this one.
    expect(String((error?.cause as Error | undefined)?.message ?? error?.message)).toMatch(reason);
  });

  it('takes an answer once, also when two copies arrive at the same moment', async () => {
    const { url, requestId } = await sp.authnRequest('state-3');
    const post = await idp.answer(url, sp.metadataXml(), mette);
    const results = await Promise.allSettled([sp.validatePostResponse(post.SAMLResponse, requestId), sp.validatePostResponse(post.SAMLResponse, requestId)]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(await refusal(sp.validatePostResponse(post.SAMLResponse, requestId))).toBe('sso_assertion_invalid');
  });

  it('refuses an answer to a request of ours that another sign-in sent', async () => {
    const mine = await sp.authnRequest('state-4');
    const theirs = await sp.authnRequest('state-5');
    const post = await idp.answer(theirs.url, sp.metadataXml(), mette);
    const error = await sp.validatePostResponse(post.SAMLResponse, mine.requestId).then(() => undefined, (e: DomainError) => e);
    expect(error?.code).toBe('sso_assertion_invalid');
    expect(String((error?.cause as Error).message)).toMatch(/another sign-in/);
  });

  it('refuses an answer carrying a document type declaration before parsing it', async () => {
    const xml = '<!DOCTYPE r [<!ENTITY e SYSTEM "file:///etc/passwd">]><samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol">&e;</samlp:Response>';
    expect(await refusal(sp.validatePostResponse(Buffer.from(xml).toString('base64'), '_any'))).toBe('sso_assertion_invalid');
  });

  it('tells a person who cancelled at the IdP that the provider did not sign them in', async () => {
    expect(await refusal(signIn(mette, { failed: true }))).toBe('sso_provider_refused');
  });

  it('refuses a sign-in at NSIS Low, and answers the attribute errors of OIOSAML', async () => {
    expect(await refusal(signIn({ ...mette, loa: 'Low' }))).toBe('sso_loa_too_low');
    expect(await refusal(signIn(mette, { attributes: { 'https://data.gov.dk/model/core/specVersion': 'OIO-SAML-2.0' } }))).toBe('sso_assertion_invalid');
  });
});
