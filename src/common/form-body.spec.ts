import { Readable } from 'node:stream';
import type { DomainError } from './domain-errors';
import { acceptsFormBody, parseFormBody, readBounded } from './form-body';

const FORM = 'application/x-www-form-urlencoded';

async function refusal(work: () => unknown): Promise<[number, string] | undefined> {
  try {
    await work();
  } catch (error) {
    return [(error as DomainError).status, (error as DomainError).code];
  }
  return undefined;
}

describe('HTML form bodies (the SAML ACS)', () => {
  it('reads names and values as URLSearchParams does, including + and percent-encoding', () => {
    expect(parseFormBody(Buffer.from('SAMLResponse=PHg%2B+&RelayState=abc'), FORM)).toEqual({ SAMLResponse: 'PHg+ ', RelayState: 'abc' });
  });

  it('refuses a name sent twice, which parsers disagree about', async () => {
    expect(await refusal(() => parseFormBody(Buffer.from('RelayState=a&RelayState=b'), FORM))).toEqual([400, 'malformed_body']);
  });

  it('refuses a body declared in another charset', async () => {
    expect(await refusal(() => parseFormBody(Buffer.from('a=b'), `${FORM}; charset=iso-8859-1`))).toEqual([415, 'unsupported_media_type']);
  });

  it('keeps a field called __proto__ a field, not a prototype', () => {
    const parsed = parseFormBody(Buffer.from('__proto__=x&a=b'), FORM);
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
    expect(Object.keys(parsed)).toEqual(['__proto__', 'a']);
  });

  it('stops reading at the limit, whether declared or received', async () => {
    expect(await refusal(() => readBounded(Readable.from([Buffer.alloc(10)]), '11', 10))).toEqual([413, 'payload_too_large']);
    expect(await refusal(() => readBounded(Readable.from([Buffer.alloc(6), Buffer.alloc(6)]), undefined, 10))).toEqual([413, 'payload_too_large']);
    expect((await readBounded(Readable.from([Buffer.from('a=b')]), '3', 10)).toString()).toBe('a=b');
  });

  it('is accepted only on routes that declare it', () => {
    expect(acceptsFormBody({ formBody: true })).toBe(true);
    expect(acceptsFormBody({})).toBe(false);
    expect(acceptsFormBody(undefined)).toBe(false);
  });
});
