import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { signedByOneOf, signWith } from './saml-algorithms';
import { SamlRefusal } from './saml-xml';

export type SamlMessageKind = 'SAMLRequest' | 'SAMLResponse';

/** Far above any logout message or AuthnRequest; the bound keeps a deflate bomb from costing memory. */
const INFLATED_MAX_BYTES = 64 * 1024;

/**
 * A message sent by the HTTP-Redirect binding (SAML bindings 3.4.4.1): deflated, base64, in the
 * query, signed not as XML but over the query string `SAMLRequest=...&RelayState=...&SigAlg=...`
 * exactly as it is sent, with the algorithm SigAlg names (ours: RSASSA-PSS SHA-256 by default).
 */
export function signedRedirectUrl(target: string, kind: SamlMessageKind, xml: string, relayState: string | undefined, keyPem: string, algorithmUri: string): string {
  const parts = [`${kind}=${encodeURIComponent(deflateRawSync(Buffer.from(xml, 'utf8')).toString('base64'))}`];
  if (relayState) parts.push(`RelayState=${encodeURIComponent(relayState)}`);
  parts.push(`SigAlg=${encodeURIComponent(algorithmUri)}`);
  const signed = parts.join('&');
  return `${target}${target.includes('?') ? '&' : '?'}${signed}&Signature=${encodeURIComponent(signWith(algorithmUri, signed, keyPem))}`;
}

export interface RedirectMessage {
  kind: SamlMessageKind;
  xml: string;
  relayState?: string;
}

/**
 * Reads a message that came by HTTP-Redirect, verifying its signature with one of `trustedCerts`
 * over the parameters as the sender encoded them (the raw query string, not re-encoded values:
 * bindings 3.4.4.1 leaves the encoding to the sender). Unsigned, SHA-1 or an untrusted signer: refused.
 */
export function readSignedRedirect(rawQuery: string, trustedCerts: readonly string[]): RedirectMessage {
  const raw = new Map<string, string>();
  for (const part of rawQuery.split('&')) {
    const at = part.indexOf('=');
    const name = at < 0 ? part : part.slice(0, at);
    if (raw.has(name)) throw new SamlRefusal(`the message repeats the ${name} parameter`);
    raw.set(name, at < 0 ? '' : part.slice(at + 1));
  }
  const decode = (value: string | undefined): string | undefined => {
    try {
      return value === undefined ? undefined : decodeURIComponent(value.replace(/\+/g, ' '));
    } catch {
      throw new SamlRefusal('the message is not URL-encoded');
    }
  };
  const kind: SamlMessageKind | undefined = raw.has('SAMLRequest') ? 'SAMLRequest' : raw.has('SAMLResponse') ? 'SAMLResponse' : undefined;
  if (!kind || (raw.has('SAMLRequest') && raw.has('SAMLResponse'))) throw new SamlRefusal('the message is neither a SAMLRequest nor a SAMLResponse');
  const sigAlg = decode(raw.get('SigAlg'));
  const signature = decode(raw.get('Signature'));
  if (!sigAlg || !signature) throw new SamlRefusal('Invalid signature: the message is not signed');
  const signed = [`${kind}=${raw.get(kind)}`, ...(raw.has('RelayState') ? [`RelayState=${raw.get('RelayState')}`] : []), `SigAlg=${raw.get('SigAlg')}`].join('&');
  if (!signedByOneOf(sigAlg, signed, signature, trustedCerts)) throw new SamlRefusal('Invalid signature: the message is not signed by a trusted certificate with an algorithm we accept');
  let xml: string;
  try {
    xml = inflateRawSync(Buffer.from(decode(raw.get(kind)) as string, 'base64'), { maxOutputLength: INFLATED_MAX_BYTES }).toString('utf8');
  } catch {
    throw new SamlRefusal('the message is not a deflated SAML message');
  }
  return { kind, xml, relayState: decode(raw.get('RelayState')) };
}
