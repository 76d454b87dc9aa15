import type { FastifyRequest } from 'fastify';
import type { RequestOrigin } from './sign-in-types';

const USER_AGENT_MAX = 256;

/** The User-Agent as the audit log keeps it: printable, at most 256 characters, or none. */
export function auditableUserAgent(header: unknown): string | undefined {
  if (typeof header !== 'string') return undefined;
  // eslint-disable-next-line no-control-regex
  const text = header.replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, USER_AGENT_MAX);
  return text || undefined;
}

/**
 * Where a sign-in request came from: its address (throttling, and the audit log's sign-in
 * details), user agent (the audit log) and id. The address is staff's personal data: it goes to
 * the audit log and, hashed, to Redis's counters, never to application logs.
 */
export const requestOrigin = (request: FastifyRequest): RequestOrigin => ({
  address: request.ip,
  requestId: String(request.id),
  userAgent: auditableUserAgent(request.headers['user-agent']),
});
