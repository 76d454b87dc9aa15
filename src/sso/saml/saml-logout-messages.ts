import { randomBytes } from 'node:crypto';
import { PERSISTENT_NAME_ID } from './oiosaml-attributes';
import { decryptForUs } from './saml-decrypt';
import { parseSigned, verifiedSignedXml } from './saml-signature';
import { childElements, escapeXml as x, instantOf, isElement, onlyChild, parseSamlXml, SAML_NS, SamlRefusal, STATUS_SUCCESS, textOf } from './saml-xml';

export const newMessageId = (): string => `_${randomBytes(20).toString('hex')}`;

/** Our LogoutRequest (SP-initiated single logout): whom the IdP signed in, and in which of its sessions. */
export function logoutRequestXml(m: { id: string; issuer: string; destination: string; nameId: string; sessionIndex?: string; now: Date }): string {
  const until = new Date(m.now.getTime() + 5 * 60_000).toISOString();
  return (
    `<samlp:LogoutRequest xmlns:samlp="${SAML_NS.protocol}" xmlns:saml="${SAML_NS.assertion}" ID="${m.id}" Version="2.0" IssueInstant="${m.now.toISOString()}" ` +
    `Destination="${x(m.destination)}" NotOnOrAfter="${until}"><saml:Issuer>${x(m.issuer)}</saml:Issuer>` +
    `<saml:NameID Format="${PERSISTENT_NAME_ID}">${x(m.nameId)}</saml:NameID>` +
    (m.sessionIndex ? `<samlp:SessionIndex>${x(m.sessionIndex)}</samlp:SessionIndex>` : '') +
    '</samlp:LogoutRequest>'
  );
}

/** Our LogoutResponse to the IdP's LogoutRequest. */
export function logoutResponseXml(m: { id: string; issuer: string; destination: string; inResponseTo: string; status: string; now: Date }): string {
  return (
    `<samlp:LogoutResponse xmlns:samlp="${SAML_NS.protocol}" xmlns:saml="${SAML_NS.assertion}" ID="${m.id}" Version="2.0" IssueInstant="${m.now.toISOString()}" ` +
    `Destination="${x(m.destination)}" InResponseTo="${x(m.inResponseTo)}"><saml:Issuer>${x(m.issuer)}</saml:Issuer>` +
    `<samlp:Status><samlp:StatusCode Value="${m.status}"/></samlp:Status></samlp:LogoutResponse>`
  );
}

export interface LogoutExpectations {
  sloUrl: string;
  idpEntityId: string;
  idpCertPems: readonly string[];
  decryptionKeyPems: readonly string[];
  clockSkewMs: number;
  /** How old a message may be (its IssueInstant). */
  maxAgeMs: number;
}

export interface IdpLogoutRequest {
  id: string;
  nameId: string;
  sessionIndexes: string[];
}

export interface IdpLogoutResponse {
  id: string;
  inResponseTo: string;
  success: boolean;
}

/**
 * A logout message's envelope: parsed strictly; for the POST binding its XML signature verified and
 * the message read from the signed bytes only (the Redirect binding's signature covers the query
 * and was checked before); from our IdP, to our endpoint, issued recently.
 */
function envelope(xml: string, localName: 'LogoutRequest' | 'LogoutResponse', signedAsXml: boolean, expected: LogoutExpectations): Element {
  const what = `the ${localName}`;
  const document = parseSamlXml(xml, what);
  let message: Element = document.documentElement;
  if (!isElement(message, SAML_NS.protocol, localName)) throw new SamlRefusal(`the message is not a ${localName}`);
  const id = message.getAttribute('ID');
  if (!id || message.getAttribute('Version') !== '2.0') throw new SamlRefusal(`${what} has no ID or is not SAML 2.0`);
  if (signedAsXml) message = parseSigned(verifiedSignedXml(xml, document, message, expected.idpCertPems, what), SAML_NS.protocol, localName, id, what);
  if (textOf(onlyChild(message, SAML_NS.assertion, 'Issuer', `${what}'s Issuer`)) !== expected.idpEntityId) throw new SamlRefusal(`${what} was issued by another identity provider`);
  if (message.getAttribute('Destination') !== expected.sloUrl) throw new SamlRefusal(`${what}'s Destination is not our single logout endpoint`);
  const now = Date.now();
  const issued = instantOf(message, 'IssueInstant');
  if (!issued || issued.getTime() > now + expected.clockSkewMs || issued.getTime() < now - expected.maxAgeMs - expected.clockSkewMs) {
    throw new SamlRefusal(`${what} was not issued within the last minutes (IssueInstant)`);
  }
  const notOnOrAfter = message.getAttribute('NotOnOrAfter') ? instantOf(message, 'NotOnOrAfter') : null;
  if (notOnOrAfter === undefined || (notOnOrAfter && notOnOrAfter.getTime() <= now - expected.clockSkewMs)) throw new SamlRefusal(`${what} has expired (NotOnOrAfter)`);
  return message;
}

/** The IdP's LogoutRequest: whom to log out (NameID, or an EncryptedID to us) and, if named, which of its sessions. */
export async function readIdpLogoutRequest(xml: string, signedAsXml: boolean, expected: LogoutExpectations): Promise<IdpLogoutRequest> {
  const message = envelope(xml, 'LogoutRequest', signedAsXml, expected);
  const plain = childElements(message, SAML_NS.assertion, 'NameID');
  const encrypted = childElements(message, SAML_NS.assertion, 'EncryptedID');
  if (plain.length + encrypted.length !== 1) throw new SamlRefusal('the LogoutRequest must name exactly one person (NameID)');
  let nameId = plain[0];
  if (!nameId) {
    const decrypted = parseSamlXml(await decryptForUs(encrypted[0], expected.decryptionKeyPems, 'the NameID'), 'the decrypted NameID').documentElement;
    if (!isElement(decrypted, SAML_NS.assertion, 'NameID')) throw new SamlRefusal('the EncryptedID does not hold a NameID');
    nameId = decrypted;
  }
  const value = textOf(nameId);
  if (!value) throw new SamlRefusal('the LogoutRequest\'s NameID is empty');
  const sessionIndexes = childElements(message, SAML_NS.protocol, 'SessionIndex').map((e) => textOf(e) ?? '');
  if (sessionIndexes.some((s) => s === '')) throw new SamlRefusal('the LogoutRequest has an empty SessionIndex');
  return { id: message.getAttribute('ID') as string, nameId: value, sessionIndexes };
}

/** The IdP's answer to our LogoutRequest. */
export function readIdpLogoutResponse(xml: string, signedAsXml: boolean, expected: LogoutExpectations): IdpLogoutResponse {
  const message = envelope(xml, 'LogoutResponse', signedAsXml, expected);
  const inResponseTo = message.getAttribute('InResponseTo');
  if (!inResponseTo) throw new SamlRefusal('the LogoutResponse answers no request of ours (InResponseTo)');
  const status = childElements(message, SAML_NS.protocol, 'Status')[0];
  const code = status && childElements(status, SAML_NS.protocol, 'StatusCode')[0]?.getAttribute('Value');
  return { id: message.getAttribute('ID') as string, inResponseTo, success: code === STATUS_SUCCESS };
}
