import { inflateRawSync } from 'node:zlib';
import { ALG, DIGEST } from '../support/saml-idp-crypto';
import { readSpMetadata } from '../support/saml-idp';
import { makeTestKeyPair } from '../support/self-signed-cert';
import { ISHOJ, mette, refusalOf, samlSpWorld, signIn } from '../support/saml-sp-world';

describe('our OIOSAML 3 service provider against a KOMBIT-shaped IdP', () => {
  const world = samlSpWorld();

  it('sends an AuthnRequest signed with RSASSA-PSS that the IdP verifies, asking for a persistent NameID and at least NSIS Substantial', async () => {
    const { url, requestId } = await world.sp.authnRequest('state-1');
    const params = new URL(url).searchParams;
    expect(url.startsWith(world.idp.ssoUrl)).toBe(true);
    expect(params.get('RelayState')).toBe('state-1');
    expect(params.get('SigAlg')).toBe('http://www.w3.org/2007/05/xmldsig-more#sha256-rsa-MGF1');
    // The IdP's own check of the signature (node's crypto, PSS), against our metadata's certificate.
    expect(world.idp.readAuthnRequest(url, world.sp.metadataXml())).toMatchObject({ id: requestId, sigAlg: params.get('SigAlg') });
    const xml = inflateRawSync(Buffer.from(params.get('SAMLRequest')!, 'base64')).toString();
    expect(xml).toContain(`ID="${requestId}"`);
    expect(xml).toContain('AssertionConsumerServiceURL="http://localhost:3000/api/v1/auth/saml/kombit-test/acs"');
    expect(xml).toContain('Format="urn:oasis:names:tc:SAML:2.0:nameid-format:persistent"');
    expect(xml).toContain('https://data.gov.dk/concept/core/nsis/loa/Substantial');
    expect(xml).not.toContain('ForceAuthn');
  });

  it('makes an AuthnRequest whose signature an IdP refuses once a byte of the query changes', async () => {
    const { url } = await world.sp.authnRequest('state-1');
    expect(() => world.idp.readAuthnRequest(url.replace('RelayState=state-1', 'RelayState=state-2'), world.sp.metadataXml())).toThrow(/not signed/);
  });

  it('asks the IdP to authenticate the person again for a step-up', async () => {
    const { url } = await world.sp.authnRequest('state-2', { forceAuthn: true });
    expect(inflateRawSync(Buffer.from(new URL(url).searchParams.get('SAMLRequest')!, 'base64')).toString()).toContain('ForceAuthn="true"');
  });

  it('publishes signed metadata with our entity id, the ACS, single logout, both certificates, the attributes we need and whom to contact', () => {
    const xml = world.sp.metadataXml();
    const seen = readSpMetadata(xml);
    expect(seen).toMatchObject({ entityId: 'https://helhedsplan.test/saml/kombit', acsUrl: 'http://localhost:3000/api/v1/auth/saml/kombit-test/acs', sloUrl: 'http://localhost:3000/api/v1/auth/saml/kombit-test/slo' });
    expect([seen.signingCertPems.length, seen.encryptionCertPems.length]).toEqual([1, 1]);
    expect(xml).toContain('Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="http://localhost:3000/api/v1/auth/saml/kombit-test/slo"');
    expect(xml).toContain('WantAssertionsSigned="true"');
    expect(xml).toContain('AuthnRequestsSigned="true"');
    expect(xml).toMatch(/<md:ContactPerson contactType="technical"><md:Company>Helhedsplan drift<\/md:Company><md:EmailAddress>mailto:drift@helhedsplan.test<\/md:EmailAddress>/);
    expect(seen.requestedAttributes).toEqual(
      expect.arrayContaining([
        { name: 'https://data.gov.dk/model/core/eid/privilegesIntermediate', required: true },
        { name: 'https://data.gov.dk/model/core/eid/professional/cvr', required: true },
        { name: 'https://data.gov.dk/concept/core/nsis/loa', required: true },
        { name: 'https://data.gov.dk/model/core/eid/email', required: false },
      ]),
    );
    expect(xml).not.toContain('cprNumber');
    // Signed with the same algorithm as our requests; a changed byte breaks it.
    expect(xml).toContain('<ds:SignatureMethod Algorithm="http://www.w3.org/2007/05/xmldsig-more#sha256-rsa-MGF1"/>');
    expect(() => readSpMetadata(xml.replace('drift@helhedsplan.test', 'attacker@example.com'))).toThrow(/not signed/);
  });

  it('reads the caseworker from an encrypted, signed assertion, also in a signed Response, with the IdP\'s message ids', async () => {
    for (const spoil of [{}, { signResponse: true }]) {
      const person = mette();
      const { assertion } = await signIn(world.sp, world.idp, person, spoil);
      expect(assertion).toMatchObject({ issuer: world.idp.entityId, subject: person.uuid, name: person.name, email: person.email, roles: ['caseworker'], multiFactor: true });
      expect(assertion.membership).toEqual(world.provider.municipalities[ISHOJ]);
      expect(assertion.providerSession).toEqual({ subject: person.uuid, sessionId: expect.stringMatching(/^_/) });
      expect(assertion.idpMessageId).toMatch(/^_/);
      expect(assertion.idpAssertionId).toMatch(/^_/);
      expect(assertion.idpAssertionId).not.toBe(assertion.idpMessageId);
    }
  });

  it('refuses an assertion in clear unless the provider allows it (requireEncryptedAssertions: false)', async () => {
    expect(await refusalOf(signIn(world.sp, world.idp, mette(), { plain: true }))).toEqual({ code: 'sso_assertion_invalid', reason: expect.stringMatching(/not encrypted/) });
    expect((await signIn(world.lenientSp, world.idp, mette(), { plain: true })).assertion.roles).toEqual(['caseworker']);
  });

  it.each([
    ['RSA-SHA256', { signatureAlgorithm: ALG.rsaSha256 }],
    ['RSA-SHA384 with a SHA-384 digest', { signatureAlgorithm: ALG.rsaSha384, digestAlgorithm: DIGEST.sha384 }],
    ['RSA-SHA512 with a SHA-512 digest', { signatureAlgorithm: ALG.rsaSha512, digestAlgorithm: DIGEST.sha512 }],
    ['RSASSA-PSS with SHA-256', { signatureAlgorithm: ALG.pssSha256 }],
    ['RSASSA-PSS with SHA-512', { signatureAlgorithm: ALG.pssSha512 }],
  ])('accepts an assertion signed with %s', async (_what, spoil) => {
    expect((await signIn(world.sp, world.idp, mette(), spoil)).assertion.roles).toEqual(['caseworker']);
  });

  it.each([
    ['signed with RSA-SHA1', { signatureAlgorithm: ALG.rsaSha1 }, /algorithm we do not accept/],
    ['whose reference digest is SHA-1', { digestAlgorithm: DIGEST.sha1 }, /digest is not SHA-2/],
    ['signed by another key', { signWith: makeTestKeyPair('rogue IdP') }, /Invalid signature/],
    ['meant for another audience', { audience: 'https://another-system.example.dk' }, /audience mismatch/],
    ['expired', { expired: true }, /No valid subject confirmation/],
    ['answering a request we never sent', { inResponseTo: '_not-our-request' }, /InResponseTo is not valid/],
    ['unsolicited (IdP-initiated)', { unsolicited: true }, /InResponseTo is missing/],
    ['issued in another IdP\'s name', { issuer: 'https://saml.another-idp.example.dk' }, /issued by another identity provider/],
    ['addressed to another endpoint', { recipient: 'https://another-system.example.dk/acs' }, /meant for another endpoint/],
    ['sent to another system (Destination)', { destination: 'https://another-system.example.dk/acs' }, /Destination is not our ACS/],
    ['that does not say where it was sent (no Destination)', { destination: null }, /Destination is not our ACS/],
  ])('refuses an answer %s', async (_what, spoil, reason) => {
    expect(await refusalOf(signIn(world.sp, world.idp, mette(), spoil))).toEqual({ code: 'sso_assertion_invalid', reason: expect.stringMatching(reason) });
  });

  it('refuses an assertion that is not signed at all, for its missing signature', async () => {
    expect(await refusalOf(signIn(world.lenientSp, world.idp, mette(), { unsigned: true }))).toEqual({ code: 'sso_assertion_invalid', reason: 'Invalid signature: the assertion carries no signature' });
  });

  it('refuses the same answer the second time by the replay guard, before anything else could', async () => {
    const { url, requestId } = await world.sp.authnRequest('state-3');
    const post = await world.idp.answer(url, world.sp.metadataXml(), mette());
    await world.sp.validatePostResponse(post.SAMLResponse, requestId);
    expect(await refusalOf(world.sp.validatePostResponse(post.SAMLResponse, requestId))).toEqual({ code: 'sso_assertion_invalid', reason: 'this answer was used already' });
  });

  it('takes an answer once, also when two copies arrive at the same moment', async () => {
    const { url, requestId } = await world.sp.authnRequest('state-3');
    const post = await world.idp.answer(url, world.sp.metadataXml(), mette());
    const results = await Promise.allSettled([world.sp.validatePostResponse(post.SAMLResponse, requestId), world.sp.validatePostResponse(post.SAMLResponse, requestId)]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
  });

  it('refuses an answer to a request of ours that another sign-in sent', async () => {
    const mine = await world.sp.authnRequest('state-4');
    const theirs = await world.sp.authnRequest('state-5');
    const post = await world.idp.answer(theirs.url, world.sp.metadataXml(), mette());
    expect(await refusalOf(world.sp.validatePostResponse(post.SAMLResponse, mine.requestId))).toEqual({ code: 'sso_assertion_invalid', reason: expect.stringMatching(/another sign-in/) });
  });

  it('refuses an answer carrying a document type declaration before parsing it', async () => {
    const xml = '<!DOCTYPE r [<!ENTITY e SYSTEM "file:///etc/passwd">]><samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol">&e;</samlp:Response>';
    expect(await refusalOf(world.sp.validatePostResponse(Buffer.from(xml).toString('base64'), '_any'))).toEqual({ code: 'sso_assertion_invalid', reason: 'the answer declares a document type' });
  });

  it('tells a person who cancelled at the IdP that the provider did not sign them in', async () => {
    expect((await refusalOf(signIn(world.sp, world.idp, mette(), { failed: true })))?.code).toBe('sso_provider_refused');
  });

  it('refuses a sign-in at NSIS Low, and answers the attribute errors of OIOSAML', async () => {
    expect((await refusalOf(signIn(world.sp, world.idp, mette({ loa: 'Low' }))))?.code).toBe('sso_loa_too_low');
    expect((await refusalOf(signIn(world.sp, world.idp, mette(), { attributes: { 'https://data.gov.dk/model/core/specVersion': 'OIO-SAML-2.0' } })))?.code).toBe('sso_assertion_invalid');
  });
});
