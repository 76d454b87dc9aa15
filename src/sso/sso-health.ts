import { Injectable } from '@nestjs/common';
import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { OidcClientKeys, usesClientKey } from './oidc/oidc-client-keys';
import { SsoProviders } from './sso-providers';

/** Under this many days left, a credential is shown as `expiring`: time to make a new one, upload it and roll it over. */
export const CREDENTIAL_WARNING_DAYS = 30;
const DAY_MS = 24 * 3600_000;

export type CredentialState = 'ok' | 'expiring' | 'expired' | 'unknown';

/**
 * A provider's credential that expires: an Entra ID client secret or the certificate of our client
 * key; for KOMBIT, each of our OCES3 certificates and each certificate of the IdP's we trust.
 */
export interface SsoCredentialStatus {
  providerId: string;
  credential: 'client_secret' | 'client_certificate' | 'service_provider_certificate' | 'identity_provider_certificate';
  /** The certificate's file, for the certificates (which one of several to renew). */
  file?: string;
  expiresAt: Date | null;
  daysLeft: number | null;
  state: CredentialState;
}

export interface SsoHealthDetails {
  providersLoadedAt: Date;
  reloadError: { at: Date; message: string } | null;
  credentials: SsoCredentialStatus[];
}

/** How close a credential is to expiry. An unknown expiry is `unknown`: the admin is told to look, not that all is well. */
export function credentialState(expiresAt: Date | undefined, now: Date): Pick<SsoCredentialStatus, 'expiresAt' | 'daysLeft' | 'state'> {
  if (!expiresAt) return { expiresAt: null, daysLeft: null, state: 'unknown' };
  const left = expiresAt.getTime() - now.getTime();
  const daysLeft = Math.floor(left / DAY_MS);
  return { expiresAt, daysLeft, state: left <= 0 ? 'expired' : daysLeft < CREDENTIAL_WARNING_DAYS ? 'expiring' : 'ok' };
}

/**
 * What the platform admin sees of single sign-on in GET /health/ready: when the providers file was
 * last taken into use and why a newer one was not, and how long each client credential has left.
 * An Entra ID client secret expires (at most two years), and the app cannot ask when: the file's
 * `clientSecretExpiresAt` says; a client certificate's expiry is read from the certificate.
 */
@Injectable()
export class SsoHealth {
  constructor(
    private readonly providers: SsoProviders,
    private readonly clientKeys: OidcClientKeys,
  ) {}

  details(now = new Date()): SsoHealthDetails {
    const status = this.providers.reloadStatus();
    const credentials: SsoCredentialStatus[] = [];
    for (const provider of this.providers.list()) {
      if (provider.kind === 'saml') {
        for (const pair of provider.spKeys) credentials.push({ providerId: provider.id, credential: 'service_provider_certificate', file: pair.certFile, ...credentialState(certificateExpiry(pair.certFile), now) });
        for (const file of provider.idpCertFiles) credentials.push({ providerId: provider.id, credential: 'identity_provider_certificate', file, ...credentialState(certificateExpiry(file), now) });
        continue;
      }
      if (usesClientKey(provider)) {
        credentials.push({ providerId: provider.id, credential: 'client_certificate', ...credentialState(this.clientKeys.of(provider).certificateExpiresAt, now) });
      } else {
        const expiresAt = provider.clientSecretExpiresAt ? new Date(provider.clientSecretExpiresAt) : undefined;
        credentials.push({ providerId: provider.id, credential: 'client_secret', ...credentialState(expiresAt, now) });
      }
    }
    return { providersLoadedAt: status.loadedAt, reloadError: status.lastError ?? null, credentials };
  }
}

/** When a PEM certificate file stops being valid; undefined when it cannot be read now (the admin sees `unknown`). */
function certificateExpiry(file: string): Date | undefined {
  try {
    return new Date(new X509Certificate(readFileSync(file)).validTo);
  } catch {
    return undefined;
  }
}
