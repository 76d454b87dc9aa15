import { readableFailure } from './job-failures';
import { dailySlot } from './schedules';

describe('the daily run that is due', () => {
  it('is today from 05:00 Danish time, and yesterday before it', () => {
    expect(dailySlot(new Date('2026-11-23T04:00:00Z'), '05:00')).toBe('2026-11-23'); // 05:00 in winter (UTC+1)
    expect(dailySlot(new Date('2026-11-23T03:59:00Z'), '05:00')).toBe('2026-11-22');
    expect(dailySlot(new Date('2026-06-15T03:00:00Z'), '05:00')).toBe('2026-06-15'); // 05:00 in summer (UTC+2)
    expect(dailySlot(new Date('2026-06-15T02:59:00Z'), '05:00')).toBe('2026-06-14');
  });

  it('is the latest missed run when no worker ran for days, and the day before at a new year', () => {
    expect(dailySlot(new Date('2027-01-01T01:00:00Z'), '05:00')).toBe('2026-12-31');
  });
});

describe('the reason a job was given up on', () => {
  it('names infrastructure failures in words a leader can pass on, and keeps the work’s own message', () => {
    expect(readableFailure('job stalled more than allowable limit')).toMatch(/stopped unexpectedly twice/);
    expect(readableFailure('Connection terminated unexpectedly')).toMatch(/database could not be reached/);
    expect(readableFailure('connect ECONNREFUSED 127.0.0.1:5432')).toMatch(/database could not be reached/);
    expect(readableFailure('the report was requested in format 999')).toBe('the report was requested in format 999');
  });
});
