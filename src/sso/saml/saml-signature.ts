import { ACCEPTED_CANONICALIZATIONS, ACCEPTED_TRANSFORMS, ENVELOPED_SIGNATURE, EXCLUSIVE_C14N, isAcceptedDigestAlgorithm, isAcceptedSignatureAlgorithm, SHA256, strictSignedXml } from './saml-algorithms';
import { childElements, onlyChild, parseSamlXml, SAML_NS, SamlRefusal } from './saml-xml';

/**
 * Checks the enveloped XML signature of `element` (an Assertion, a Response, a LogoutRequest) in
 * `document` (parsed from `xml`) against the trusted certificates, and answers the bytes the
 * signature covers: the caller reads the message from those alone, never from the document,
 * because whatever else the document holds (a second assertion, a moved copy) was not signed.
 *
 * Beyond the cryptography (xml-crypto, with our algorithms only), the shape is fixed, which is what
 * closes signature wrapping: exactly one Signature, a direct child of the element; exactly one
 * Reference, whose URI is `#` and the element's own ID; that ID on no other element; only the
 * enveloped-signature and c14n transforms; SHA-2 digests and signatures (no SHA-1).
 */
export function verifiedSignedXml(xml: string, document: Document, element: Element, trustedCerts: readonly string[], what: string): string {
  const signatures = childElements(element, SAML_NS.dsig, 'Signature');
  if (signatures.length === 0) throw new SamlRefusal(`Invalid signature: ${what} carries no signature`);
  if (signatures.length > 1) throw new SamlRefusal(`Invalid signature: ${what} carries more than one signature`);
  const signature = signatures[0];
  const signedInfo = onlyChild(signature, SAML_NS.dsig, 'SignedInfo', `${what}'s SignedInfo`);
  const method = onlyChild(signedInfo, SAML_NS.dsig, 'SignatureMethod', `${what}'s SignatureMethod`).getAttribute('Algorithm');
  if (!isAcceptedSignatureAlgorithm(method)) throw new SamlRefusal(`Invalid signature: ${what} is signed with an algorithm we do not accept (SHA-1, or not RSA with SHA-2)`);
  const c14n = onlyChild(signedInfo, SAML_NS.dsig, 'CanonicalizationMethod', `${what}'s CanonicalizationMethod`).getAttribute('Algorithm');
  if (!ACCEPTED_CANONICALIZATIONS.includes(c14n ?? '')) throw new SamlRefusal(`Invalid signature: ${what}'s canonicalization is not exclusive or inclusive c14n without comments`);
  const reference = onlyChild(signedInfo, SAML_NS.dsig, 'Reference', `${what}'s signature Reference`);
  const id = element.getAttribute('ID');
  if (!id || reference.getAttribute('URI') !== `#${id}`) throw new SamlRefusal(`Invalid signature: ${what}'s signature does not reference ${what} itself`);
  const digest = onlyChild(reference, SAML_NS.dsig, 'DigestMethod', `${what}'s DigestMethod`).getAttribute('Algorithm');
  if (!isAcceptedDigestAlgorithm(digest)) throw new SamlRefusal(`Invalid signature: ${what}'s digest is not SHA-2 (SHA-1 is refused)`);
  const transforms = childElements(reference, SAML_NS.dsig, 'Transforms').flatMap((t) => childElements(t, SAML_NS.dsig, 'Transform'));
  if (transforms.length > 2 || transforms.some((t) => !ACCEPTED_TRANSFORMS.includes(t.getAttribute('Algorithm') ?? ''))) {
    throw new SamlRefusal(`Invalid signature: ${what}'s signature uses transforms other than enveloped-signature and c14n`);
  }
  if (withId(document, id).length !== 1) throw new SamlRefusal(`Invalid signature: the ID of ${what} occurs more than once`);

  for (const cert of trustedCerts) {
    const verifier = strictSignedXml({ publicCert: cert });
    try {
      verifier.loadSignature(signature);
      if (!verifier.checkSignature(xml)) continue;
    } catch {
      continue;
    }
    const signed = verifier.getSignedReferences();
    if (signed.length !== 1) throw new SamlRefusal(`Invalid signature: ${what}'s signature covers more than ${what}`);
    return signed[0];
  }
  throw new SamlRefusal(`Invalid signature: ${what} is not signed by a trusted certificate`);
}

/** Every element carrying this value as its ID, Id or id (what xml-crypto resolves a Reference by). */
function withId(document: Document, id: string): Element[] {
  return Array.from(document.getElementsByTagName('*')).filter((e) => ['ID', 'Id', 'id'].some((name) => e.getAttribute(name) === id));
}

/** The signed element as the signature covers it, parsed again, checked to be the element meant. */
export function parseSigned(signedXml: string, ns: string, localName: string, id: string, what: string): Element {
  const root = parseSamlXml(signedXml, what).documentElement;
  if (root.localName !== localName || root.namespaceURI !== ns || root.getAttribute('ID') !== id) throw new SamlRefusal(`Invalid signature: the signed content is not ${what}`);
  return root;
}

/**
 * Signs the document element of `xml` (our metadata) with an enveloped signature placed as its
 * first child, carrying our certificate, with the configured algorithm.
 */
export function signDocument(xml: string, keyPem: string, certPem: string, algorithmUri: string): string {
  const signer = strictSignedXml({ privateKey: keyPem, publicCert: certPem, signatureAlgorithm: algorithmUri, canonicalizationAlgorithm: EXCLUSIVE_C14N });
  signer.addReference({ xpath: '/*', transforms: [ENVELOPED_SIGNATURE, EXCLUSIVE_C14N], digestAlgorithm: SHA256 });
  signer.computeSignature(xml, { prefix: 'ds', location: { reference: '/*', action: 'prepend' } });
  return signer.getSignedXml();
}
