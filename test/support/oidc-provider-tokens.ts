import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { BACKCHANNEL_LOGOUT_EVENT } from '../../src/sso/oidc/logout-token';

export type JwtParts = { header: Record<string, unknown>; claims: Record<string, unknown> };

/**
 * TEST ONLY: JWTs signed as the test provider signs them (RS256), or with another key, for the
 * negative tests of the code under test: an ID token with a wrong audience, issuer or expiry, or
 * signed by a key the provider never published; a logout token as a provider would post it.
 */
export function signJwt({ header, claims }: JwtParts, key: KeyObject): string {
  const input = `${Buffer.from(JSON.stringify(header)).toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
  return `${input}.${sign('sha256', Buffer.from(input), key).toString('base64url')}`;
}

export function decodeJwt(token: string): JwtParts {
  const [header, claims] = token.split('.').slice(0, 2).map((part) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>);
  return { header, claims };
}

/** An RSA key no provider published: what an attacker would sign with. */
export const foreignKey = (): KeyObject => generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;

/** A logout token's claims (OpenID Connect Back-Channel Logout 1.0, 2.4), for `claims` to change. */
export function logoutTokenClaims(issuer: string, audience: string, names: { sub?: string; sid?: string }): Record<string, unknown> {
  const now = Math.floor(Date.now() / 1000);
  return { iss: issuer, aud: audience, iat: now, exp: now + 120, jti: `${now}-${Math.random().toString(36).slice(2)}`, ...names, events: { [BACKCHANNEL_LOGOUT_EVENT]: {} } };
}

/**
 * Rewrites the ID token of a token endpoint answer as it leaves the provider: `rewrite` gets its
 * header and claims and answers the token to send instead (re-signed, with the provider's key or
 * another). The rest of the answer, and everything the client checks, is the provider's.
 */
export function rewriteIdTokenOf(res: ServerResponse, rewrite: (token: string) => string): void {
  const end = res.end.bind(res) as (chunk?: unknown, ...rest: unknown[]) => ServerResponse;
  res.end = ((chunk?: unknown, ...rest: unknown[]) => {
    if (res.statusCode === 200 && (typeof chunk === 'string' || Buffer.isBuffer(chunk))) {
      const body = JSON.parse(chunk.toString()) as { id_token?: string };
      if (body.id_token) {
        body.id_token = rewrite(body.id_token);
        const text = JSON.stringify(body);
        res.setHeader('content-length', Buffer.byteLength(text));
        return end(text, ...rest);
      }
    }
    return end(chunk, ...rest);
  }) as ServerResponse['end'];
}
