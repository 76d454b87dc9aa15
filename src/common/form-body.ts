import type { Readable } from 'node:stream';
import { InvalidInput, PayloadTooLarge } from './domain-errors';
import { assertUtf8, UnsupportedEncoding } from './json-body';

/**
 * HTML form posts (application/x-www-form-urlencoded) are read only where someone else's page or
 * server cannot send JSON: the SAML POST binding's ACS, and the OpenID Connect back-channel logout
 * an OpenID Provider posts (its spec's encoding). Such a route says so
 * with `@RouteConfig(FORM_BODY_ROUTE)`; everywhere else a form is 415 before a byte of it is read,
 * and on such a route a JSON body is 415 too.
 */
export const FORM_BODY_ROUTE = { formBody: true } as const;

/** A SAML Response with an encrypted assertion and a long privilege list is tens of KB; base64 adds a third. */
export const FORM_BODY_LIMIT_BYTES = 256 * 1024;

export function acceptsFormBody(routeConfig: unknown): boolean {
  return (routeConfig as { formBody?: unknown } | undefined)?.formBody === true;
}

export function refuseFormBody(): UnsupportedEncoding {
  return new UnsupportedEncoding('Send the body as application/json');
}

export function refuseJsonBody(): UnsupportedEncoding {
  return new UnsupportedEncoding('This route takes an HTML form post (application/x-www-form-urlencoded)');
}

/** Reads the body, stopping at `limit` bytes (declared or received) with 413. */
export async function readBounded(stream: Readable, declaredLength: string | undefined, limit = FORM_BODY_LIMIT_BYTES): Promise<Buffer> {
  const tooLarge = () => new PayloadTooLarge('The request body is larger than this route accepts');
  if (Number(declaredLength) > limit) throw tooLarge();
  const chunks: Buffer[] = [];
  let received = 0;
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    received += buffer.length;
    if (received > limit) {
      stream.destroy();
      throw tooLarge();
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

/**
 * A form body as name → value, parsed by URLSearchParams (WHATWG). A name sent twice is refused:
 * which of the two a reader takes differs between parsers, which is how a check is got around.
 */
export function parseFormBody(raw: Buffer, contentType: string | undefined): Record<string, string> {
  assertUtf8(contentType);
  const fields: Record<string, string> = Object.create(null);
  for (const [name, value] of new URLSearchParams(raw.toString('utf8'))) {
    if (Object.hasOwn(fields, name)) throw new InvalidInput([{ field: name, message: 'is sent more than once' }], 'malformed_body');
    fields[name] = value;
  }
  // A plain object from here on, so that validation and DTOs see what a JSON body would give.
  return { ...fields };
}
