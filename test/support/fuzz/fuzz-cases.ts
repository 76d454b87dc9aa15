import { createHash, randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { baseBody, baseValue } from './base-body';
import { kindOfName, kindOfPathParam, realId, type FixtureWorld, type FuzzCaller } from './fixture-world';
import { fieldKind, forgedCursorArbitrary, hostileFieldValues, hostileString, hostileValueArbitrary, RawJson, type Hostile } from './hostile-values';
import type { Operation, Schema } from './openapi-operations';
import { authorizationHostiles, idempotencyKeyHostiles, pathHostiles, QUERY_NAME_HOSTILES, queryHostiles, RawUrl, wholeBodyHostiles } from './request-hostiles';
import type { FuzzRequest } from './runner';

/**
 * How hard one caller is fuzzed on one operation: `full` (the first role the operation lets
 * past its role check: every catalogue value), `sampled` (other permitted roles: one value of
 * each class per field), `refused` (401/403 at the base request: a small sample, since the
 * request should stop at the guard), `anonymous` (refused, plus every whole-body and token class).
 */
export type Tier = 'full' | 'sampled' | 'refused' | 'anonymous';

export interface CaseContext {
  op: Operation;
  caller: FuzzCaller;
  world: FixtureWorld;
  tier: Tier;
  /** How many generated (fast-check) requests for a `full` caller; others get fewer. */
  runs: number;
  seed: number;
  /** The operation's place in the document: rotates which sample values it gets. */
  opIndex: number;
  /** Query parameter names of the whole document, tried on operations that do not declare them. */
  allQueryNames: string[];
}

// ---------------------------------------------------------------------------------------------
// Encoding

/** JSON text of a body, with RawJson values placed verbatim. */
export function serialize(value: unknown): string {
  const raws: string[] = [];
  const text = JSON.stringify(value, (_k, v: unknown) => {
    if (v instanceof RawJson) {
      raws.push(v.text);
      return `__FUZZ_RAW_${raws.length - 1}__`;
    }
    return v;
  });
  return raws.reduce((t, raw, i) => t.replace(`"__FUZZ_RAW_${i}__"`, () => raw), text ?? '');
}

/** Percent-encodes like encodeURIComponent, but writes a lone surrogate as its (invalid) UTF-8 bytes instead of throwing. */
export function percentEncode(value: string): string {
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    const next = value.charCodeAt(i + 1);
    if (c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      out += encodeURIComponent(value[i] + value[i + 1]);
      i++;
    } else if (c >= 0xd800 && c <= 0xdfff) {
      out += [0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f)].map((b) => `%${b.toString(16).toUpperCase()}`).join('');
    } else {
      out += encodeURIComponent(value[i]);
    }
  }
  return out;
}

function queryPart(name: string, value: unknown): string {
  if (Array.isArray(value)) return value.map((v) => queryPart(name, v)).join('&');
  if (value instanceof RawUrl) return `${percentEncode(name)}=${value.text}`;
  return `${percentEncode(name)}=${percentEncode(String(value))}`;
}

function withQuery(path: string, parts: string[]): string {
  const q = parts.filter(Boolean).join('&');
  return q ? `${path}?${q}` : path;
}

// ---------------------------------------------------------------------------------------------
// Base request

function pathParamKind(ctx: CaseContext, name: string): string {
  return kindOfPathParam(ctx.op.path, name, ctx.world);
}

/** Real values for the path parameters: ids of the caller's plan. */
export function basePathValues(ctx: CaseContext): Record<string, string> {
  const values: Record<string, string> = {};
  for (const p of ctx.op.parameters.filter((x) => x.in === 'path')) {
    const id = realId(ctx.world, pathParamKind(ctx, p.name), ctx.caller.role);
    const fromSchema = p.schema.example ?? p.schema.enum?.[0];
    values[p.name] = id ?? (fromSchema !== undefined ? percentEncode(String(fromSchema)) : randomUUID());
  }
  return values;
}

