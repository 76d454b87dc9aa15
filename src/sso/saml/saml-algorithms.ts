import { constants, createHash, createPrivateKey, createPublicKey, KeyObject, sign, verify, type BinaryLike, type KeyLike } from 'node:crypto';
import { createOptionalCallbackFunction, SignedXml, type HashAlgorithm, type SignatureAlgorithm, type SignedXmlOptions } from 'xml-crypto';
import type { SamlSignatureAlgorithm } from '../sso-provider-config';

/**
 * The algorithms our SAML messages are signed with and the IdP's may be. OIOSAML 3 has the
 * signing certificates be OCES3 ones, whose scheme is RSASSA-PSS, and RSA PKCS#1 v1.5 remains in
 * use; both with SHA-256, SHA-384 or SHA-512 are accepted (RFC 6931 names them). SHA-1 is refused
 * everywhere, as a signature's hash (rsa-sha1) and as a reference's digest: a chosen-prefix
 * collision costs little since 2020, and no OIOSAML 3 party needs it.
 */
type Hash = 'sha256' | 'sha384' | 'sha512';

export const RSA_SHA256 = 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256';
export const RSA_PSS_SHA256 = 'http://www.w3.org/2007/05/xmldsig-more#sha256-rsa-MGF1';
export const SHA256 = 'http://www.w3.org/2001/04/xmlenc#sha256';
export const EXCLUSIVE_C14N = 'http://www.w3.org/2001/10/xml-exc-c14n#';
export const ENVELOPED_SIGNATURE = 'http://www.w3.org/2000/09/xmldsig#enveloped-signature';
const INCLUSIVE_C14N = 'http://www.w3.org/TR/2001/REC-xml-c14n-20010315';

const SIGNATURE_SCHEMES: Readonly<Record<string, { hash: Hash; pss: boolean }>> = {
  [RSA_SHA256]: { hash: 'sha256', pss: false },
  'http://www.w3.org/2001/04/xmldsig-more#rsa-sha384': { hash: 'sha384', pss: false },
  'http://www.w3.org/2001/04/xmldsig-more#rsa-sha512': { hash: 'sha512', pss: false },
  [RSA_PSS_SHA256]: { hash: 'sha256', pss: true },
  'http://www.w3.org/2007/05/xmldsig-more#sha384-rsa-MGF1': { hash: 'sha384', pss: true },
  'http://www.w3.org/2007/05/xmldsig-more#sha512-rsa-MGF1': { hash: 'sha512', pss: true },
};

const DIGESTS: Readonly<Record<string, Hash>> = {
  [SHA256]: 'sha256',
  'http://www.w3.org/2001/04/xmldsig-more#sha384': 'sha384',
  'http://www.w3.org/2001/04/xmlenc#sha512': 'sha512',
};

/** Canonicalizations without comments only: a comment must never change what a signature covers (or not). */
export const ACCEPTED_CANONICALIZATIONS: readonly string[] = [EXCLUSIVE_C14N, INCLUSIVE_C14N];
export const ACCEPTED_TRANSFORMS: readonly string[] = [ENVELOPED_SIGNATURE, EXCLUSIVE_C14N, INCLUSIVE_C14N];

/**
 * XML Encryption as OIOSAML 3 [OIO-ALG-01] and the xml-encryption library both have it: the key
 * transported by RSA-OAEP (MGF1 with SHA-1 is the definition of `rsa-oaep-mgf1p`, not a signature),
 * the content by AES. RSA PKCS#1 v1.5 key transport (Bleichenbacher) and 3DES are refused.
 */
export const ACCEPTED_KEY_TRANSPORT: readonly string[] = ['http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p'];
export const ACCEPTED_BLOCK_ENCRYPTION: readonly string[] = [
  'http://www.w3.org/2009/xmlenc11#aes256-gcm',
  'http://www.w3.org/2009/xmlenc11#aes128-gcm',
  'http://www.w3.org/2001/04/xmlenc#aes256-cbc',
  'http://www.w3.org/2001/04/xmlenc#aes128-cbc',
];

export const SIGNING_ALGORITHM_URIS: Readonly<Record<SamlSignatureAlgorithm, string>> = {
  'rsa-pss-sha256': RSA_PSS_SHA256,
  'rsa-sha256': RSA_SHA256,
};
export const DEFAULT_SIGNATURE_ALGORITHM: SamlSignatureAlgorithm = 'rsa-pss-sha256';

