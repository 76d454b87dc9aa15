import { decryptForUs } from './saml-decrypt';
import { parseSigned, verifiedSignedXml } from './saml-signature';
import { allElements, childElements, isElement, parseSamlXml, SAML_NS, SamlRefusal, STATUS_SUCCESS, textOf } from './saml-xml';

/** What a Response is checked against: our endpoint and keys, the IdP and its certificates. */
export interface ResponseExpectations {
  acsUrl: string;
  idpEntityId: string;
  idpCertPems: readonly string[];
  decryptionKeyPems: readonly string[];
  requireEncryptedAssertions: boolean;
}

export type CheckedResponse =
  | { status: 'failed' }
  | {
      status: 'success';
      /** The Response's ID and the assertion's: the IdP's message, for the audit log. */
      responseId: string;
      assertionId: string;
      inResponseTo: string | null;
      /** The assertion exactly as its signature covers it: the only XML the rest is read from. */
      signedAssertionXml: string;
    };

/**
 * The envelope of the IdP's answer (SAML core 3.2.2, profiles 4.1.4, OIOSAML 3), checked before
 * anything in it is believed: one Response, addressed to our ACS (Destination), from our IdP; one
 * assertion in the whole document, a child of the Response, encrypted to us where required, and
 * signed by the IdP; a Response signature, when there is one, valid too. What is signed is handed
 * on; nothing else in the document is read (signature wrapping, XSW1-8).
 */
export async function checkResponse(xml: string, expected: ResponseExpectations): Promise<CheckedResponse> {
  const document = parseSamlXml(xml, 'the answer');
  const response = document.documentElement;
  if (!isElement(response, SAML_NS.protocol, 'Response')) throw new SamlRefusal('the answer is not a SAML Response');
  if (allElements(document, SAML_NS.protocol, 'Response').length !== 1) throw new SamlRefusal('the answer holds more than one Response');
  const responseId = response.getAttribute('ID');
  if (!responseId || response.getAttribute('Version') !== '2.0') throw new SamlRefusal('the Response has no ID or is not SAML 2.0');
  const issuer = childElements(response, SAML_NS.assertion, 'Issuer');
  if (issuer.length > 1 || (issuer.length === 1 && textOf(issuer[0]) !== expected.idpEntityId)) throw new SamlRefusal('the Response was issued by another identity provider');

  const status = childElements(response, SAML_NS.protocol, 'Status')[0];
  const code = status && childElements(status, SAML_NS.protocol, 'StatusCode')[0]?.getAttribute('Value');
  if (code !== STATUS_SUCCESS) return { status: 'failed' };

  // SAML core 3.2.2: a Response sent by a binding names where it was sent; OIOSAML 3 requires it.
  if (response.getAttribute('Destination') !== expected.acsUrl) throw new SamlRefusal('the Response\'s Destination is not our ACS');

  const plain = allElements(document, SAML_NS.assertion, 'Assertion');
  const encrypted = allElements(document, SAML_NS.assertion, 'EncryptedAssertion');
  if (plain.length + encrypted.length === 0) throw new SamlRefusal('the answer holds no assertion');
  if (plain.length + encrypted.length > 1) throw new SamlRefusal('Invalid signature: the answer holds more than one assertion');
  const assertionElement = plain[0] ?? encrypted[0];
  if (assertionElement.parentNode !== response) throw new SamlRefusal('Invalid signature: the assertion is not where a Response carries it');
  for (const signature of allElements(document, SAML_NS.dsig, 'Signature')) {
    if (signature.parentNode !== response && signature.parentNode !== assertionElement) throw new SamlRefusal('Invalid signature: a signature sits where no signed element is');
  }
  // A signed Response is optional in OIOSAML 3 (the assertion's signature is what counts), but a
  // Response signature that does not verify means the answer was changed on its way.
  if (childElements(response, SAML_NS.dsig, 'Signature').length > 0) verifiedSignedXml(xml, document, response, expected.idpCertPems, 'the Response');

  let assertionXml: string;
  let assertionDocument: Document;
  if (plain.length === 1) {
    if (expected.requireEncryptedAssertions) throw new SamlRefusal('decryption: the assertion is not encrypted, and this provider requires it');
    assertionXml = xml;
    assertionDocument = document;
  } else {
    assertionXml = await decryptForUs(encrypted[0], expected.decryptionKeyPems, 'the assertion');
    assertionDocument = parseSamlXml(assertionXml, 'the decrypted assertion');
    const inside = allElements(assertionDocument, SAML_NS.assertion, 'Assertion');
    if (inside.length !== 1 || inside[0] !== assertionDocument.documentElement) throw new SamlRefusal('Invalid signature: the encrypted assertion is not one assertion');
  }
  const assertion = plain[0] ?? assertionDocument.documentElement;
  const assertionId = assertion.getAttribute('ID');
  if (!assertionId) throw new SamlRefusal('the assertion has no ID');
  const signedAssertionXml = verifiedSignedXml(assertionXml, assertionDocument, assertion, expected.idpCertPems, 'the assertion');
  const signed = parseSigned(signedAssertionXml, SAML_NS.assertion, 'Assertion', assertionId, 'the assertion');
  if (allElements(signed, SAML_NS.assertion, 'Assertion').length > 0) throw new SamlRefusal('Invalid signature: the signed assertion holds another assertion');
  return { status: 'success', responseId, assertionId, inResponseTo: response.getAttribute('InResponseTo') || null, signedAssertionXml };
}
