import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import type { Schema } from './openapi-operations';

/** JSON text placed into a body verbatim, for what JSON.stringify cannot write (1e400, -0, huge integers, deep nesting). */
export class RawJson {
  constructor(readonly text: string) {}
}

/** One hostile value and the input class it belongs to (how failures are grouped). */
export interface Hostile {
  cls: string;
  label: string;
  value: unknown;
}

export type FieldKind = 'string' | 'email' | 'date' | 'date-time' | 'uuid' | 'enum' | 'number' | 'integer' | 'boolean' | 'array' | 'object';

export function fieldKind(schema: Schema, name: string): FieldKind {
  if (schema.enum) return 'enum';
  if (schema.type === 'array') return 'array';
  if (schema.type === 'integer') return 'integer';
  if (schema.type === 'number') return 'number';
  if (schema.type === 'boolean') return 'boolean';
  if (schema.type === 'object' || schema.properties) return 'object';
  if (schema.format === 'uuid' || /Id$/.test(name)) return 'uuid';
  if (schema.format === 'date') return 'date';
  if (schema.format === 'date-time') return 'date-time';
  if (schema.format === 'email' || /email/i.test(name)) return 'email';
  return 'string';
}

const h = (cls: string, label: string, value: unknown): Hostile => ({ cls, label, value });

/** ~18 KB of nested arrays and ~15 KB of nested objects: recursion in parsers and validators. */
export const DEEP_ARRAYS = '['.repeat(9000) + ']'.repeat(9000);
export const DEEP_OBJECTS = '{"a":'.repeat(3000) + '1' + '}'.repeat(3000);

const STRINGY: FieldKind[] = ['string', 'email', 'date', 'date-time', 'uuid', 'enum'];
const NUMERIC: FieldKind[] = ['number', 'integer'];

export interface ValueContext {
  kind: FieldKind;
  /** The valid value the base body holds for this field. */
  base: unknown;
  /** Other real ids of the caller's plan, and one of another plan, for id fields. */
  otherOwnIds: string[];
  foreignId?: string;
}

