import { DOMParser } from '@xmldom/xmldom';

export const SAML_NS = {
  protocol: 'urn:oasis:names:tc:SAML:2.0:protocol',
  assertion: 'urn:oasis:names:tc:SAML:2.0:assertion',
  metadata: 'urn:oasis:names:tc:SAML:2.0:metadata',
  dsig: 'http://www.w3.org/2000/09/xmldsig#',
  xmlenc: 'http://www.w3.org/2001/04/xmlenc#',
} as const;

/** Servers synchronised by NTP differ by far less; more would stretch the IdP's five-minute validity. */
export const SAML_CLOCK_SKEW_MS = 30_000;

export const STATUS_SUCCESS = 'urn:oasis:names:tc:SAML:2.0:status:Success';
export const BINDING_REDIRECT = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect';
export const BINDING_POST = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST';

/**
 * Why a SAML message was refused, for the operator's log: a fixed sentence naming the check,
 * never a value from the message (it may be personal data, or an attacker's text).
 */
export class SamlRefusal extends Error {}

const ELEMENT = 1;
const PROCESSING_INSTRUCTION = 7;
const COMMENT = 8;

/**
 * Parses a SAML message strictly: well-formed, no document type (entity declarations are how XML
 * parsers are attacked; OIOSAML 3 forbids DTDs), and no comments or processing instructions. An IdP
 * never sends them, and a comment inside a signed value (`<NameID>user@<!---->evil</NameID>`) is
 * how a signature made over one text is read as another by a parser that stops at the comment.
 */
export function parseSamlXml(xml: string, what: string): Document {
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) throw new SamlRefusal(`${what} declares a document type`);
  const fail = (): never => {
    throw new SamlRefusal(`${what} is not well-formed XML`);
  };
  let document: Document;
  try {
    document = new DOMParser({ errorHandler: { warning: () => undefined, error: fail, fatalError: fail } }).parseFromString(xml, 'text/xml');
  } catch (error) {
    if (error instanceof SamlRefusal) throw error;
    throw new SamlRefusal(`${what} is not well-formed XML`);
  }
  if (!document?.documentElement || document.doctype) throw new SamlRefusal(`${what} is not well-formed XML`);
  const walk = (node: Node, top: boolean): void => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === COMMENT) throw new SamlRefusal(`${what} contains an XML comment`);
      // The XML declaration may come through as a processing instruction named "xml".
      if (child.nodeType === PROCESSING_INSTRUCTION && !(top && (child as ProcessingInstruction).target === 'xml')) {
        throw new SamlRefusal(`${what} contains a processing instruction`);
      }
      if (child.nodeType === ELEMENT) walk(child, false);
    }
  };
  walk(document, true);
  return document;
}

export function isElement(node: Node | null | undefined, ns: string, localName: string): node is Element {
  return !!node && node.nodeType === ELEMENT && (node as Element).localName === localName && (node as Element).namespaceURI === ns;
}

/** The child elements of `parent` with this namespace and local name. */
export function childElements(parent: Node, ns: string, localName: string): Element[] {
  const found: Element[] = [];
  for (let node = parent.firstChild; node; node = node.nextSibling) if (isElement(node, ns, localName)) found.push(node);
  return found;
}

/** The one child element with this name; none or several is a refusal naming `what`. */
export function onlyChild(parent: Node, ns: string, localName: string, what: string): Element {
  const found = childElements(parent, ns, localName);
  if (found.length !== 1) throw new SamlRefusal(`${what} must occur exactly once`);
  return found[0];
}

/** Every element with this name anywhere in the document (below `root`), wherever it hides. */
export function allElements(root: Document | Element, ns: string, localName: string): Element[] {
  return Array.from(root.getElementsByTagNameNS(ns, localName));
}

export function textOf(element: Element | undefined): string | undefined {
  const text = element?.textContent?.trim();
  return text ? text : undefined;
}

export const escapeXml = (value: string): string => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

/** A SAML instant (xs:dateTime in UTC), or undefined when absent or not a date. */
export function instantOf(element: Element, attribute: string): Date | undefined {
  const value = element.getAttribute(attribute);
  if (!value) return undefined;
  const at = new Date(value);
  return Number.isNaN(at.getTime()) ? undefined : at;
}
