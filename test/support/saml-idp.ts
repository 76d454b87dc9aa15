import { DOMParser } from '@xmldom/xmldom';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ALG, encryptTo, pemOf, readRedirect, redirectUrl, signElement, verifyDocumentSignature, type XmlSigning } from './saml-idp-crypto';
import { failureXml, logoutRequestXml, logoutResponseXml, responseXml, type SamlPerson } from './saml-idp-messages';
import { makeTestKeyPair, type TestKeyPair } from './self-signed-cert';

export type { SamlPerson } from './saml-idp-messages';
export { privilegeListOf } from './saml-idp-messages';

/**
 * TEST ONLY: a SAML identity provider shaped like KOMBIT's Context Handler (OIOSAML 3). It reads
 * our metadata as the IdP's administration does (its signature must verify), takes our
 * AuthnRequest from the redirect URL only when its signature (RSASSA-PSS or RSA, never SHA-1)
 * verifies with a signing certificate of that metadata, and answers with a Response whose
 * assertion is signed and encrypted to an encryption certificate of that metadata, carrying the
 * OIOSAML 3 attributes of a chosen person. It also sends and reads single logout messages. Each
 * option spoils the answer in one way, for the refusal tests.
 */

const SAML_PROTOCOL = 'urn:oasis:names:tc:SAML:2.0:protocol';
const ASSERTION_XPATH = "//*[local-name(.)='Assertion']";

export interface AnswerOptions {
  /** Sign with this key instead of the IdP's own (whose certificate the service trusts). */
  signWith?: TestKeyPair;
  signatureAlgorithm?: string;
  digestAlgorithm?: string;
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
  /** The Response's Destination (default our ACS); null leaves it out. */
  destination?: string | null;
  /** Send the assertion in clear (for a provider with `requireEncryptedAssertions: false`, and the tests that tamper with it). */
  plain?: boolean;
  /** Encrypt to this encryption certificate of the metadata (by its place; default the first). */
  encryptTo?: number;
  /** Sign the Response around the signed assertion too (OIOSAML allows it). */
  signResponse?: boolean;
  /** Answer that the sign-in failed (the person cancelled), without an assertion, unsigned as IdPs do. */
  failed?: boolean;
  /** The IdP's session the assertion names (AuthnStatement SessionIndex); default a new one. */
  sessionIndex?: string;
  /** Raw attributes to add or replace (name → value; '' leaves one out). */
  attributes?: Record<string, string>;
  /** Changes the Response as sent (signed, encrypted unless `plain`): an attacker's hands. */
  tamper?: (signedXml: string) => string;
}

export interface SamlPost {
  SAMLResponse: string;
  RelayState: string;
}

/** Our metadata as the IdP takes it in. */
export interface SpMetadataView {
  entityId: string;
  signingCertPems: string[];
  encryptionCertPems: string[];
  acsUrl: string;
  sloUrl: string;
  requestedAttributes: { name: string; required: boolean }[];
}

const elements = (root: Document | Element, localName: string) => Array.from(root.getElementsByTagNameNS('*', localName));

/** Reads our SP metadata; refuses it unless it is signed by one of the signing certificates it lists. */
export function readSpMetadata(xml: string): SpMetadataView {
  const document = new DOMParser().parseFromString(xml, 'text/xml');
  const certs = (use: string) => elements(document, 'KeyDescriptor').filter((k) => k.getAttribute('use') === use).map((k) => pemOf(elements(k, 'X509Certificate')[0].textContent ?? ''));
  const signingCertPems = certs('signing');
  if (!signingCertPems.some((cert) => verifyDocumentSignature(xml, cert))) throw new Error('test IdP: the metadata is not signed by a signing certificate it lists');
  const slo = elements(document, 'SingleLogoutService').find((s) => s.getAttribute('Binding')?.endsWith('HTTP-Redirect'));
  return {
    entityId: document.documentElement.getAttribute('entityID') ?? '',
    signingCertPems,
    encryptionCertPems: certs('encryption'),
    acsUrl: elements(document, 'AssertionConsumerService')[0]?.getAttribute('Location') ?? '',
    sloUrl: slo?.getAttribute('Location') ?? '',
    requestedAttributes: elements(document, 'RequestedAttribute').map((a) => ({ name: a.getAttribute('Name') ?? '', required: a.getAttribute('isRequired') === 'true' })),
  };
}