/** The deterministic catalogue of hostile values for one field: every class that applies to its kind. */
export function hostileFieldValues(ctx: ValueContext): Hostile[] {
  const { kind } = ctx;
  const base = typeof ctx.base === 'string' ? ctx.base : 'fuzz';
  const out: Hostile[] = [h('null', 'null', null), h('deep-nesting', 'nested arrays ~18 KB', new RawJson(DEEP_ARRAYS)), h('deep-nesting', 'nested objects ~15 KB', new RawJson(DEEP_OBJECTS))];
  out.push(h('proto-pollution', '{"__proto__":…}', new RawJson('{"__proto__":{"polluted":true}}')), h('proto-pollution', '{"constructor":{"prototype":…}}', new RawJson('{"constructor":{"prototype":{"polluted":true}}}')));

  if (STRINGY.includes(kind)) {
    out.push(
      h('nul-byte', 'NUL appended', `${base}\u0000`),
      h('nul-byte', 'NUL alone', '\u0000'),
      h('nul-byte', 'NUL inside', `${base.slice(0, 1)}\u0000${base.slice(1)}`),
      h('lone-surrogate', 'lone high surrogate', '\uD800'),
      h('lone-surrogate', 'lone low surrogate appended', `${base}\uDFFF`),
      h('lone-surrogate', 'surrogate inside', `${base.slice(0, 1)}\uD83D${base.slice(1)}`),
      h('empty-string', 'empty', ''),
      h('whitespace-only', 'spaces', '   '),
      h('whitespace-only', 'tab/newline', '\t\n\r'),
      h('whitespace-only', 'unicode spaces', '\u00A0\u2003\u200B\uFEFF'),
      h('long-string', '10,000 chars', 'x'.repeat(10_000)),
      h('long-string', '300,000 chars (600 KB in UTF-8)', 'æ'.repeat(300_000)),
      h('number-for-string', '5e-324', 5e-324),
      h('number-for-string', '1e308', 1e308),
      h('number-for-string', '-1e308', -1e308),
      h('number-for-string', '0', 0),
      h('type-confusion', 'true', true),
      h('type-confusion', '{}', {}),
      h('type-confusion', '[value]', [ctx.base]),
      h('type-confusion', '{"$gt":""}', { $gt: '' }),
      h('prototype-key', '__proto__', '__proto__'),
      h('prototype-key', 'constructor', 'constructor'),
      h('prototype-key', 'toString', 'toString'),
      h('special-characters', 'SQL and LIKE metacharacters', "x' OR '1'='1'; --%_\\"),
      h('special-characters', 'RTL override, emoji, combining marks', '\u202Eevil😀\u0301\u0301\u0301'),
      h('special-characters', 'control characters', '\u0001\u0007\u001b[31m\u007f'),
    );
  }
  if (kind === 'email') {
    const [local, domain] = base.includes('@') ? base.split('@') : ['fuzz', 'example.dk'];
    out.push(
      h('lone-surrogate', 'surrogate e-mail local part', `\uD800@${domain}`),
      h('lone-surrogate', 'surrogate in local part', `${local}\uDC00@${domain}`),
      h('lone-surrogate', 'surrogate in domain', `${local}@ex\uD800ample.dk`),
      h('lone-surrogate', 'quoted surrogate local part', `"\uD800"@${domain}`),
      h('nul-byte', 'NUL in local part', `${local}\u0000@${domain}`),
      h('nul-byte', 'NUL in domain', `${local}@exa\u0000mple.dk`),
      h('long-string', '254+ chars e-mail', `${'a'.repeat(64)}@${'b'.repeat(250)}.dk`),
      h('special-characters', 'unicode e-mail', `ærø😀@exämple.dk`),
      h('special-characters', 'upper-case e-mail', base.toUpperCase()),
    );
  }
  if (kind === 'date') {
    for (const d of ['0001-01-01', '9999-12-31', '0000-01-01', '1899-12-31', '2200-01-01', '1970-01-01']) out.push(h('extreme-date', d, d));
    for (const d of ['-271821-04-20', '+275760-09-13', '2026-02-29', '2026-02-30', '2026-13-01', '2026-00-10', '2026-3-2', '20260302', '2026-03-02T10:00:00Z']) out.push(h('invalid-date', d, d));
  }
  if (kind === 'date-time') {
    for (const d of ['0001-01-01T00:00:00Z', '0001-01-01T00:00:00+14:00', '9999-12-31T23:59:59Z', '9999-12-31T23:59:59-14:00', '1970-01-01T00:00:00Z', '1899-12-31T23:59:59+01:00']) {
      out.push(h('extreme-date', d, d));
    }
    for (const d of ['-271821-04-20T00:00:00Z', '+275760-09-13T00:00:00Z', '2026-02-30T10:00:00Z', '2026-03-02T24:00:00Z', '2026-03-02T10:15:00+99:99', '2026-03-29T02:30', '2026-03-02', '2026-03-02T10:15:00.9999999+01:00']) {
      out.push(h('invalid-date', d, d));
    }
  }
  if (kind === 'uuid') {
    out.push(
      h('not-a-uuid', 'not-a-uuid', 'not-a-uuid'),
      h('not-a-uuid', 'uuid with braces', `{${base}}`),
      h('not-a-uuid', 'uuid with trailing space', `${base} `),
      h('random-id', 'nil uuid', '00000000-0000-0000-0000-000000000000'),
      h('random-id', 'max uuid', 'ffffffff-ffff-ffff-ffff-ffffffffffff'),
      h('random-id', 'random uuid', randomUUID()),
      h('random-id', 'upper-case real id', base.toUpperCase()),
    );
    if (ctx.foreignId) out.push(h('foreign-id', "another plan's real id", ctx.foreignId));
    for (const id of ctx.otherOwnIds) out.push(h('other-own-id', 'another real id of the plan (other compartment or kind)', id));
  }
  if (kind === 'enum') {
    out.push(h('enum-violation', 'not in enum', 'not_in_enum'), h('enum-violation', 'upper-case', base.toUpperCase()), h('enum-violation', 'trailing space', `${base} `));
  }
  if (NUMERIC.includes(kind)) {
    out.push(
      h('extreme-number', '5e-324', 5e-324),
      h('extreme-number', '-5e-324', -5e-324),
      h('extreme-number', '1e308', 1e308),
      h('extreme-number', '-1e308', -1e308),
      h('extreme-number', '1e400 (Infinity)', new RawJson('1e400')),
      h('extreme-number', '-1e400 (-Infinity)', new RawJson('-1e400')),
      h('extreme-number', '1e-400 (0)', new RawJson('1e-400')),
      h('extreme-number', '-0', new RawJson('-0')),
      h('extreme-number', '2^53+1', new RawJson('9007199254740993')),
      h('extreme-number', '30-digit integer', new RawJson('123456789012345678901234567890')),
      h('extreme-number', '2^31', 2 ** 31),
      h('extreme-number', '-2^31-1', -(2 ** 31) - 1),
      h('extreme-number', '-1', -1),
      h('extreme-number', '1.5', 1.5),
      h('extreme-number', '0.1 + 0.2', 0.1 + 0.2),
      h('string-for-number', '"1"', '1'),
      h('string-for-number', '"abc"', 'abc'),
      h('string-for-number', '""', ''),
      h('string-for-number', '"1e308"', '1e308'),
      h('nul-byte', '"1\\u0000"', '1\u0000'),
      h('type-confusion', 'true', true),
      h('type-confusion', '[]', []),
      h('type-confusion', '{}', {}),
    );
  }
  if (kind === 'boolean') {
    out.push(h('type-confusion', '"true"', 'true'), h('type-confusion', '1', 1), h('type-confusion', '"false"', 'false'), h('nul-byte', '"\\u0000"', '\u0000'), h('type-confusion', '[]', []));
  }
  if (kind === 'array') {
    const item = Array.isArray(ctx.base) && ctx.base.length ? ctx.base[0] : 'x';
    out.push(
      h('empty-array', '[]', []),
      h('type-confusion', '[null]', [null]),
      h('nul-byte', '["\\u0000"]', ['\u0000']),
      h('lone-surrogate', '["\\uD800"]', ['\uD800']),
      h('big-array', '10,000 items', Array.from({ length: 10_000 }, () => item)),
      h('big-array', '10,000 distinct items', Array.from({ length: 10_000 }, () => randomUUID())),
      h('type-confusion', 'nested [[item]]', [[item]]),
      h('type-confusion', 'object instead of array', { 0: item }),
      h('type-confusion', 'string instead of array', typeof item === 'string' ? item : 'x'),
      h('duplicate-items', 'same item twice', [item, item]),
      h('extreme-number', '[5e-324, 1e308]', [5e-324, 1e308]),
    );
  }
  if (kind === 'object') {
    out.push(h('type-confusion', '[]', []), h('type-confusion', '"string"', 'string'), h('type-confusion', '{}', {}));
  }
  return out;
}

