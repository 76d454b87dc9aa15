import { INDICATOR_PERIOD_PATTERN, parseIndicatorPeriod, periodBounds, periodStart } from './indicator-period';

describe('indicator periods', () => {
  it('takes years, half-years and quarters, and nothing else', () => {
    for (const ok of ['2026', '2026-H1', '2026-H2', '2026-Q1', '2026-Q4']) expect(INDICATOR_PERIOD_PATTERN.test(ok)).toBe(true);
    for (const bad of ['2026-H3', '2026-Q0', '2026-Q5', '2026-q1', '26-Q1', '2026-Q1-H1']) expect(INDICATOR_PERIOD_PATTERN.test(bad)).toBe(false);
  });

  it('places a quarter in its half-year', () => {
    expect(parseIndicatorPeriod('2026-Q2')).toEqual({ year: 2026, half: 1, quarter: 2 });
    expect(parseIndicatorPeriod('2026-Q3')).toEqual({ year: 2026, half: 2, quarter: 3 });
    expect(parseIndicatorPeriod('2026-H2')).toEqual({ year: 2026, half: 2, quarter: null });
    expect(parseIndicatorPeriod('2026')).toEqual({ year: 2026, half: null, quarter: null });
  });

  it('gives each period its days as a half-open range', () => {
    expect(periodBounds('2026')).toEqual({ fromDate: '2026-01-01', toDate: '2027-01-01' });
    expect(periodBounds('2026-H2')).toEqual({ fromDate: '2026-07-01', toDate: '2027-01-01' });
    expect(periodBounds('2026-Q2')).toEqual({ fromDate: '2026-04-01', toDate: '2026-07-01' });
    expect(periodBounds('2026-Q4')).toEqual({ fromDate: '2026-10-01', toDate: '2027-01-01' });
    expect(periodStart('2026-Q3')).toBe('2026-07-01');
  });
});
