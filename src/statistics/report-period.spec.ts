import { localMidnightIso } from '../common/time';
import { halfYearOf, periodDates, periodState, previousHalfYear } from './report-period';

describe('half-year periods in Danish time', () => {
  it('puts 23:30 on 30 June (summer time) in H1 and 00:15 on 1 July in H2', () => {
    expect(halfYearOf(new Date('2026-06-30T23:30:00+02:00'))).toEqual({ year: 2026, half: 1 });
    expect(halfYearOf(new Date('2026-07-01T00:15:00+02:00'))).toEqual({ year: 2026, half: 2 });
  });

  it('puts New Year\'s Eve 23:59 Danish time in H2 even though it is already 1 January nowhere else', () => {
    expect(halfYearOf(new Date('2026-12-31T22:59:00Z'))).toEqual({ year: 2026, half: 2 });
    expect(halfYearOf(new Date('2026-12-31T23:01:00Z'))).toEqual({ year: 2027, half: 1 });
  });

  it('runs H1 from 1 January to 1 July and H2 to the next 1 January, with the offsets of winter and summer time', () => {
    expect(periodDates({ year: 2026, half: 1 })).toEqual({ fromDate: '2026-01-01', toDate: '2026-07-01' });
    expect(periodDates({ year: 2026, half: 2 })).toEqual({ fromDate: '2026-07-01', toDate: '2027-01-01' });
    expect(localMidnightIso('2026-01-01')).toBe('2026-01-01T00:00:00+01:00');
    expect(localMidnightIso('2026-07-01')).toBe('2026-07-01T00:00:00+02:00');
  });

  it('computes the previous half-year on 1 January and 1 July', () => {
    expect(previousHalfYear(new Date('2027-01-01T00:05:00+01:00'))).toEqual({ year: 2026, half: 2 });
    expect(previousHalfYear(new Date('2026-07-01T00:05:00+02:00'))).toEqual({ year: 2026, half: 1 });
  });

  it('marks the running half-year as interim and refuses nothing in the past', () => {
    const now = new Date('2026-03-10T12:00:00+01:00');
    expect(periodState({ year: 2026, half: 1 }, now)).toBe('running');
    expect(periodState({ year: 2025, half: 2 }, now)).toBe('past');
    expect(periodState({ year: 2026, half: 2 }, now)).toBe('future');
  });
});