/** Formats a date as YYYY-MM-DD, with a sign and six digits outside years 0-9999 (as toISOString does). */
function ymd(d: Date): string {
  const y = d.getUTCFullYear();
  const year = y < 0 ? `-${String(-y).padStart(6, '0')}` : y > 9999 ? `+${String(y).padStart(6, '0')}` : String(y).padStart(4, '0');
  return `${year}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
}

/** Characters that have broken things: NUL, both surrogate halves, BOM, RTL override; mixed into random Unicode. */
const hostileChar = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
  { weight: 1, arbitrary: fc.constantFrom('\u0000', '\uD800', '\uDBFF', '\uDC00', '\uDFFF', '\uFEFF', '\u202E', ' ', '%', '\\', "'") },
);
export const hostileString = fc.string({ unit: hostileChar, maxLength: 40 });
const anyDate = fc.date({ min: new Date(-8.64e15), max: new Date(8.64e15), noInvalidDate: true });
const offset = fc.constantFrom('Z', '+14:00', '-12:00', '+01:00', '+02:00');
export const hostileInstant = fc.tuple(anyDate, offset).map(([d, o]) => d.toISOString().replace('Z', o));
export const hostileDate = anyDate.map(ymd);

/** A random hostile value for a field of `kind`, for the generated (fast-check) part of the run. */
export function hostileValueArbitrary(kind: FieldKind): fc.Arbitrary<Hostile> {
  const catalogue = hostileFieldValues({ kind, base: 'fuzz', otherOwnIds: [] });
  const gen = (cls: string, arb: fc.Arbitrary<unknown>) => arb.map((value) => h(cls, 'generated', value));
  const common = [
    { weight: 2, arbitrary: fc.constantFrom(...catalogue) },
    { weight: 2, arbitrary: gen('random-string', hostileString) },
    { weight: 1, arbitrary: gen('random-number', fc.oneof(fc.double(), fc.integer({ min: -(2 ** 31) - 10, max: 2 ** 31 + 10 }), fc.bigInt().map((b) => new RawJson(String(b))))) },
    { weight: 1, arbitrary: gen('random-json', fc.jsonValue({ maxDepth: 3 })) },
  ];
  if (kind === 'date') common.push({ weight: 3, arbitrary: gen('random-date', hostileDate) });
  if (kind === 'date-time') common.push({ weight: 3, arbitrary: gen('random-date', hostileInstant) });
  if (kind === 'uuid') common.push({ weight: 2, arbitrary: gen('random-id', fc.uuid()) });
  return fc.oneof(...common);
}

/** The value a base64url cursor of this API decodes to is `{at, id}`; these forge it. */
export function forgedCursors(realId: string): Hostile[] {
  const b64 = (v: unknown) => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');
  const c = (label: string, v: unknown, cls = 'forged-cursor') => h(cls, label, b64(v));
  return [
    c('at year -271821', { at: '-271821-04-20T00:00:00.000Z', id: realId }),
    c('at year +275760', { at: '+275760-09-13T00:00:00.000Z', id: realId }),
    c('at year 1', { at: '0001-01-01T00:00:00.000Z', id: realId }),
    c('at year 9999', { at: '9999-12-31T23:59:59.999Z', id: realId }),
    c('at "1" (Date.parse: 2001)', { at: '1', id: realId }),
    c('at "2026" (a bare year)', { at: '2026', id: realId }),
    c('at "Tue, 01 Jan 2030 00:00:00 GMT"', { at: 'Tue, 01 Jan 2030 00:00:00 GMT', id: realId }),
    c('at with NUL', { at: '2026-01-01T00:00:00.000Z\u0000', id: realId }, 'nul-byte'),
    c('id with NUL', { at: '2026-01-01T00:00:00.000Z', id: `${realId}\u0000` }, 'nul-byte'),
    c('id not a uuid', { at: '2026-01-01T00:00:00.000Z', id: 'not-a-uuid' }),
    c('id a lone surrogate', { at: '2026-01-01T00:00:00.000Z', id: '\uD800' }, 'lone-surrogate'),
    c('id 10,000 chars', { at: '2026-01-01T00:00:00.000Z', id: 'x'.repeat(10_000) }),
    c('at a number', { at: 1e308, id: realId }),
    c('at an array', { at: ['2026-01-01T00:00:00Z'], id: realId }),
    c('JSON null', null),
    c('JSON array', [1, 2]),
    c('JSON string', '"x"'),
    c('__proto__', '{"__proto__":{"at":"2026-01-01T00:00:00Z","id":"x"}}'),
    c('deep nesting', DEEP_ARRAYS.slice(0, 4000) + DEEP_ARRAYS.slice(-4000)),
    h('forged-cursor', 'not base64', '!!!***'),
    h('nul-byte', 'a NUL as the cursor', '\u0000'),
    h('forged-cursor', 'empty', ''),
  ];
}

/** A random forged cursor: random instants (any year a Date can hold) and random ids. */
export const forgedCursorArbitrary = fc
  .record({ at: fc.oneof(hostileInstant, hostileString), id: fc.oneof(fc.uuid(), hostileString) })
  .map((v) => h('forged-cursor', 'generated', Buffer.from(JSON.stringify(v)).toString('base64url')));