function fillPath(template: string, values: Record<string, string>): string {
  return template.replace(/\{([^}]+)\}/g, (_, name: string) => values[name] ?? randomUUID());
}

/** Required query parameters with valid values; optional ones are left out of the base request. */
function baseQuery(ctx: CaseContext): Array<[string, unknown]> {
  return ctx.op.parameters.filter((p) => p.in === 'query' && p.required).map((p) => [p.name, baseValue(p.schema, p.name, { world: ctx.world, role: ctx.caller.role })]);
}

export interface BaseRequest {
  path: string;
  query: Array<[string, unknown]>;
  body?: Record<string, unknown>;
  request: FuzzRequest;
}

export function baseRequest(ctx: CaseContext): BaseRequest {
  const path = fillPath(ctx.op.path, basePathValues(ctx));
  const query = baseQuery(ctx);
  const body = baseBody(ctx.op.body, { world: ctx.world, role: ctx.caller.role });
  const request: FuzzRequest = {
    op: ctx.op.key,
    caller: ctx.caller.name,
    cls: 'base',
    label: 'valid request',
    where: '-',
    method: ctx.op.method,
    url: withQuery(path, query.map(([n, v]) => queryPart(n, v))),
    headers: ctx.caller.token ? { authorization: `Bearer ${ctx.caller.token}` } : {},
    body: body !== undefined ? serialize(body) : undefined,
  };
  return { path, query, body, request };
}

// ---------------------------------------------------------------------------------------------
// Field paths of a body schema (nested objects and arrays of objects, two levels deep)

interface FieldPath {
  path: Array<string | number>;
  name: string;
  schema: Schema;
  required: boolean;
}

function fieldPaths(schema: Schema | undefined, prefix: Array<string | number> = [], depth = 0): FieldPath[] {
  if (!schema?.properties || depth > 2) return [];
  const out: FieldPath[] = [];
  for (const [name, s] of Object.entries(schema.properties)) {
    const path = [...prefix, name];
    out.push({ path, name, schema: s, required: schema.required?.includes(name) ?? false });
    if (s.properties) out.push(...fieldPaths(s, path, depth + 1));
    if (s.type === 'array' && s.items?.properties) out.push(...fieldPaths(s.items, [...path, 0], depth + 1));
  }
  return out;
}

const wherePath = (path: Array<string | number>) => 'body' + path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('');

function setAt(body: Record<string, unknown>, path: Array<string | number>, value: unknown, remove = false): Record<string, unknown> {
  const copy = structuredClone(body);
  let node: Record<string | number, unknown> = copy;
  for (const key of path.slice(0, -1)) {
    if (node[key] === null || typeof node[key] !== 'object') node[key] = typeof key === 'number' ? [] : {};
    node = node[key] as Record<string | number, unknown>;
  }
  const last = path[path.length - 1];
  if (remove) delete node[last];
  else node[last] = value;
  return copy;
}

/** Keeps one value of each class, rotating which one by `offset` so different callers meet different values. */
function onePerClass<T extends { cls: string }>(values: T[], offset: number): T[] {
  const byClass = new Map<string, T[]>();
  for (const v of values) byClass.set(v.cls, [...(byClass.get(v.cls) ?? []), v]);
  return [...byClass.values()].map((vs) => vs[offset % vs.length]);
}

function seedFor(ctx: CaseContext): number {
  return createHash('sha256').update(`${ctx.seed}|${ctx.op.key}|${ctx.caller.name}`).digest().readInt32LE(0);
}

// ---------------------------------------------------------------------------------------------
// The cases

