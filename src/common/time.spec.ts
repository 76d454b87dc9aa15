import { instantOfPlanWallClock, planDateOf, planZoneOffsetMs } from './time';

const wall = (iso: string) => instantOfPlanWallClock(Date.parse(`${iso}Z`))?.toISOString();
const HOUR = 60 * 60 * 1000;

describe('Danish wall-clock time', () => {
  it('reads a winter time as +01:00 and a summer time as +02:00', () => {
    expect(wall('2026-03-05T10:15:00')).toBe('2026-03-05T09:15:00.000Z');
    expect(wall('2026-06-30T23:30:00')).toBe('2026-06-30T21:30:00.000Z');
    expect(planZoneOffsetMs(Date.parse('2026-01-15T12:00:00Z'))).toBe(HOUR);
    expect(planZoneOffsetMs(Date.parse('2026-07-15T12:00:00Z'))).toBe(2 * HOUR);
  });

  it('finds no instant for a time the clocks skip when summer time starts (29 March 2026, 02:00-03:00)', () => {
    expect(wall('2026-03-29T02:30:00')).toBeUndefined();
    expect(wall('2026-03-29T02:00:00')).toBeUndefined();
    expect(wall('2026-03-29T01:59:59')).toBe('2026-03-29T00:59:59.000Z');
    expect(wall('2026-03-29T03:00:00')).toBe('2026-03-29T01:00:00.000Z');
  });

  it('takes the earlier of the two instants a time names when summer time ends (25 October 2026, 02:00-03:00 twice)', () => {
    expect(wall('2026-10-25T02:30:00')).toBe('2026-10-25T00:30:00.000Z');
    expect(wall('2026-10-25T01:59:00')).toBe('2026-10-24T23:59:00.000Z');
    expect(wall('2026-10-25T03:00:00')).toBe('2026-10-25T02:00:00.000Z');
  });

  it('keeps milliseconds', () => {
    expect(instantOfPlanWallClock(Date.parse('2026-03-05T10:15:00.250Z'))?.toISOString()).toBe('2026-03-05T09:15:00.250Z');
  });

  it('names the Danish calendar date of an instant, not the UTC one', () => {
    expect(planDateOf(new Date('2026-06-30T22:30:00Z'))).toBe('2026-07-01');
    expect(planDateOf(new Date('2026-06-30T21:59:59Z'))).toBe('2026-06-30');
    expect(planDateOf(new Date('2026-03-04T23:30:00Z'))).toBe('2026-03-05');
  });
});
