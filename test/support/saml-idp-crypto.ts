import { DOMParser } from '@xmldom/xmldom';
import { constants, createHash, createPrivateKey, createPublicKey, sign, verify, X509Certificate } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { SignedXml } from 'xml-crypto';
import { encrypt } from 'xml-encryption';

/**
 * TEST ONLY: the cryptography of the test IdP (test/support/saml-idp.ts), written apart from the
 * service's (src/sso/saml/), so a mistake on one side is not mirrored on the other: node's crypto
 * for the HTTP-Redirect signatures, xml-crypto (with algorithm classes defined here) for XML
 * signatures, xml-encryption to encrypt assertions.
 */

export const ALG = {
  rsaSha1: 'http://www.w3.org/2000/09/xmldsig#rsa-sha1',
  rsaSha256: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
  rsaSha384: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha384',
  rsaSha512: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha512',
  pssSha256: 'http://www.w3.org/2007/05/xmldsig-more#sha256-rsa-MGF1',
  pssSha512: 'http://www.w3.org/2007/05/xmldsig-more#sha512-rsa-MGF1',
} as const;
export const DIGEST = {
  sha1: 'http://www.w3.org/2000/09/xmldsig#sha1',
  sha256: 'http://www.w3.org/2001/04/xmlenc#sha256',
  sha384: 'http://www.w3.org/2001/04/xmldsig-more#sha384',
  sha512: 'http://www.w3.org/2001/04/xmlenc#sha512',
} as const;
const EXC_C14N = 'http://www.w3.org/2001/10/xml-exc-c14n#';
const ENVELOPED = 'http://www.w3.org/2000/09/xmldsig#enveloped-signature';

const SCHEMES: Record<string, { hash: string; pss: boolean }> = {
  [ALG.rsaSha1]: { hash: 'sha1', pss: false },
  [ALG.rsaSha256]: { hash: 'sha256', pss: false },
  [ALG.rsaSha384]: { hash: 'sha384', pss: false },
  [ALG.rsaSha512]: { hash: 'sha512', pss: false },
  [ALG.pssSha256]: { hash: 'sha256', pss: true },
  [ALG.pssSha512]: { hash: 'sha512', pss: true },
};

/** RFC 6931: RSASSA-PSS with MGF1 of the same hash, salt as long as the hash. */
function padding(uri: string) {
  const scheme = SCHEMES[uri];
  if (!scheme) throw new Error(`test IdP: unknown signature algorithm ${uri}`);
  return { hash: scheme.hash, options: scheme.pss ? { padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_DIGEST } : { padding: constants.RSA_PKCS1_PADDING } };
}

export function signBytes(uri: string, data: string, keyPem: string): string {
  const { hash, options } = padding(uri);
  return sign(hash, Buffer.from(data), { key: createPrivateKey(keyPem), ...options }).toString('base64');
}

export function verifyBytes(uri: string, data: string, signature: string, certPem: string): boolean {
  const { hash, options } = padding(uri);
  return verify(hash, Buffer.from(data), { key: createPublicKey(certPem), ...options }, Buffer.from(signature, 'base64'));
}

function xmlAlgorithm(uri: string) {
  return class {
    getSignature = (signedInfo: string, key: string) => signBytes(uri, String(signedInfo), String(key));
    verifySignature = (material: string, key: string, value: string) => verifyBytes(uri, material, value, String(key));
    getAlgorithmName = () => uri;
  };
}

function xmlDigest(uri: string, hash: string) {
  return class {
    getHash = (xml: string) => createHash(hash).update(xml, 'utf8').digest('base64');
    getAlgorithmName = () => uri;
  };
}

/** xml-crypto knowing every algorithm the test IdP may be asked to sign with (SHA-1 too, to show it refused). */
function signedXml(options: ConstructorParameters<typeof SignedXml>[0] = {}): SignedXml {
  const signer = new SignedXml(options);
  for (const uri of Object.keys(SCHEMES)) signer.SignatureAlgorithms[uri] = xmlAlgorithm(uri) as never;
  for (const [name, uri] of Object.entries(DIGEST)) signer.HashAlgorithms[uri] = xmlDigest(uri, name) as never;
  return signer;
}

export interface XmlSigning {
  keyPem: string;
  certPem: string;
  algorithm?: string;
  digest?: string;
}

/**
 * Signs the element `target` selects (enveloped, exclusive c14n) and places the Signature after
 * that element's Issuer, where SAML's schema has it.
 */
