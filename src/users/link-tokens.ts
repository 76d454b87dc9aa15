import { createHash, randomBytes } from 'node:crypto';

/**
 * The token of a one-time link sent by e-mail (an invitation, a password reset): 256 random bits,
 * made when the e-mail is sent. Only its hash is stored, so the database, the queue and the logs
 * never hold a working link.
 */
export function newLinkToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashLinkToken(token) };
}

export function hashLinkToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
