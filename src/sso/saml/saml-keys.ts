import { createPrivateKey, createPublicKey, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { SamlProviderConfig } from '../sso-provider-config';

export interface SamlKeyPair {
  keyPem: string;
  certPem: string;
  /** The certificate's DER in base64, as metadata's X509Certificate carries it. */
  certBase64: string;
}

export interface SamlKeys {
  /** The IdP's signing certificates (PEM): a signature by any of them is the IdP's. */
  idpCertPems: string[];
  /** Our key pairs; the first signs, every one decrypts. */
  spKeys: SamlKeyPair[];
}

function read(file: string, what: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`SAML: ${what} (${file}) cannot be read: ${(error as Error).message}`, { cause: error });
  }
}

function certificate(file: string, what: string): { pem: string; cert: X509Certificate } {
  const pem = read(file, what);
  try {
    return { pem, cert: new X509Certificate(pem) };
  } catch (error) {
    throw new Error(`SAML: ${what} (${file}) cannot be read as a PEM certificate: ${(error as Error).message}`, { cause: error });
  }
}

/**
 * Reads a provider's key files when the providers are read (at start-up and at every reload), so
 * a missing or broken file stops the start, or leaves the keys in use in place, with its name. A
 * key that is not the one of its certificate (a pair mixed up during a rollover) is refused here,
 * not at the first sign-in that the IdP could not encrypt to us or verify.
 */
export function readSamlKeys(provider: SamlProviderConfig): SamlKeys {
  const idpCertPems = provider.idpCertFiles.map((file, index) => certificate(file, `the IdP certificate #${index + 1} of ${provider.id}`).pem);
  const spKeys = provider.spKeys.map((files, index) => {
    const what = `our key pair #${index + 1} of ${provider.id}`;
    const keyPem = read(files.keyFile, `the key of ${what}`);
    let key;
    try {
      key = createPrivateKey(keyPem);
    } catch (error) {
      throw new Error(`SAML: the key of ${what} (${files.keyFile}) cannot be read as a PEM private key: ${(error as Error).message}`, { cause: error });
    }
    // rsa-pss keys can neither decrypt nor sign PKCS#1 v1.5; OCES3 keys are plain RSA keys.
    if (key.asymmetricKeyType !== 'rsa') throw new Error(`SAML: the key of ${what} (${files.keyFile}) is not an RSA key`);
    const { pem: certPem, cert } = certificate(files.certFile, `the certificate of ${what}`);
    const spki = { format: 'der', type: 'spki' } as const;
    if (!createPublicKey(key).export(spki).equals(cert.publicKey.export(spki))) throw new Error(`SAML: the key of ${what} (${files.keyFile}) does not belong to its certificate (${files.certFile})`);
    return { keyPem, certPem, certBase64: cert.raw.toString('base64') };
  });
  return { idpCertPems, spKeys };
}