export function signElement(xml: string, target: string, how: XmlSigning): string {
  const signer = signedXml({ privateKey: how.keyPem, publicCert: how.certPem, signatureAlgorithm: how.algorithm ?? ALG.rsaSha256, canonicalizationAlgorithm: EXC_C14N });
  signer.addReference({ xpath: target, transforms: [ENVELOPED, EXC_C14N], digestAlgorithm: how.digest ?? DIGEST.sha256 });
  signer.computeSignature(xml, { prefix: 'ds', location: { reference: `${target}/*[local-name(.)='Issuer']`, action: 'after' } });
  return signer.getSignedXml();
}

/** Whether the enveloped signature of the document element verifies with `certPem`. */
export function verifyDocumentSignature(xml: string, certPem: string): boolean {
  const document = new DOMParser().parseFromString(xml, 'text/xml');
  const signature = Array.from(document.documentElement.childNodes).find((n) => (n as Element).localName === 'Signature') as Element | undefined;
  if (!signature) return false;
  const verifier = signedXml({ publicCert: certPem });
  verifier.loadSignature(signature);
  try {
    return verifier.checkSignature(xml);
  } catch {
    return false;
  }
}

/** Encrypts the (signed) assertion XML to `certPem`: AES-256-GCM, the key by RSA-OAEP, as Context Handler does. */
export function encryptTo(assertionXml: string, certPem: string): Promise<string> {
  return new Promise((resolve, reject) =>
    encrypt(
      assertionXml,
      { rsa_pub: certPem, pem: certPem, encryptionAlgorithm: 'http://www.w3.org/2009/xmlenc11#aes256-gcm', keyEncryptionAlgorithm: 'http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p' },
      (error, result) => (error ? reject(error) : resolve(result)),
    ),
  );
}

/** A message sent by HTTP-Redirect, signed over `SAMLRequest=...&RelayState=...&SigAlg=...` (bindings 3.4.4.1). */
export function redirectUrl(target: string, kind: 'SAMLRequest' | 'SAMLResponse', xml: string, signing: { keyPem: string; algorithm?: string } | null, relayState?: string): string {
  const parts = [`${kind}=${encodeURIComponent(deflateRawSync(Buffer.from(xml)).toString('base64'))}`];
  if (relayState) parts.push(`RelayState=${encodeURIComponent(relayState)}`);
  if (!signing) return `${target}?${parts.join('&')}`;
  parts.push(`SigAlg=${encodeURIComponent(signing.algorithm ?? ALG.rsaSha256)}`);
  return `${target}?${parts.join('&')}&Signature=${encodeURIComponent(signBytes(signing.algorithm ?? ALG.rsaSha256, parts.join('&'), signing.keyPem))}`;
}

/**
 * Reads a message the service sent by HTTP-Redirect, as the IdP does: its signature over the query
 * as sent is verified with one of `signingCertPems` (our metadata's), with the algorithm SigAlg
 * names; a SHA-1 signature counts as none.
 */
export function readRedirect(url: string, signingCertPems: string[]): { kind: string; xml: string; relayState?: string; sigAlg: string } {
  const query = new URL(url).search.slice(1);
  const raw = new Map(query.split('&').map((part) => [part.slice(0, part.indexOf('=')), part.slice(part.indexOf('=') + 1)]));
  const kind = raw.has('SAMLRequest') ? 'SAMLRequest' : 'SAMLResponse';
  const sigAlg = decodeURIComponent(raw.get('SigAlg') ?? '');
  const signature = decodeURIComponent(raw.get('Signature') ?? '');
  const signed = [`${kind}=${raw.get(kind)}`, ...(raw.has('RelayState') ? [`RelayState=${raw.get('RelayState')}`] : []), `SigAlg=${raw.get('SigAlg')}`].join('&');
  if (!signature || sigAlg === ALG.rsaSha1 || !signingCertPems.some((cert) => verifyBytes(sigAlg, signed, signature, cert))) {
    throw new Error('test IdP: the message is not signed by a certificate in the service provider\'s metadata');
  }
  const xml = inflateRawSync(Buffer.from(decodeURIComponent(raw.get(kind) as string), 'base64')).toString('utf8');
  const relayState = raw.has('RelayState') ? decodeURIComponent(raw.get('RelayState') as string) : undefined;
  return { kind, xml, relayState, sigAlg };
}

export const pemOf = (base64Der: string): string => new X509Certificate(Buffer.from(base64Der.replace(/\s+/g, ''), 'base64')).toString();