export const acceptedSignatureAlgorithms = (): string[] => Object.keys(SIGNATURE_SCHEMES);
export const acceptedDigestAlgorithms = (): string[] => Object.keys(DIGESTS);
export const isAcceptedSignatureAlgorithm = (uri: string | null | undefined): boolean => !!uri && Object.hasOwn(SIGNATURE_SCHEMES, uri);
export const isAcceptedDigestAlgorithm = (uri: string | null | undefined): boolean => !!uri && Object.hasOwn(DIGESTS, uri);

/**
 * PSS is signed with the salt as long as the hash (RFC 6931 2.3.10: the default of the URIs
 * without parameters) and verified with any salt length, which is as safe and takes signers that
 * chose another.
 */
function rsaKey(key: KeyLike, pss: boolean, signing: boolean) {
  const keyObject = key instanceof KeyObject ? key : signing ? createPrivateKey(key) : createPublicKey(key);
  if (!pss) return { key: keyObject, padding: constants.RSA_PKCS1_PADDING };
  return { key: keyObject, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: signing ? constants.RSA_PSS_SALTLEN_DIGEST : constants.RSA_PSS_SALTLEN_AUTO };
}

/** A base64 signature of `data` by `privateKey` with the algorithm the URI names (one we accept). */
export function signWith(algorithmUri: string, data: BinaryLike, privateKey: KeyLike): string {
  const scheme = SIGNATURE_SCHEMES[algorithmUri];
  if (!scheme) throw new Error(`SAML: we do not sign with ${algorithmUri}`);
  return sign(scheme.hash, typeof data === 'string' ? Buffer.from(data, 'utf8') : (data as Buffer), rsaKey(privateKey, scheme.pss, true)).toString('base64');
}

/** Whether one of `keys` (public keys or certificates) signed `data`; false for an algorithm we do not accept. */
export function signedByOneOf(algorithmUri: string, data: BinaryLike, signatureBase64: string, keys: readonly KeyLike[]): boolean {
  const scheme = Object.hasOwn(SIGNATURE_SCHEMES, algorithmUri) ? SIGNATURE_SCHEMES[algorithmUri] : undefined;
  if (!scheme) return false;
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : (data as Buffer);
  const signature = Buffer.from(signatureBase64, 'base64');
  return keys.some((key) => {
    try {
      return verify(scheme.hash, bytes, rsaKey(key, scheme.pss, false), signature);
    } catch {
      return false;
    }
  });
}

function xmlSignatureAlgorithm(uri: string): new () => SignatureAlgorithm {
  return class implements SignatureAlgorithm {
    getSignature = createOptionalCallbackFunction((signedInfo: BinaryLike, privateKey: KeyLike) => signWith(uri, signedInfo, privateKey));
    verifySignature = createOptionalCallbackFunction((material: string, key: KeyLike, signatureValue: string) => signedByOneOf(uri, material, signatureValue, [key]));
    getAlgorithmName = () => uri;
  };
}

function xmlDigest(uri: string, hash: Hash): new () => HashAlgorithm {
  return class implements HashAlgorithm {
    getHash = (xml: string) => createHash(hash).update(xml, 'utf8').digest('base64');
    getAlgorithmName = () => uri;
  };
}

/**
 * xml-crypto with our algorithms and no others: SHA-1, HMAC and canonicalizations with comments
 * are not known to it, so a signature using them fails to verify whatever else was checked. The
 * certificate a signature carries in its KeyInfo is never used (xml-crypto's default): only the
 * configured ones are trusted.
 */
export function strictSignedXml(options: SignedXmlOptions = {}): SignedXml {
  const signedXml = new SignedXml(options);
  signedXml.SignatureAlgorithms = Object.fromEntries(Object.keys(SIGNATURE_SCHEMES).map((uri) => [uri, xmlSignatureAlgorithm(uri)]));
  signedXml.HashAlgorithms = Object.fromEntries(Object.entries(DIGESTS).map(([uri, hash]) => [uri, xmlDigest(uri, hash)]));
  const known = signedXml.CanonicalizationAlgorithms;
  signedXml.CanonicalizationAlgorithms = Object.fromEntries(ACCEPTED_TRANSFORMS.map((uri) => [uri, known[uri]]));
  return signedXml;
}
