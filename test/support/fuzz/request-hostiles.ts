import { randomUUID } from 'node:crypto';
import { DEEP_ARRAYS, DEEP_OBJECTS, forgedCursors, type Hostile } from './hostile-values';
import type { Parameter } from './openapi-operations';

/** Hostile inputs that are not one field of the body: the whole body, path and query parameters, headers. */

/** Text placed into a URL verbatim (already percent-encoded, possibly invalidly). */
export class RawUrl {
  constructor(readonly text: string) {}
}

export interface BodyHostile {
  cls: string;
  label: string;
  body: string;
  /** null: send the bytes with no Content-Type at all. */
  contentType: string | null;
  /** A refusal of this input must cost little: more CPU time than this (ms) is a failure. */
  slowMs?: number;
}

const JSON_TYPE = 'application/json';
const QUICK_MS = 2000;

/** Whole-body classes: wrong JSON types, malformed JSON, wrong Content-Type, deep nesting, huge bodies, unknown properties. */
export function wholeBodyHostiles(base: Record<string, unknown> | undefined, extras: { foreignPlanId?: string }): BodyHostile[] {
  const b = base ?? {};
  const json = JSON.stringify(b);
  const inner = json.slice(1, -1);
  const withFirst = (prefix: string) => `{${prefix}${inner ? `,${inner}` : ''}}`;
  const withLast = (suffix: string) => `{${inner ? `${inner},` : ''}${suffix}}`;
  const body = (cls: string, label: string, text: string, contentType: string | null = JSON_TYPE, slowMs?: number): BodyHostile => ({ cls, label, body: text, contentType, slowMs });
  const firstKey = Object.keys(b)[0];
  const out: BodyHostile[] = [
    body('body-null', 'null', 'null'),
    body('body-array', '[]', '[]'),
    body('body-array', '[{}]', '[{}]'),
    body('body-array', '[base body]', `[${json}]`),
    body('body-scalar', 'a bare string', '"string"'),
    body('body-scalar', 'a bare number', '42'),
    body('body-scalar', 'true', 'true'),
    body('body-scalar', '5e-324', '5e-324'),
    body('body-scalar', '1e400', '1e400'),
    body('body-scalar', '"\\u0000"', '"\\u0000"'),
    body('body-empty', 'empty body with a JSON Content-Type', ''),
    body('body-empty', '{}', '{}'),
    body('malformed-json', 'unterminated', '{'),
    body('malformed-json', 'cut off after a key', '{"a":'),
    body('malformed-json', 'single quotes', "{'a':1}"),
    body('malformed-json', 'extra closing brace', `${json}}`),
    body('malformed-json', 'trailing comma', withLast('"a":1,')),
    body('malformed-json', 'trailing garbage', `${json} garbage`),
    body('malformed-json', 'half the base body', json.slice(0, Math.max(1, Math.floor(json.length / 2)))),
    body('malformed-json', 'bad escape', '{"a":"\\u00"}'),
    body('malformed-json', 'raw NUL byte', `{"a":"\u0000"}`),
    body('malformed-json', 'byte order mark', `\uFEFF${json}`),
    body('wrong-content-type', 'text/plain', json, 'text/plain'),
    body('wrong-content-type', 'form-urlencoded', 'a=1&b=2', 'application/x-www-form-urlencoded'),
    body('wrong-content-type', 'multipart', '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--\r\n', 'multipart/form-data; boundary=x'),
    body('wrong-content-type', 'application/xml', '<a>1</a>', 'application/xml'),
    body('wrong-content-type', 'JSON as UTF-16', json, 'application/json; charset=utf-16'),
    body('wrong-content-type', 'JSON with an unknown charset', json, 'application/json; charset=x-klingon'),
    body('wrong-content-type', 'application/jsonx', json, 'application/jsonx'),
    body('wrong-content-type', 'upper-case APPLICATION/JSON', json, 'APPLICATION/JSON'),
    body('wrong-content-type', 'garbage media type', json, ';;;'),
    body('wrong-content-type', 'no Content-Type', json, null),
    body('deep-nesting', 'nested arrays ~18 KB', DEEP_ARRAYS, JSON_TYPE, QUICK_MS),
    body('deep-nesting', 'nested objects ~15 KB', DEEP_OBJECTS, JSON_TYPE, QUICK_MS),
    body('deep-nesting', 'nested arrays ~200 KB', '['.repeat(100_000) + ']'.repeat(100_000), JSON_TYPE, QUICK_MS),
    body('deep-nesting', 'base body with a nested-array property', withLast(`"fuzzDeep":${DEEP_ARRAYS}`), JSON_TYPE, QUICK_MS),
    body('huge-body', '600 KB array of numbers', `[${'0,'.repeat(300_000)}0]`, JSON_TYPE, QUICK_MS),
    body('huge-body', '600 KB object of 40,000 unknown keys', `{${Array.from({ length: 40_000 }, (_, i) => `"k${i}":${i}`).join(',')}}`, JSON_TYPE, QUICK_MS),
    body('huge-body', '600 KB string in an unknown property', withLast(`"fuzzPad":"${'x'.repeat(600_000)}"`), JSON_TYPE, QUICK_MS),
    body('huge-body', '1.1 MB body (over the limit)', withLast(`"fuzzPad":"${'x'.repeat(1_100_000)}"`), JSON_TYPE, QUICK_MS),
    body('unknown-property', 'fuzzExtra', withLast('"fuzzExtra":1')),
    body('unknown-property', 'id', withLast(`"id":"${randomUUID()}"`)),
    body('unknown-property', 'createdAt', withLast('"createdAt":"2000-01-01T00:00:00Z"')),
    body('unknown-property', 'role: admin', withLast('"role":"admin"')),
    body('unknown-property', 'empty key', withLast('"":1')),
    body('unknown-property', 'key with NUL', withLast('"a\\u0000":1')),
    body('unknown-property', 'key a lone surrogate', withLast('"\\ud800":1')),
    body('proto-pollution', '__proto__ first', withFirst('"__proto__":{"polluted":true}')),
    body('proto-pollution', 'constructor.prototype', withFirst('"constructor":{"prototype":{"polluted":true}}')),
  ];
  if (extras.foreignPlanId && !('planId' in b)) out.push(body('unknown-property', "planId of another plan", withLast(`"planId":"${extras.foreignPlanId}"`)));
  if (firstKey) out.push(body('duplicate-keys', `${firstKey} again, as null`, withLast(`${JSON.stringify(firstKey)}:null`)));
  return out;
}

