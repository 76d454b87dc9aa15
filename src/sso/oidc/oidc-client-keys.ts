import { Injectable } from '@nestjs/common';
import { createHash, createPrivateKey, X509Certificate, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as client from 'openid-client';
import type { OidcProviderConfig, SsoProviderConfig } from '../sso-provider-config';
import { SsoProviders } from '../sso-providers';

/** A `private_key_jwt` client credential, read from its files: the key signs, the certificate names it. */
export interface ClientKey {
  key: CryptoKey;
  /** Base64url SHA-256 and SHA-1 thumbprints of the certificate's DER: how Entra ID finds the uploaded certificate. */
  x5tS256: string;
  x5t: string;
  certificateExpiresAt: Date;
}

const thumbprint = (algorithm: 'sha256' | 'sha1', der: Buffer) => createHash(algorithm).update(der).digest('base64url');

/**
 * The signing algorithm for the key: PS256 for RSA, as Entra ID asks of certificate credentials
 * (learn.microsoft.com, "Microsoft identity platform certificate credentials"); ES256 for P-256.
 */
function signingKey(key: KeyObject): CryptoKey {
  if (key.asymmetricKeyType === 'rsa') {
    if ((key.asymmetricKeyDetails?.modulusLength ?? 0) < 2048) throw new Error('an RSA key must have at least 2048 bits');
    return key.toCryptoKey({ name: 'RSA-PSS', hash: 'SHA-256' }, false, ['sign']);
  }
  if (key.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1') return key.toCryptoKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign']);
  throw new Error('the key must be RSA (2048 bits or more) or EC P-256');
}

/** Reads and checks a provider's client key and certificate; a message names the provider and the file. */
export function readClientKey(provider: Pick<OidcProviderConfig, 'id' | 'clientKeyFile' | 'clientCertFile'>): ClientKey {
  const where = `provider "${provider.id}"`;
  let privateKey: KeyObject;
  let certificate: X509Certificate;
  try {
    privateKey = createPrivateKey(readFileSync(provider.clientKeyFile as string));
  } catch {
    throw new Error(`${where}: clientKeyFile ${provider.clientKeyFile} holds no private key in PEM`);
  }
  try {
    certificate = new X509Certificate(readFileSync(provider.clientCertFile as string));
  } catch {
    throw new Error(`${where}: clientCertFile ${provider.clientCertFile} holds no certificate in PEM`);
  }
  // Caught here, not as invalid_client at a person's sign-in: a rollover that replaced one file of the two.
  if (!certificate.checkPrivateKey(privateKey)) throw new Error(`${where}: clientCertFile is not the certificate of clientKeyFile's key`);
  let key: CryptoKey;
  try {
    key = signingKey(privateKey);
  } catch (error) {
    throw new Error(`${where}: clientKeyFile: ${(error as Error).message}`, { cause: error });
  }
  return { key, x5tS256: thumbprint('sha256', certificate.raw), x5t: thumbprint('sha1', certificate.raw), certificateExpiresAt: new Date(certificate.validTo) };
}

/**
 * openid-client's `private_key_jwt` with what Entra ID needs of the assertion: the certificate's
 * thumbprint in the header (`x5t#S256`, and the older `x5t`) and the token endpoint as audience
 * (RFC 7523 3 allows it; openid-client sends the issuer, which Entra ID refuses).
 */
export function privateKeyJwt(clientKey: ClientKey): client.ClientAuth {
  return (as, metadata, body, headers) =>
    client.PrivateKeyJwt(clientKey.key, {
      [client.modifyAssertion]: (header, payload) => {
        header['x5t#S256'] = clientKey.x5tS256;
        header.x5t = clientKey.x5t;
        header.typ = 'JWT';
        if (as.token_endpoint) payload.aud = as.token_endpoint;
      },
    })(as, metadata, body, headers);
}

/**
 * The `private_key_jwt` keys of the providers in use. Read at start-up and again whenever the
 * providers file or a key file changes (SsoProviders' reload), so a new key takes effect without a
 * restart; a key that cannot be used keeps the reload from happening, and the keys in use stay.
 */
@Injectable()
export class OidcClientKeys {
  private keys = new Map<string, ClientKey>();

  constructor(providers: SsoProviders) {
    providers.register((list) => {
      const next = new Map(list.filter((p): p is OidcProviderConfig => usesClientKey(p)).map((provider) => [provider.id, readClientKey(provider)]));
      return () => {
        this.keys = next;
      };
    });
  }

  /** The provider's key (it uses `private_key_jwt`); checked at start-up, so it is there. */
  of(provider: OidcProviderConfig): ClientKey {
    const key = this.keys.get(provider.id);
    if (!key) throw new Error(`provider ${provider.id} has no client key`);
    return key;
  }
}

export const usesClientKey = (provider: SsoProviderConfig): boolean => provider.kind === 'oidc' && provider.tokenEndpointAuthMethod === 'private_key_jwt';
