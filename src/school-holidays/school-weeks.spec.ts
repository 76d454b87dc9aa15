import { weekKind, weeksBetween } from './school-weeks';

const EFTERAARSFERIE_2026 = { startsOn: '2026-10-10', endsOn: '2026-10-18' };

describe('school weeks and school-free weeks of the plan\'s school calendar', () => {
  it('counts the autumn holiday week as school-free', () => {
    expect(weekKind('2026-10-12', [EFTERAARSFERIE_2026])).toBe('school_free');
  });

  it('counts a week with one school day as a school week', () => {
    expect(weekKind('2026-10-05', [EFTERAARSFERIE_2026])).toBe('school');
    expect(weekKind('2026-10-12', [{ startsOn: '2026-10-12', endsOn: '2026-10-15' }])).toBe('school');
  });

  it('needs only Monday to Friday off: the weekend around them does not matter', () => {
    expect(weekKind('2026-10-12', [{ startsOn: '2026-10-12', endsOn: '2026-10-16' }])).toBe('school_free');
  });

  it('joins holidays that meet inside a week', () => {
    const split = [
      { startsOn: '2026-12-19', endsOn: '2026-12-23' },
      { startsOn: '2026-12-24', endsOn: '2027-01-03' },
    ];
    expect(weekKind('2026-12-21', split)).toBe('school_free');
    expect(weekKind('2026-12-21', split.slice(0, 1))).toBe('school');
  });

  it('knows nothing is a holiday without a calendar', () => {
    expect(weekKind('2026-07-06', [])).toBe('school');
  });

  it('lists the weeks an employment touches, from the Monday of its first day', () => {
    expect(weeksBetween('2026-04-01', '2026-04-13')).toEqual(['2026-03-30', '2026-04-06', '2026-04-13']);
    expect(weeksBetween('2026-12-30', '2027-01-04')).toEqual(['2026-12-28', '2027-01-04']);
  });
});
