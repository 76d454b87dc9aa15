import { addDays, addMonths, isCalendarDate, isMonday, mondayOf } from './calendar';

describe('calendar dates', () => {
  it('knows real dates from look-alikes', () => {
    expect(isCalendarDate('2026-02-28')).toBe(true);
    expect(isCalendarDate('2026-02-30')).toBe(false);
    expect(isCalendarDate('2026-2-3')).toBe(false);
    expect(isCalendarDate(20260228)).toBe(false);
  });

  it('names every date of an agreement that is not a real day', () => {
    const agreement = { signedAt: '2026-02-30', validFrom: '2026-01-01', validTo: '2026-13-01' };
    expect(Object.entries(agreement).filter(([, d]) => !isCalendarDate(d)).map(([field]) => field)).toEqual(['signedAt', 'validTo']);
  });

  it('counts days across a month and a year', () => {
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('finds the Monday a week starts on, also across a month and a year', () => {
    expect(isMonday('2026-03-02')).toBe(true);
    expect(isMonday('2026-03-01')).toBe(false);
    expect(mondayOf('2026-03-02')).toBe('2026-03-02');
    expect(mondayOf('2026-03-08')).toBe('2026-03-02');
    expect(mondayOf('2027-01-01')).toBe('2026-12-28');
  });

  it('adds calendar months, keeping the day or the last day of a shorter month', () => {
    expect(addMonths('2026-04-01', 3)).toBe('2026-07-01');
    expect(addMonths('2026-11-15', 3)).toBe('2027-02-15');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
  });
});