/** Hostile path segments (raw, percent-encoded as a client would put them on the wire). */
export function pathHostiles(realId: string, foreignId: string | undefined, otherOwnIds: string[]): Hostile[] {
  const p = (cls: string, label: string, value: string): Hostile => ({ cls, label, value });
  const out: Hostile[] = [
    p('not-a-uuid', 'not-a-uuid', 'not-a-uuid'),
    p('not-a-uuid', '1', '1'),
    p('not-a-uuid', '-1', '-1'),
    p('not-a-uuid', '1e308', '1e308'),
    p('not-a-uuid', 'null', 'null'),
    p('not-a-uuid', 'a space', '%20'),
    p('nul-byte', '%00', '%00'),
    p('nul-byte', 'real id + %00', `${realId}%00`),
    p('nul-byte', 'a%00b', 'a%00b'),
    p('lone-surrogate', 'UTF-8 bytes of U+D800', '%ED%A0%80'),
    p('lone-surrogate', 'real id + bytes of U+DC00', `${realId}%ED%B0%80`),
    p('invalid-encoding', '%', '%'),
    p('invalid-encoding', '%zz', '%zz'),
    p('invalid-encoding', 'overlong NUL %C0%80', '%C0%80'),
    p('invalid-encoding', '%FF', '%FF'),
    p('long-string', '5,000 chars', 'a'.repeat(5000)),
    p('long-string', 'real id twice', realId + realId),
    p('path-traversal', '..%2F..', '..%2F..'),
    p('path-traversal', '..', '..'),
    p('special-characters', "' OR 1=1--", '%27%20OR%201%3D1--'),
    p('random-id', 'random uuid', randomUUID()),
    p('random-id', 'nil uuid', '00000000-0000-0000-0000-000000000000'),
    p('random-id', 'upper-case real id', realId.toUpperCase()),
  ];
  if (foreignId) out.push(p('foreign-id', "another plan's real id", foreignId));
  for (const id of otherOwnIds) out.push(p('other-own-id', 'another real id of the plan', id));
  return out;
}

