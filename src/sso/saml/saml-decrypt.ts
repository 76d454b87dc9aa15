import { decrypt } from 'xml-encryption';
import { ACCEPTED_BLOCK_ENCRYPTION, ACCEPTED_KEY_TRANSPORT } from './saml-algorithms';
import { allElements, onlyChild, SAML_NS, SamlRefusal } from './saml-xml';

function decryptWith(xml: string, key: string): Promise<string> {
  return new Promise((resolve, reject) => {
    decrypt(xml, { key, disallowDecryptionWithInsecureAlgorithm: true, warnInsecureAlgorithm: false }, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

/**
 * Decrypts an EncryptedAssertion or EncryptedID (SAML core 6: an EncryptedData, its key in an
 * EncryptedKey) with whichever of our keys it was encrypted to: during a key rollover the IdP may
 * encrypt to the old or the new certificate. The algorithms are checked before any key is tried.
 */
export async function decryptForUs(encrypted: Element, keyPems: readonly string[], what: string): Promise<string> {
  const data = onlyChild(encrypted, SAML_NS.xmlenc, 'EncryptedData', `${what}'s EncryptedData`);
  const method = onlyChild(data, SAML_NS.xmlenc, 'EncryptionMethod', `${what}'s EncryptionMethod`).getAttribute('Algorithm');
  if (!ACCEPTED_BLOCK_ENCRYPTION.includes(method ?? '')) throw new SamlRefusal(`decryption: ${what} is encrypted with an algorithm we do not accept (only AES)`);
  const keys = allElements(encrypted, SAML_NS.xmlenc, 'EncryptedKey');
  if (keys.length === 0) throw new SamlRefusal(`decryption: ${what} carries no EncryptedKey`);
  for (const key of keys) {
    const transport = allElements(key, SAML_NS.xmlenc, 'EncryptionMethod')[0]?.getAttribute('Algorithm');
    if (!ACCEPTED_KEY_TRANSPORT.includes(transport ?? '')) throw new SamlRefusal(`decryption: ${what}'s key is transported with an algorithm we do not accept (only RSA-OAEP)`);
  }
  const xml = encrypted.toString();
  for (const keyPem of keyPems) {
    try {
      return await decryptWith(xml, keyPem);
    } catch {
      // Encrypted to another of our keys, or to none of them.
    }
  }
  throw new SamlRefusal(`decryption: ${what} is not encrypted to any of our certificates`);
}
