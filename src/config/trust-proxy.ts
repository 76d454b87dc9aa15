import { isIP } from 'node:net';

/**
 * Which reverse proxies in front of the service may tell it the client's address through
 * X-Forwarded-For: none (`false`), the nearest N hops, or the proxies at these addresses and
 * ranges. The client address drives login throttling and is what the audit log and logs know of
 * a caller, so it must never be chosen by the client: trusting every hop (`true`) takes the
 * leftmost X-Forwarded-For entry, which any client writes itself.
 */
export type TrustProxy = false | number | readonly string[];

/** Names of address ranges that Fastify's proxy-addr knows (127.0.0.0/8 and ::1, 169.254.0.0/16 and fe80::/10, private ranges). */
const NAMED_RANGES = ['loopback', 'linklocal', 'uniquelocal'];
const MAX_HOPS = 10;

export const TRUST_PROXY_FORMS =
  'the number of proxies in front of the service (e.g. TRUST_PROXY=1 behind one load balancer) or a comma list of their addresses or ranges (e.g. TRUST_PROXY=10.0.0.5,10.0.1.0/24 or loopback)';

/** TRUST_PROXY as configured, or the sentence that says why it is refused. */
export function parseTrustProxy(raw: string | undefined): { value: TrustProxy } | { problem: string } {
  const value = raw?.trim().toLowerCase() ?? '';
  if (['', 'false', 'no', 'off', '0'].includes(value)) return { value: false };
  if (['true', 'yes', 'on'].includes(value)) {
    return { problem: `TRUST_PROXY=${raw} would let every client choose its own address through X-Forwarded-For; set ${TRUST_PROXY_FORMS}` };
  }
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    return hops <= MAX_HOPS ? { value: hops } : { problem: `TRUST_PROXY must be at most ${MAX_HOPS} hops; set ${TRUST_PROXY_FORMS}` };
  }
  const entries = value.split(',').map((entry) => entry.trim());
  const bad = entries.filter((entry) => !isAddressOrRange(entry));
  if (bad.length) return { problem: `TRUST_PROXY names what is not an address or range: ${bad.map((b) => JSON.stringify(b)).join(', ')}; set ${TRUST_PROXY_FORMS}` };
  return { value: entries };
}

function isAddressOrRange(entry: string): boolean {
  if (NAMED_RANGES.includes(entry)) return true;
  const [address, prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

/**
 * What Fastify is given. A hop count is a function: Fastify (5.12) fails closed on a bare number,
 * since a count cannot tell a proxy from a client that reaches the service directly; with a count,
 * the service must be reachable only through its proxies (a list of their addresses checks that).
 */
export function fastifyTrustProxy(value: TrustProxy): false | string[] | ((address: string, hop: number) => boolean) {
  if (value === false) return false;
  if (typeof value === 'number') return (_address, hop) => hop < value;
  return [...value];
}

/** The setting as an environment value (a child process's TRUST_PROXY). */
export function trustProxyVariable(value: TrustProxy): string {
  return Array.isArray(value) ? value.join(',') : String(value);
}
