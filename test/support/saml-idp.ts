import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as samlify from 'samlify';
import { makeTestKeyPair, type TestKeyPair } from './self-signed-cert';

/**
 * TEST ONLY: a SAML identity provider shaped like KOMBIT's Context Handler (OIOSAML 3), made with
 * samlify. It reads our signed AuthnRequest from the redirect URL (checking its signature against
 * our metadata) and answers with a Response whose assertion is signed (and, by default,
 * encrypted to us), carrying the OIOSAML 3 attributes of a chosen person. Most options options the
 * answer in one way each, for the refusal tests.
 */

// samlify wants an XSD validator for what it parses; in tests it parses only our own AuthnRequests
// and metadata. The service never uses samlify: it checks answers with node-saml.
samlify.setSchemaValidator({ validate: () => Promise.resolve('skipped in tests') });

const BINDING_REDIRECT = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect';
const RSA_SHA256 = 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256';

export interface SamlPerson {
  cvr: string;
  /** CVR → privilege URIs, one PrivilegeGroup each. */
  privileges: Record<string, string[]>;
  loa: 'Low' | 'Substantial' | 'High';
  uuid: string;
  name: string;
  email: string;
}

export interface AnswerOptions {
  /** Sign with this key instead of the IdP's own (whose certificate the service trusts). */
  signWith?: TestKeyPair;
  /** Neither sign nor encrypt. */
  unsigned?: boolean;
  audience?: string;
  issuer?: string;
  inResponseTo?: string;
  /** IdP-initiated: no InResponseTo at all. */
  unsolicited?: boolean;
  /** Issued eleven minutes ago, valid for five. */
  expired?: boolean;
  recipient?: string;
  /** Send the assertion in clear (KOMBIT always encrypts; OIOSAML allows the SP to take both). */
  plain?: boolean;
  /** Sign the Response around the signed assertion too (OIOSAML allows it). */
  signResponse?: boolean;
  /** Answer that the sign-in failed (the person cancelled), without an assertion, unsigned as IdPs do. */
  failed?: boolean;
  /** Raw attributes to add or replace (name → value). */
  attributes?: Record<string, string>;
}

export interface SamlPost {
  SAMLResponse: string;
  RelayState: string;
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function privilegeListOf(groups: Record<string, string[]>): string {
  const body = Object.entries(groups)
    .map(([cvr, uris]) => `<PrivilegeGroup Scope="urn:dk:gov:saml:cvrNumberIdentifier:${cvr}">${uris.map((u) => `<Privilege>${escapeXml(u)}</Privilege>`).join('')}</PrivilegeGroup>`)
    .join('');
  const xml = `<?xml version="1.0" encoding="UTF-8"?><bpp:PrivilegeList xmlns:bpp="http://digst.dk/oiosaml/basic_privilege_profile" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">${body}</bpp:PrivilegeList>`;
  return Buffer.from(xml).toString('base64');
}

function attributeStatement(person: SamlPerson, extra: Record<string, string>): string {
  const values: Record<string, string> = {
    'https://data.gov.dk/model/core/specVersion': 'OIO-SAML-3.0',
    'https://data.gov.dk/model/core/kombitSpecVer': '2.0',
    'https://data.gov.dk/concept/core/nsis/loa': person.loa,
    'https://data.gov.dk/model/core/eid/professional/cvr': person.cvr,
    'https://data.gov.dk/model/core/eid/professional/orgName': `Organisation ${person.cvr}`,
    'https://data.gov.dk/model/core/eid/professional/uuid/persistent': person.uuid,
    'https://data.gov.dk/model/core/eid/fullName': person.name,
    'https://data.gov.dk/model/core/eid/email': person.email,
    'https://data.gov.dk/model/core/eid/privilegesIntermediate': privilegeListOf(person.privileges),
    ...extra,
  };
  return Object.entries(values)
    .map(
      ([name, value]) =>
        `<saml:Attribute Name="${escapeXml(name)}" NameFormat="urn:oasis:names:tc:SAML:2.0:attrname-format:uri"><saml:AttributeValue xsi:type="xs:string">${escapeXml(value)}</saml:AttributeValue></saml:Attribute>`,
    )
    .join('');
}

export class TestSamlIdp {
  readonly entityId: string;
  readonly ssoUrl: string;
  readonly keys: TestKeyPair;

  constructor(name = 'kombit') {
    this.entityId = `https://saml.${name}.test.helhedsplan.local/idp`;
    this.ssoUrl = `https://saml.${name}.test.helhedsplan.local/sso`;
    this.keys = makeTestKeyPair(`${name} test IdP`);
  }

  /** Writes the IdP certificate and a fresh SP key pair where a providers file can name them. */
  writeFiles(): { dir: string; idpCertFile: string; spKeyFile: string; spCertFile: string } {
    const dir = mkdtempSync(join(tmpdir(), 'hp-saml-'));
    const sp = makeTestKeyPair('helhedsplan test SP');
    const files = { idpCertFile: join(dir, 'idp.pem'), spKeyFile: join(dir, 'sp.key'), spCertFile: join(dir, 'sp.pem') };
    writeFileSync(files.idpCertFile, this.keys.certPem);
    writeFileSync(files.spKeyFile, sp.privateKeyPem, { mode: 0o600 });
    writeFileSync(files.spCertFile, sp.certPem);
    return { dir, ...files };
  }

