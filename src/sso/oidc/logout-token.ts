/**
 * The checks of OpenID Connect Back-Channel Logout 1.0, section 2.6, that come after the
 * signature, issuer, audience and age (oidc-logout-tokens.ts): what makes a signed token of the
 * provider a logout, and not an ID token or another JWT it signed for us (section 4.1, cross-JWT
 * confusion).
 */
export const BACKCHANNEL_LOGOUT_EVENT = 'http://schemas.openid.net/event/backchannel-logout';

/** What a logout token names: the person (`sub`), the provider's session (`sid`), or both; `jti` guards against its replay. */
export interface LogoutTokenClaims {
  jti: string;
  sub?: string;
  sid?: string;
}

/** Why a logout token is refused, in our words (never the token's own values). */
export class LogoutTokenRefused extends Error {}

// Section 2.4 recommends explicit typing (logout+jwt); tokens typed as anything else (an access token's at+jwt, ...) are not logouts.
const LOGOUT_TYPES = new Set(['jwt', 'logout+jwt', 'application/jwt', 'application/logout+jwt']);
/** Asymmetric signatures only: never `none`, and never a MAC keyed by something the provider and others might share. */
export const LOGOUT_TOKEN_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512'] as const;

const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The header's algorithm and key id, before any key is looked up. */
export function logoutTokenHeader(header: Record<string, unknown>): { alg: (typeof LOGOUT_TOKEN_ALGORITHMS)[number]; kid?: string } {
  const alg = header.alg;
  if (typeof alg !== 'string' || !(LOGOUT_TOKEN_ALGORITHMS as readonly string[]).includes(alg)) throw new LogoutTokenRefused('its signature algorithm is not accepted');
  if (header.typ !== undefined && (typeof header.typ !== 'string' || !LOGOUT_TYPES.has(header.typ.toLowerCase()))) throw new LogoutTokenRefused('its type is not a logout token');
  if (header.crit !== undefined) throw new LogoutTokenRefused('it has critical header extensions');
  return { alg: alg as (typeof LOGOUT_TOKEN_ALGORITHMS)[number], ...(text(header.kid) ? { kid: header.kid as string } : {}) };
}

/** Section 2.6, steps 4 to 6 and the jti: sub and/or sid, the logout event, no nonce. */
export function logoutTokenClaims(claims: Record<string, unknown>): LogoutTokenClaims {
  const events = claims.events;
  if (!isObject(events) || !isObject(events[BACKCHANNEL_LOGOUT_EVENT])) throw new LogoutTokenRefused('it has no back-channel logout event');
  // An ID token has a nonce; a logout token must not, so an ID token can never pass as a logout.
  if (claims.nonce !== undefined) throw new LogoutTokenRefused('it has a nonce');
  const sub = text(claims.sub);
  const sid = text(claims.sid);
  if (!sub && !sid) throw new LogoutTokenRefused('it names neither a subject nor a session');
  if ((claims.sub !== undefined && !sub) || (claims.sid !== undefined && !sid)) throw new LogoutTokenRefused('its sub or sid is not a string');
  const jti = text(claims.jti);
  if (!jti) throw new LogoutTokenRefused('it has no jti');
  if (typeof claims.iat !== 'number') throw new LogoutTokenRefused('it has no iat');
  return { jti, ...(sub ? { sub } : {}), ...(sid ? { sid } : {}) };
}