/** Hostile values for one query parameter (decoded strings, or RawUrl for invalid encodings). */
export function queryHostiles(param: Parameter, realIdForParam: string | undefined, foreignId: string | undefined): Hostile[] {
  const q = (cls: string, label: string, value: unknown): Hostile => ({ cls, label, value });
  const base = typeof param.schema.example === 'string' ? param.schema.example : (param.schema.enum?.[0] as string | undefined) ?? realIdForParam ?? 'x';
  const out: Hostile[] = [
    q('nul-byte', 'NUL', '\u0000'),
    q('nul-byte', 'a NUL b', 'a\u0000b'),
    q('nul-byte', 'NUL appended', `${base}\u0000`),
    q('lone-surrogate', 'U+D800 (WTF-8 bytes)', '\uD800'),
    q('lone-surrogate', 'appended U+DFFF', `${base}\uDFFF`),
    q('invalid-encoding', '%', new RawUrl('%')),
    q('invalid-encoding', '%zz', new RawUrl('%zz')),
    q('invalid-encoding', '%FF', new RawUrl('%FF')),
    q('invalid-encoding', 'overlong NUL %C0%80', new RawUrl('%C0%80')),
    q('empty-string', 'empty', ''),
    q('whitespace-only', 'spaces', '   '),
    q('long-string', '8,000 chars', 'x'.repeat(8000)),
    q('special-characters', 'LIKE metacharacters', '%_\\'),
    q('special-characters', 'SQL quote', "x' OR '1'='1"),
    q('prototype-key', '__proto__', '__proto__'),
    q('prototype-key', 'constructor', 'constructor'),
    q('repeated-param', 'given twice', [base, base]),
    q('enum-violation', 'NOT_IN_ENUM', 'NOT_IN_ENUM'),
    q('not-a-uuid', 'not-a-uuid', 'not-a-uuid'),
    q('random-id', 'random uuid', randomUUID()),
  ];
  for (const n of ['5e-324', '1e308', '-1e308', '1e400', '-1', '0', '1.5', '201', 'NaN', 'Infinity', '0x10']) out.push(q('extreme-number', n, n));
  for (const d of ['0001-01-01', '9999-12-31', '0001-01-01T00:00:00Z', '9999-12-31T23:59:59-14:00', '-271821-04-20T00:00:00Z', '+275760-09-13T00:00:00Z']) {
    out.push(q('extreme-date', d, d));
  }
  if (foreignId) out.push(q('foreign-id', "another plan's real id", foreignId));
  if (param.name === 'cursor') out.push(...forgedCursors(realIdForParam ?? randomUUID()));
  return out;
}

/** Hostile parameter names: bracket syntax, prototype keys, unknown names. Each is [raw name, decoded value]. */
export const QUERY_NAME_HOSTILES: Array<{ cls: string; label: string; raw: string }> = [
  { cls: 'query-name', label: 'unknown parameter', raw: 'fuzzExtra=1' },
  { cls: 'query-name', label: 'bracket array q[]=', raw: 'q%5B%5D=a' },
  { cls: 'query-name', label: 'bracket object q[a]=', raw: 'q%5Ba%5D=b' },
  { cls: 'proto-pollution', label: '__proto__[x]=1', raw: '__proto__%5Bx%5D=1' },
  { cls: 'proto-pollution', label: '__proto__=1', raw: '__proto__=1' },
  { cls: 'proto-pollution', label: 'constructor[prototype][x]=1', raw: 'constructor%5Bprototype%5D%5Bx%5D=1' },
  { cls: 'nul-byte', label: 'NUL in a parameter name', raw: 'a%00=1' },
];

/** Idempotency-Key values outside 1-255 visible characters (api.md), or odd on the wire. */
export function idempotencyKeyHostiles(): Hostile[] {
  const k = (label: string, value: string): Hostile => ({ cls: 'idempotency-key', label, value });
  return [
    k('empty', ''),
    k('spaces only', '   '),
    k('256 characters', 'k'.repeat(256)),
    k('8,000 characters', 'k'.repeat(8000)),
    k('Latin-1 bytes æøå', 'æøå'),
    k('raw UTF-8 bytes of an emoji', Buffer.from('🔑😀', 'utf8').toString('latin1')),
    k('%00 literally', '%00'),
    k('a tab inside', 'a\tb'),
    k('a comma (two keys)', 'a, b'),
    k('\\u00ff', '\u00ff'),
  ];
}

/** Hostile Authorization headers, sent without a valid token. */
export function authorizationHostiles(): Hostile[] {
  const a = (label: string, value: string): Hostile => ({ cls: 'hostile-token', label, value });
  return [
    a('Bearer and nothing', 'Bearer '),
    a('Bearer 8,000 chars', `Bearer ${'x'.repeat(8000)}`),
    a('Bearer a.b.c', 'Bearer a.b.c'),
    a('alg none', 'Bearer eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJzdWIiOiIwMDAwMDAwMC0wMDAwLTAwMDAtMDAwMC0wMDAwMDAwMDAwMDAiLCJyb2xlIjoiYWRtaW4ifQ.'),
    a('Basic', 'Basic YWRtaW46YWRtaW4='),
    a('Latin-1 bytes', 'Bearer æøå'),
  ];
}