  private identityProvider(keys: TestKeyPair, encrypt: boolean) {
    return samlify.IdentityProvider({
      entityID: this.entityId,
      privateKey: keys.privateKeyPem,
      signingCert: keys.certPem,
      requestSignatureAlgorithm: RSA_SHA256,
      wantAuthnRequestsSigned: true,
      isAssertionEncrypted: encrypt,
      nameIDFormat: ['urn:oasis:names:tc:SAML:2.0:nameid-format:persistent'],
      singleSignOnService: [{ Binding: BINDING_REDIRECT, Location: this.ssoUrl }],
      singleLogoutService: [{ Binding: BINDING_REDIRECT, Location: `${this.ssoUrl}/logout` }],
    });
  }

  /**
   * Reads the AuthnRequest from our redirect URL as the IdP would (its signature is checked
   * against the signing certificate in `spMetadata`), and answers it for `person`.
   */
  async answer(authnRequestUrl: string, spMetadata: string, person: SamlPerson, options: AnswerOptions = {}): Promise<SamlPost> {
    const sp = samlify.ServiceProvider({ metadata: spMetadata, wantMessageSigned: options.signResponse === true });
    const url = new URL(authnRequestUrl);
    const query = Object.fromEntries(url.searchParams);
    const octetString = url.search
      .slice(1)
      .split('&')
      .filter((part) => !part.startsWith('Signature='))
      .join('&');
    const request = await this.identityProvider(this.keys, false).parseLoginRequest(sp, 'redirect', { query, octetString });
    const requestId = String((request.extract.request as Record<string, unknown>).id);
    const acsUrl = String((request.extract.request as Record<string, unknown>).assertionConsumerServiceUrl);
    const xml = this.responseXml(acsUrl, requestId, person, options, sp.entityMeta.getEntityID());
    const relayState = query.RelayState ?? '';
    if (options.failed) return { SAMLResponse: Buffer.from(this.failureXml(acsUrl, requestId)).toString('base64'), RelayState: relayState };
    if (options.unsigned) return { SAMLResponse: Buffer.from(xml).toString('base64'), RelayState: relayState };
    const idp = this.identityProvider(options.signWith ?? this.keys, !options.plain);
    const { context } = await idp.createLoginResponse(sp, { ...request }, 'post', {}, { customTagReplacement: () => ({ id: '', context: xml }) });
    return { SAMLResponse: context, RelayState: relayState };
  }

  private failureXml(acsUrl: string, requestId: string): string {
    return (
      `<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_${randomUUID()}" Version="2.0" IssueInstant="${new Date().toISOString()}" Destination="${escapeXml(acsUrl)}" InResponseTo="${escapeXml(requestId)}">` +
      `<saml:Issuer>${escapeXml(this.entityId)}</saml:Issuer>` +
      '<samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Responder"><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:AuthnFailed"/></samlp:StatusCode>' +
      '<samlp:StatusMessage>The user cancelled</samlp:StatusMessage></samlp:Status></samlp:Response>'
    );
  }

  private responseXml(acsUrl: string, requestId: string, person: SamlPerson, options: AnswerOptions, spEntityId: string): string {
    const issued = new Date(Date.now() - (options.expired ? 11 * 60_000 : 0));
    const until = new Date(issued.getTime() + 5 * 60_000).toISOString();
    const inResponseTo = options.unsolicited ? '' : ` InResponseTo="${escapeXml(options.inResponseTo ?? requestId)}"`;
    const issuer = escapeXml(options.issuer ?? this.entityId);
    const assertionId = `_${randomUUID()}`;
    return (
      `<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_${randomUUID()}" Version="2.0" IssueInstant="${issued.toISOString()}" Destination="${escapeXml(acsUrl)}"${inResponseTo}>` +
      `<saml:Issuer>${issuer}</saml:Issuer>` +
      '<samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status>' +
      `<saml:Assertion xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ID="${assertionId}" Version="2.0" IssueInstant="${issued.toISOString()}">` +
      `<saml:Issuer>${issuer}</saml:Issuer>` +
      `<saml:Subject><saml:NameID Format="urn:oasis:names:tc:SAML:2.0:nameid-format:persistent">${escapeXml(person.uuid)}</saml:NameID>` +
      `<saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer"><saml:SubjectConfirmationData NotOnOrAfter="${until}" Recipient="${escapeXml(options.recipient ?? acsUrl)}"${inResponseTo}/></saml:SubjectConfirmation></saml:Subject>` +
      `<saml:Conditions NotBefore="${issued.toISOString()}" NotOnOrAfter="${until}"><saml:AudienceRestriction><saml:Audience>${escapeXml(options.audience ?? spEntityId)}</saml:Audience></saml:AudienceRestriction></saml:Conditions>` +
      `<saml:AuthnStatement AuthnInstant="${issued.toISOString()}" SessionIndex="${assertionId}"><saml:AuthnContext><saml:AuthnContextClassRef>https://data.gov.dk/concept/core/nsis/loa/${person.loa}</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement>` +
      `<saml:AttributeStatement>${attributeStatement(person, options.attributes ?? {})}</saml:AttributeStatement>` +
      '</saml:Assertion></samlp:Response>'
    );
  }
}
