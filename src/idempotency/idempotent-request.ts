import { createHash } from 'node:crypto';
import { InvalidInput } from '../common/domain-errors';

export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';
/** Set on an answer that is a stored earlier one, so a client (or its support) can tell a replay from a new write. */
export const REPLAYED_HEADER = 'Idempotent-Replayed';

/**
 * 1-255 visible ASCII characters (api.md): a UUID, a ULID or any token a client generates fits.
 * Space is left out on purpose: Node joins two `Idempotency-Key` headers into "a, b", and one
 * request must not carry two keys. Control characters and non-ASCII bytes are refused, as their
 * meaning depends on how a proxy decodes the header.
 */
const VALID_KEY = /^[\x21-\x7E]{1,255}$/;

/** The key a request's header carries; 400 naming the header when it is malformed. */
export function idempotencyKeyOf(header: string | string[]): string {
  if (typeof header === 'string' && VALID_KEY.test(header)) return header;
  throw new InvalidInput(
    [{ field: IDEMPOTENCY_KEY_HEADER, rule: 'idempotency_key_format', message: `${IDEMPOTENCY_KEY_HEADER} must be 1-255 visible ASCII characters (no spaces or control characters), e.g. a UUID` }],
    'idempotency_key_invalid',
  );
}

/** JSON with every object's keys sorted, so `{"a":1,"b":2}` and `{"b":2,"a":1}` are one request. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item === undefined ? null : item)).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/**
 * What makes two requests "the same request": method, path with its parameters (and query) and
 * the body as parsed, before validation transforms it. Hashed, so the stored fingerprint holds no
 * personal data from the body.
 */
export function requestFingerprint(method: string, url: string, body: unknown): string {
  return createHash('sha256').update(canonicalJson([method.toUpperCase(), url, body ?? null])).digest('hex');
}
