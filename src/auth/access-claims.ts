import type { Role } from '../access/roles';

/** Who issues and who accepts our access tokens: a token from anywhere else (or another service sharing the secret) is refused. */
export const JWT_ISSUER = 'helhedsplan';
export const JWT_AUDIENCE = 'helhedsplan-api';

/** What an access token says. `role` is informational: every request reads the account's current role. */
export interface AccessClaims {
  sub: string;
  /** The session (sign-in) the token belongs to; it must still be open. */
  sid: string;
  role: Role;
  /** How the user authenticated at the session's sign-in (src/auth/authentication-methods.ts). */
  amr: string[];
  /** When they did (seconds since the epoch): refreshed tokens keep it, so step-up can ask for a fresh sign-in. */
  auth_time: number;
  exp?: number;
  iat?: number;
  iss?: string;
  aud?: string | string[];
}
