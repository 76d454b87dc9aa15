import { DomainError, InvalidInput } from './domain-errors';

/** 415: a body in an encoding this API does not read (JSON is UTF-8, RFC 8259). */
export class UnsupportedEncoding extends DomainError {
  readonly status = 415;
  readonly title = 'Unsupported media type';
  protected readonly defaultCode = 'unsupported_media_type';
}

/** JSON bodies are read as UTF-8; a body declared in another charset is refused rather than misread. */
export function assertUtf8(contentType: string | undefined): void {
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType ?? '')?.[1];
  if (charset && !/^utf-?8$/i.test(charset)) throw new UnsupportedEncoding('Send the body as application/json in UTF-8');
}

/**
 * A body is read as sent: no decompression (a gzip bomb of a few KB would unpack past every limit
 * here, and Fastify would otherwise hand the compressed bytes to JSON.parse). Any coding but
 * `identity`, alone or in a list, is 415 with `Accept-Encoding: identity` (RFC 9110 §15.5.16),
 * before the body or the token is read.
 */
export function refusedContentEncoding(header: string | string[] | undefined): UnsupportedEncoding | undefined {
  if (header === undefined) return undefined;
  const codings = ([] as string[]).concat(header).flatMap((h) => h.split(',')).map((c) => c.trim().toLowerCase()).filter(Boolean);
  if (codings.every((c) => c === 'identity')) return undefined;
  return new UnsupportedEncoding('Send the body uncompressed (Content-Encoding: identity, or none)', { code: 'unsupported_content_encoding' });
}

export const ACCEPTED_CONTENT_ENCODING = 'identity';

/**
 * Limits on request bodies, checked before any parsing work. The largest body this API takes
 * (a 4,000-character note with its fields) is a few KB; a megabyte of nested arrays is an
 * attack, and parsing and validating it would hold the event loop for everyone else.
 */
export const JSON_BODY_LIMIT_BYTES = 64 * 1024;
/** The deepest a real body nests is three levels (an array of objects in an object). */
export const JSON_MAX_DEPTH = 16;

/**
 * The deepest nesting of arrays and objects in a JSON text, found in one pass without parsing
 * (brackets inside strings do not count). Stops counting once `limit` is passed.
 */
export function jsonNestingDepth(text: string, limit = Infinity): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i += 1;
      else if (c === 0x22 /* " */) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
      depth += 1;
      if (depth > deepest) deepest = depth;
      if (deepest > limit) return deepest;
    } else if (c === 0x5d /* ] */ || c === 0x7d /* } */) {
      depth -= 1;
    }
  }
  return deepest;
}

/**
 * Parses a JSON request body for the API: bounded depth, and an object at the top (every body
 * this API takes is one; `null`, arrays and bare values are refused with 400, naming the body).
 * `parse` is Fastify's own parser, which also refuses `__proto__` keys.
 */
export function parseJsonBody(raw: Buffer | string, parse: (text: string) => unknown): unknown {
  const text = typeof raw === 'string' ? raw : raw.toString('utf8');
  if (text.trim() === '') {
    throw new InvalidInput([{ field: 'body', message: 'the request body is empty; send a JSON object' }], 'malformed_body');
  }
  if (jsonNestingDepth(text, JSON_MAX_DEPTH) > JSON_MAX_DEPTH) {
    throw new InvalidInput([{ field: 'body', message: `the request body nests deeper than ${JSON_MAX_DEPTH} levels` }], 'body_too_deep');
  }
  let value: unknown;
  try {
    value = parse(text);
  } catch {
    throw new InvalidInput([{ field: 'body', message: 'the request body is not valid JSON' }], 'malformed_body');
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new InvalidInput([{ field: 'body', message: 'the request body must be a JSON object' }], 'body_not_object');
  }
  return value;
}
