import { randomBytes } from 'node:crypto';
import { kindOfName, realId, type FixtureWorld } from './fixture-world';
import type { Schema } from './openapi-operations';

const FALLBACK_UUID = '3f2b8c1e-7d4a-4e9b-9a6f-0c5d2e8b1a47';

export interface BaseContext {
  world: FixtureWorld;
  role?: string;
}

/**
 * A valid value for a schema, as a client following the document would send it: the example,
 * else an enum member, else one built from the format; id fields point at real objects of the
 * caller's plan, so a hostile value in one field meets otherwise valid input.
 */
export function baseValue(schema: Schema, name: string, ctx: BaseContext): unknown {
  if (schema.enum?.length) return schema.example !== undefined && schema.enum.includes(schema.example) ? schema.example : schema.enum[0];
  if (schema.type === 'array') {
    if (Array.isArray(schema.example)) return schema.example;
    const item = schema.items ? baseValue(schema.items, name, ctx) : 'x';
    return [item];
  }
  if (schema.type === 'object' || schema.properties) {
    return Object.fromEntries(Object.entries(schema.properties ?? {}).map(([k, s]) => [k, baseValue(s, k, ctx)]));
  }
  if (schema.type === 'boolean') return typeof schema.default === 'boolean' ? schema.default : false;
  if (schema.type === 'number' || schema.type === 'integer') {
    if (typeof schema.example === 'number') return schema.example;
    if (typeof schema.default === 'number') return schema.default;
    return schema.minimum ?? 1;
  }
  // Strings.
  if (schema.format === 'uuid' || /Ids?$/.test(name)) {
    const kind = kindOfName(name, ctx.world) ?? name;
    return realId(ctx.world, kind, ctx.role) ?? FALLBACK_UUID;
  }
  if (/email/i.test(name)) {
    // Unique, so creating a user twice is not refused as a duplicate before the hostile field is looked at.
    const example = typeof schema.example === 'string' ? schema.example : 'fuzz@example.dk';
    return example.replace('@', `+${randomBytes(3).toString('hex')}@`);
  }
  // A resident's last name and phone unique too, so registering one is not refused as a possible
  // duplicate of the fixture world's Helle (or of the last request) before the hostile field is looked at.
  if (name === 'lastName' && typeof schema.example === 'string') return `${schema.example}-${uniqueLetters()}`;
  if (name === 'phone' && typeof schema.example === 'string') return `+45 ${String(randomBytes(4).readUInt32BE() % 90_000_000 + 10_000_000)}`;
  if (schema.example !== undefined) return schema.example;
  if (schema.default !== undefined) return schema.default;
  if (schema.format === 'date') return '2026-03-02';
  if (schema.format === 'date-time') return '2026-03-02T10:15:00+01:00';
  const min = schema.minLength ?? 1;
  return 'Fuzz tekst'.padEnd(min, 'x');
}

function uniqueLetters(): string {
  return [...randomBytes(6)].map((b) => String.fromCharCode(97 + (b % 26))).join('');
}

/** The base request body of an operation: every documented property with a valid value. */
export function baseBody(schema: Schema | undefined, ctx: BaseContext): Record<string, unknown> | undefined {
  if (!schema) return undefined;
  const value = baseValue(schema, 'body', ctx);
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}