/** Every hostile request for one caller on one operation, after its base request. */
export function* fuzzCases(ctx: CaseContext, base: BaseRequest, offset: number): Generator<FuzzRequest> {
  const { op, world, tier } = ctx;
  const req = (cls: string, label: string, where: string, over: Partial<FuzzRequest>): FuzzRequest => ({ ...base.request, cls, label, where, ...over });
  const pick = (values: Hostile[]) => (tier === 'full' ? values : tier === 'sampled' ? onePerClass(values, offset) : onePerClass(values, offset).slice(0, 3));
  const query = base.query.map(([n, v]) => queryPart(n, v));
  const hasBody = op.body !== undefined || ['POST', 'PUT', 'PATCH'].includes(op.method);

  // Body fields, one at a time; missing required fields.
  if (base.body && (tier === 'full' || tier === 'sampled')) {
    for (const field of fieldPaths(op.body)) {
      const kind = fieldKind(field.schema, field.name);
      const idKind = kindOfName(field.name, world);
      const own = idKind ? (world.own.get(idKind) ?? []) : [];
      const baseAt = field.path.reduce<unknown>((node, key) => (node as Record<string | number, unknown> | undefined)?.[key], base.body);
      const values = hostileFieldValues({ kind, base: baseAt, otherOwnIds: own.filter((id) => id !== baseAt), foreignId: idKind ? world.foreign.get(idKind)?.[0] : undefined });
      for (const v of pick(values)) {
        yield req(v.cls, v.label, wherePath(field.path), { body: serialize(setAt(base.body, field.path, v.value)) });
      }
      if (field.required) yield req('missing-required', 'left out', wherePath(field.path), { body: serialize(setAt(base.body, field.path, undefined, true)) });
    }
  }

  // The whole body.
  if (hasBody) {
    const all = wholeBodyHostiles(base.body, { foreignPlanId: world.foreign.get('plan')?.[0] });
    const bigOrDeep = (b: { cls: string }) => b.cls === 'deep-nesting' || b.cls === 'huge-body';
    const chosen =
      tier === 'full' || tier === 'sampled'
        ? all
        : tier === 'anonymous'
          ? // Without a token: every deep and huge body (refused before any guard), one of each other class.
            [...all.filter(bigOrDeep), ...onePerClass(all.filter((b) => !bigOrDeep(b)), offset + ctx.opIndex)]
          : all.filter((b) => ['null', 'unterminated', 'nested arrays ~18 KB'].includes(b.label));
    for (const b of chosen) yield req(b.cls, b.label, 'body', { body: b.body, contentType: b.contentType, slowMs: b.slowMs });
  }

  // Path parameters, one at a time; the others stay real.
  const pathValues = basePathValues(ctx);
  for (const p of op.parameters.filter((x) => x.in === 'path')) {
    const kind = pathParamKind(ctx, p.name);
    const values = pathHostiles(pathValues[p.name], world.foreign.get(kind)?.[0], (world.own.get(kind) ?? []).filter((id) => id !== pathValues[p.name]));
    const chosen = tier === 'full' ? values : onePerClass(values, offset + ctx.opIndex);
    for (const v of chosen) {
      yield req(v.cls, v.label, `path.${p.name}`, { url: withQuery(fillPath(op.path, { ...pathValues, [p.name]: String(v.value) }), query) });
    }
  }

  // Query parameters, one at a time.
  for (const p of op.parameters.filter((x) => x.in === 'query')) {
    const kind = kindOfName(p.name, world);
    const values = queryHostiles(p, kind ? realId(world, kind, ctx.caller.role) : undefined, kind ? world.foreign.get(kind)?.[0] : undefined);
    const others = base.query.filter(([n]) => n !== p.name).map(([n, v]) => queryPart(n, v));
    for (const v of tier === 'full' ? values : pick(values.filter((x) => x.cls === 'nul-byte' || x.cls === 'forged-cursor' || tier === 'sampled'))) {
      yield req(v.cls, v.label, `query.${p.name}`, { url: withQuery(base.path, [...others, queryPart(p.name, v.value)]) });
    }
  }
  if (tier === 'full' && op.method === 'GET') {
    for (const n of QUERY_NAME_HOSTILES) yield req(n.cls, n.label, 'query-name', { url: withQuery(base.path, [...query, n.raw]) });
    // Parameters other operations declare, with a NUL: an undocumented parameter this route still reads would show here.
    const declared = new Set(op.parameters.map((p) => p.name));
    for (const name of ctx.allQueryNames.filter((n) => !declared.has(n))) {
      yield req('nul-byte', `undeclared parameter ${name}`, `query.${name}`, { url: withQuery(base.path, [...query, queryPart(name, 'a\u0000b')]) });
    }
  }

  // Headers.
  if (op.method === 'POST') {
    const keys = idempotencyKeyHostiles();
    for (const k of tier === 'full' || tier === 'sampled' ? keys : keys.slice(0, 2)) {
      yield req(k.cls, k.label, 'header.Idempotency-Key', { headers: { ...base.request.headers, 'idempotency-key': String(k.value) } });
    }
    if (tier === 'full' && base.body) {
      // The same key again with a hostile body: a refusal, and nothing written.
      const key = `fuzz-${randomUUID()}`;
      const headers = { ...base.request.headers, 'idempotency-key': key };
      yield req('idempotency-key', 'valid key, first use', 'header.Idempotency-Key', { headers });
      yield req('idempotency-key', 'same key, body with a NUL', 'header.Idempotency-Key', { headers, body: serialize({ ...base.body, fuzzExtra: '\u0000' }) });
      yield req('idempotency-key', 'same key, null body', 'header.Idempotency-Key', { headers, body: 'null' });
    }
  }
  if (tier === 'anonymous') {
    const tokens = authorizationHostiles();
    for (const a of [0, 1].map((i) => tokens[(ctx.opIndex * 2 + i) % tokens.length])) yield req(a.cls, a.label, 'header.Authorization', { headers: { authorization: String(a.value) } });
  }

  // Generated (fast-check, fixed seed): several fields at once, random bodies, random query and path values.
  const runs = tier === 'full' ? ctx.runs : tier === 'sampled' ? Math.ceil(ctx.runs / 2) : Math.min(2, ctx.runs);
  const fields = base.body ? fieldPaths(op.body) : [];
  const queryParams = op.parameters.filter((p) => p.in === 'query');
  const pathParams = op.parameters.filter((p) => p.in === 'path');
  const choices: Array<fc.Arbitrary<FuzzRequest>> = [];
  if (fields.length && base.body) {
    const body = base.body;
    const mutation = fc.constantFrom(...fields).chain((f) => hostileValueArbitrary(fieldKind(f.schema, f.name)).map((v) => ({ f, v })));
    choices.push(
      fc.array(mutation, { minLength: 1, maxLength: 3 }).map((ms) =>
        req(ms.length === 1 ? ms[0].v.cls : 'generated-fields', ms.map((m) => `${m.v.label} ${m.v.cls}`).join(', '), ms.map((m) => wherePath(m.f.path)).join(' + '), {
          body: serialize(ms.reduce((b, m) => setAt(b, m.f.path, m.v.value), body)),
        }),
      ),
    );
  }
  if (hasBody) choices.push(fc.jsonValue({ maxDepth: 4 }).map((v) => req('generated-body', 'generated', 'body', { body: serialize(v) })));
  if (queryParams.length) {
    const value = fc.oneof(hostileString, forgedCursorArbitrary.map((h) => h.value as string));
    choices.push(
      fc.tuple(fc.constantFrom(...queryParams), value).map(([p, v]) =>
        req(p.name === 'cursor' ? 'forged-cursor' : 'generated-query', 'generated', `query.${p.name}`, { url: withQuery(base.path, [...query.filter((q) => !q.startsWith(`${p.name}=`)), queryPart(p.name, v)]) }),
      ),
    );
  }
  if (pathParams.length) {
    choices.push(
      fc.tuple(fc.constantFrom(...pathParams), hostileString).map(([p, v]) =>
        req('generated-path', 'generated', `path.${p.name}`, { url: withQuery(fillPath(op.path, { ...pathValues, [p.name]: percentEncode(v) || '%20' }), query) }),
      ),
    );
  }
  if (choices.length && runs > 0) yield* fc.sample(fc.oneof(...choices), { seed: seedFor(ctx), numRuns: runs });
}