export class TestSamlIdp {
  readonly entityId: string;
  readonly ssoUrl: string;
  readonly sloUrl: string;
  /** The key the IdP signs with now; a test swaps it to roll the IdP's key over. */
  keys: TestKeyPair;

  constructor(name = 'kombit') {
    this.entityId = `https://saml.${name}.test.helhedsplan.local/idp`;
    this.ssoUrl = `https://saml.${name}.test.helhedsplan.local/sso`;
    this.sloUrl = `https://saml.${name}.test.helhedsplan.local/slo`;
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

  /** Our AuthnRequest as the IdP reads it: signed by our metadata's key, to this IdP, for our metadata's ACS. */
  readAuthnRequest(url: string, spMetadata: string): { id: string; acsUrl: string; relayState?: string; sigAlg: string; forceAuthn: boolean; xml: string } {
    const metadata = readSpMetadata(spMetadata);
    const { xml, relayState, sigAlg } = readRedirect(url, metadata.signingCertPems);
    const request = new DOMParser().parseFromString(xml, 'text/xml').documentElement;
    if (request.localName !== 'AuthnRequest' || request.namespaceURI !== SAML_PROTOCOL) throw new Error('test IdP: not an AuthnRequest');
    if (request.getAttribute('Destination') !== this.ssoUrl) throw new Error('test IdP: the AuthnRequest is for another IdP');
    const acsUrl = request.getAttribute('AssertionConsumerServiceURL') ?? '';
    if (acsUrl !== metadata.acsUrl) throw new Error('test IdP: the ACS is not the metadata\'s');
    return { id: request.getAttribute('ID') ?? '', acsUrl, relayState, sigAlg, forceAuthn: request.getAttribute('ForceAuthn') === 'true', xml };
  }

  /** Reads the AuthnRequest from our redirect URL as the IdP would, and answers it for `person`. */
  async answer(authnRequestUrl: string, spMetadata: string, person: SamlPerson, options: AnswerOptions = {}): Promise<SamlPost> {
    const metadata = readSpMetadata(spMetadata);
    const request = this.readAuthnRequest(authnRequestUrl, spMetadata);
    const relayState = request.relayState ?? '';
    if (options.failed) return { SAMLResponse: Buffer.from(failureXml(this.entityId, request.acsUrl, request.id)).toString('base64'), RelayState: relayState };
    let xml = responseXml({
      issuer: options.issuer ?? this.entityId,
      destination: options.destination === undefined ? request.acsUrl : options.destination,
      inResponseTo: options.unsolicited ? null : (options.inResponseTo ?? request.id),
      recipient: options.recipient ?? request.acsUrl,
      audience: options.audience ?? metadata.entityId,
      issuedAt: new Date(Date.now() - (options.expired ? 11 * 60_000 : 0)),
      attributes: options.attributes ?? {},
      person,
      sessionIndex: options.sessionIndex ?? `_${randomUUID()}`,
    });
    if (!options.unsigned) {
      const key = options.signWith ?? this.keys;
      const signing: XmlSigning = { keyPem: key.privateKeyPem, certPem: key.certPem, algorithm: options.signatureAlgorithm, digest: options.digestAlgorithm };
      xml = signElement(xml, ASSERTION_XPATH, signing);
      if (!options.plain) xml = await this.encrypt(xml, metadata.encryptionCertPems[options.encryptTo ?? 0]);
      if (options.signResponse) xml = signElement(xml, '/*', signing);
    }
    if (options.tamper) xml = options.tamper(xml);
    return { SAMLResponse: Buffer.from(xml).toString('base64'), RelayState: relayState };
  }

  /** Replaces the signed assertion with an EncryptedAssertion to `certPem`. */
  private async encrypt(signedResponse: string, certPem: string): Promise<string> {
    const start = signedResponse.indexOf('<saml:Assertion ');
    const end = signedResponse.indexOf('</saml:Assertion>') + '</saml:Assertion>'.length;
    const encrypted = await encryptTo(signedResponse.slice(start, end), certPem);
    return `${signedResponse.slice(0, start)}<saml:EncryptedAssertion>${encrypted}</saml:EncryptedAssertion>${signedResponse.slice(end)}`;
  }

  /** The IdP's LogoutRequest for a person (and one of its sessions) to our single logout endpoint. */
  logoutRequest(spMetadata: string, who: { nameId: string; sessionIndex?: string }, options: LogoutRequestOptions = {}): { id: string; url: string; form: { SAMLRequest: string; RelayState: string } } {
    const metadata = readSpMetadata(spMetadata);
    const id = options.id ?? `_${randomUUID()}`;
    const now = Date.now();
    let xml = logoutRequestXml({
      id,
      issuer: options.issuer ?? this.entityId,
      destination: options.destination ?? metadata.sloUrl,
      nameId: who.nameId,
      sessionIndex: who.sessionIndex,
      issuedAt: new Date(now - (options.issuedMinutesAgo ?? 0) * 60_000),
      notOnOrAfter: options.notOnOrAfter ?? new Date(now + 5 * 60_000),
    });
    const key = options.signWith ?? this.keys;
    const relayState = 'idp-logout-state';
    const url = redirectUrl(metadata.sloUrl, 'SAMLRequest', xml, options.unsigned ? null : { keyPem: key.privateKeyPem, algorithm: options.signatureAlgorithm }, relayState);
    if (!options.unsigned) xml = signElement(xml, '/*', { keyPem: key.privateKeyPem, certPem: key.certPem, algorithm: options.signatureAlgorithm });
    return { id, url, form: { SAMLRequest: Buffer.from(xml).toString('base64'), RelayState: relayState } };
  }

  /** Our answer to a LogoutRequest of the IdP's, as the IdP reads it (signed by our metadata's key). */
  readLogoutResponse(url: string, spMetadata: string): { inResponseTo: string; status: string; destination: string; issuer: string; relayState?: string } {
    const { xml, relayState } = readRedirect(url, readSpMetadata(spMetadata).signingCertPems);
    const response = new DOMParser().parseFromString(xml, 'text/xml').documentElement;
    if (response.localName !== 'LogoutResponse') throw new Error('test IdP: not a LogoutResponse');
    return {
      inResponseTo: response.getAttribute('InResponseTo') ?? '',
      status: elements(response, 'StatusCode')[0]?.getAttribute('Value') ?? '',
      destination: response.getAttribute('Destination') ?? '',
      issuer: elements(response, 'Issuer')[0]?.textContent ?? '',
      relayState,
    };
  }

  /** Our LogoutRequest (a logout that started with us), as the IdP reads it. */
  readLogoutRequest(url: string, spMetadata: string): { id: string; nameId: string; sessionIndex?: string; destination: string } {
    const { xml } = readRedirect(url, readSpMetadata(spMetadata).signingCertPems);
    const request = new DOMParser().parseFromString(xml, 'text/xml').documentElement;
    if (request.localName !== 'LogoutRequest') throw new Error('test IdP: not a LogoutRequest');
    return {
      id: request.getAttribute('ID') ?? '',
      nameId: elements(request, 'NameID')[0]?.textContent ?? '',
      sessionIndex: elements(request, 'SessionIndex')[0]?.textContent ?? undefined,
      destination: request.getAttribute('Destination') ?? '',
    };
  }

  /** The IdP's signed LogoutResponse to our LogoutRequest `inResponseTo`, by HTTP-Redirect. */
  logoutResponseUrl(spMetadata: string, inResponseTo: string, options: { status?: string; signWith?: TestKeyPair } = {}): string {
    const metadata = readSpMetadata(spMetadata);
    const xml = logoutResponseXml({ id: `_${randomUUID()}`, issuer: this.entityId, destination: metadata.sloUrl, inResponseTo, status: options.status });
    return redirectUrl(metadata.sloUrl, 'SAMLResponse', xml, { keyPem: (options.signWith ?? this.keys).privateKeyPem, algorithm: ALG.rsaSha256 });
  }
}

export interface LogoutRequestOptions {
  id?: string;
  issuer?: string;
  destination?: string;
  issuedMinutesAgo?: number;
  notOnOrAfter?: Date;
  signWith?: TestKeyPair;
  signatureAlgorithm?: string;
  unsigned?: boolean;
}
