import { InvalidInput } from '../common/domain-errors';
import { canonicalJson, idempotencyKeyOf, requestFingerprint } from './idempotent-request';

describe('an Idempotency-Key', () => {
  it('is taken as sent when it is 1-255 visible characters', () => {
    expect(idempotencyKeyOf('3f2c1a9e-5b7d-4c8e-9f10-1a2b3c4d5e6f')).toBe('3f2c1a9e-5b7d-4c8e-9f10-1a2b3c4d5e6f');
    expect(idempotencyKeyOf('k'.repeat(255))).toHaveLength(255);
  });

  it.each([
    ['empty', ''],
    ['256 characters', 'k'.repeat(256)],
    ['a tab', 'a\tb'],
    ['two keys joined by a proxy', 'a, b'],
    ['Latin-1 letters', 'æøå'],
    ['a NUL', 'a\u0000b'],
  ])('is refused, naming the header, when it is %s', (_label, value) => {
    let error: unknown;
    try {
      idempotencyKeyOf(value);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InvalidInput);
    expect((error as InvalidInput).errors?.[0].field).toBe('Idempotency-Key');
    expect((error as InvalidInput).code).toBe('idempotency_key_invalid');
  });
});

describe('a request fingerprint', () => {
  it('is the same whatever order the body lists its fields in, at any depth', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } })).toBe('{"a":{"c":null,"d":[1,{"x":1,"y":2}]},"b":1}');
    expect(requestFingerprint('POST', '/api/v1/residents', { firstName: 'Helle', gender: 'female' })).toBe(
      requestFingerprint('post', '/api/v1/residents', { gender: 'female', firstName: 'Helle' }),
    );
  });

  it('differs for another value, another order of a list, another path or another method', () => {
    const base = requestFingerprint('POST', '/api/v1/counselling-cases/1/contacts', { channel: 'phone', tags: [1, 2] });
    expect(requestFingerprint('POST', '/api/v1/counselling-cases/1/contacts', { channel: 'email', tags: [1, 2] })).not.toBe(base);
    expect(requestFingerprint('POST', '/api/v1/counselling-cases/1/contacts', { channel: 'phone', tags: [2, 1] })).not.toBe(base);
    expect(requestFingerprint('POST', '/api/v1/counselling-cases/2/contacts', { channel: 'phone', tags: [1, 2] })).not.toBe(base);
    expect(requestFingerprint('PUT', '/api/v1/counselling-cases/1/contacts', { channel: 'phone', tags: [1, 2] })).not.toBe(base);
  });
});
