import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { createPublicKey, type JsonWebKey, type KeyObject } from 'node:crypto';
import type { OidcProviderConfig } from '../sso-provider-config';
import { SsoProviders } from '../sso-providers';
import { LogoutTokenRefused, logoutTokenClaims, logoutTokenHeader, type LogoutTokenClaims } from './logout-token';
import { OidcProtocol } from './oidc-protocol';

/** How old a logout token may be (its iat): the provider sends it as the logout happens; the jti is remembered for as long. */
export const LOGOUT_TOKEN_MAX_AGE_SECONDS = 300;
const CLOCK_TOLERANCE_SECONDS = 30;
/** The provider's keys are read again after this long, or sooner for a key id not seen yet (a rotation), but not more often than every MIN_REFETCH_MS. */
const JWKS_MAX_AGE_MS = 10 * 60_000;
const MIN_REFETCH_MS = 30_000;
const REQUEST_TIMEOUT_MS = 10_000;

interface Jwks {
  at: number;
  keys: JsonWebKey[];
}

const KEY_TYPE_OF: Record<string, string> = { RS: 'RSA', PS: 'RSA', ES: 'EC' };

function decodeHeader(token: string): Record<string, unknown> {
  const parts = token.split('.');
  if (parts.length !== 3) throw new LogoutTokenRefused('it is not a signed JWT');
  try {
    const header: unknown = JSON.parse(Buffer.from(parts[0], 'base64url').toString('utf8'));
    if (typeof header === 'object' && header !== null && !Array.isArray(header)) return header as Record<string, unknown>;
  } catch {
    // Refused below.
  }
  throw new LogoutTokenRefused('its header is not a JSON object');
}

/**
 * Verifies a back-channel logout token (OpenID Connect Back-Channel Logout 1.0, section 2.6) as an
 * ID token is verified: signed by one of the provider's keys (its discovery document's jwks_uri),
 * issued by the provider's issuer, for our client id, recently; then logout-token.ts's checks.
 */
@Injectable()
export class OidcLogoutTokens {
  private readonly jwt = new JwtService();
  private jwks = new Map<string, Jwks>();

  constructor(
    providers: SsoProviders,
    private readonly oidc: OidcProtocol,
  ) {
    // A changed providers file (a new issuer) reads the keys afresh.
    providers.register(() => () => {
      this.jwks = new Map();
    });
  }

  async verify(provider: OidcProviderConfig, token: string): Promise<LogoutTokenClaims> {
    const { alg, kid } = logoutTokenHeader(decodeHeader(token));
    const metadata = (await this.oidc.configuration(provider)).serverMetadata();
    if (!metadata.jwks_uri) throw new LogoutTokenRefused('the provider publishes no keys');
    const key = await this.keyFor(provider, metadata.jwks_uri, alg, kid);
    let claims: Record<string, unknown>;
    try {
      claims = this.jwt.verify<Record<string, unknown>>(token, {
        publicKey: key as unknown as Buffer,
        algorithms: [alg],
        issuer: metadata.issuer,
        audience: provider.clientId,
        maxAge: LOGOUT_TOKEN_MAX_AGE_SECONDS,
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
      });
    } catch (error) {
      throw new LogoutTokenRefused(`its signature, issuer, audience or age is wrong (${(error as Error).name})`);
    }
    return logoutTokenClaims(claims);
  }

  /** The key the header names (or the one key of the algorithm's type, when it names none). */
  private async keyFor(provider: OidcProviderConfig, jwksUri: string, alg: string, kid: string | undefined): Promise<KeyObject> {
    const kty = KEY_TYPE_OF[alg.slice(0, 2)];
    const pick = (jwks: Jwks) => jwks.keys.filter((k) => k.kty === kty && (k.use === undefined || k.use === 'sig') && (kid === undefined || k.kid === kid));
    let jwks = await this.keysOf(provider, jwksUri, false);
    if (pick(jwks).length === 0) jwks = await this.keysOf(provider, jwksUri, true);
    const candidates = pick(jwks);
    if (candidates.length !== 1) throw new LogoutTokenRefused(candidates.length ? 'its key is ambiguous (no kid)' : 'it is not signed by a key of the provider');
    try {
      return createPublicKey({ key: candidates[0], format: 'jwk' });
    } catch {
      throw new LogoutTokenRefused('the provider\'s key cannot be used');
    }
  }

  private async keysOf(provider: OidcProviderConfig, jwksUri: string, refresh: boolean): Promise<Jwks> {
    const cached = this.jwks.get(provider.id);
    const age = cached ? Date.now() - cached.at : Infinity;
    if (cached && age < JWKS_MAX_AGE_MS && (!refresh || age < MIN_REFETCH_MS)) return cached;
    const url = new URL(jwksUri);
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && this.oidc.mayUseHttp(provider))) throw new LogoutTokenRefused('the provider\'s keys are not served over https');
    const response = await fetch(url, { redirect: 'error', signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS), headers: { accept: 'application/json' } });
    const body = (await response.json().catch(() => undefined)) as { keys?: unknown } | undefined;
    if (!response.ok || !Array.isArray(body?.keys)) throw new Error(`the provider's JWKS answered ${response.status}`);
    const jwks = { at: Date.now(), keys: body.keys.filter((k): k is JsonWebKey => typeof k === 'object' && k !== null) };
    this.jwks.set(provider.id, jwks);
    return jwks;
  }
}
