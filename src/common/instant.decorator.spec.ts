import { parseInstant } from './instant.decorator';

const iso = (value: string) => parseInstant(value)?.toISOString();

describe('reading an instant from the API', () => {
  it('takes an offset or Z as given', () => {
    expect(iso('2026-03-05T10:15:00+01:00')).toBe('2026-03-05T09:15:00.000Z');
    expect(iso('2026-03-05T10:15Z')).toBe('2026-03-05T10:15:00.000Z');
  });

  it('reads a time without an offset as Danish time, to the millisecond', () => {
    expect(iso('2026-03-05T10:15')).toBe('2026-03-05T09:15:00.000Z');
    expect(iso('2026-07-01T00:05:30.25')).toBe('2026-06-30T22:05:30.250Z');
  });

  it('refuses a Danish time the clocks skip, and takes the earlier of one they show twice', () => {
    expect(parseInstant('2026-03-29T02:30')).toBeUndefined();
    expect(iso('2026-10-25T02:30')).toBe('2026-10-25T00:30:00.000Z');
  });

  it('still refuses what is not a real time, with or without an offset', () => {
    for (const value of ['2026-02-30T10:00', '2026-03-02T24:00', '2026-03-02', '2026-03-02T10:15:00+99:99', '1899-12-31T23:59']) {
      expect({ value, at: parseInstant(value) }).toEqual({ value, at: undefined });
    }
  });
});
