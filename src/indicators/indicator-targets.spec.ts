import { halfYearPeriod, parseIndicatorPeriod, periodStart } from './indicator-period';
import { halfYearTarget, quarterTarget } from './indicator-targets';
import { defaultTargetKind } from './plan-indicator.entity';

describe('indicator targets for a half-year', () => {
  it('shows half of 18 youth a year as the target for one half-year', () => {
    expect(halfYearTarget(18, 'yearly')).toEqual({ value: 9, basis: 'half_of_yearly' });
  });

  it('keeps a share to reach (75 % in ordinary jobs) as it is in every half-year', () => {
    expect(halfYearTarget(0.75, 'level')).toEqual({ value: 0.75, basis: 'level' });
  });

  it('keeps a target per half-year as it is', () => {
    expect(halfYearTarget(9, 'half_yearly')).toEqual({ value: 9, basis: 'half_yearly' });
  });

  it('shows twice a quarterly target (the job centre\'s "Kvartalsvis") as the target for a half-year', () => {
    expect(halfYearTarget(30, 'quarterly')).toEqual({ value: 60, basis: 'twice_quarterly' });
  });

  it('gives a quarter its share of a yearly or half-yearly target, and a quarterly target or a level as it is', () => {
    expect(quarterTarget(60, 'yearly')).toEqual({ value: 15, basis: 'quarter_of_yearly' });
    expect(quarterTarget(30, 'half_yearly')).toEqual({ value: 15, basis: 'half_of_half_yearly' });
    expect(quarterTarget(15, 'quarterly')).toEqual({ value: 15, basis: 'quarterly' });
    expect(quarterTarget(0.85, 'level')).toEqual({ value: 0.85, basis: 'level' });
    expect(quarterTarget(null, 'yearly')).toEqual({ value: null, basis: 'quarter_of_yearly' });
  });

  it('has no half-year target when the indicator has no target yet', () => {
    expect(halfYearTarget(null, 'yearly')).toEqual({ value: null, basis: 'half_of_yearly' });
  });

  it('takes shares and percentages as levels and counts as yearly amounts', () => {
    expect(defaultTargetKind('andel')).toBe('level');
    expect(defaultTargetKind('procent af beboerne')).toBe('level');
    expect(defaultTargetKind('unge pr. år')).toBe('yearly');
    expect(defaultTargetKind('rådgivninger pr. halvår')).toBe('half_yearly');
    expect(defaultTargetKind('beboere pr. kvartal')).toBe('quarterly');
  });
});

describe('indicator periods', () => {
  it('reads a year and both half-years', () => {
    expect(parseIndicatorPeriod('2026')).toEqual({ year: 2026, half: null, quarter: null });
    expect(parseIndicatorPeriod('2026-H1')).toEqual({ year: 2026, half: 1, quarter: null });
    expect(parseIndicatorPeriod('2026-H2')).toEqual({ year: 2026, half: 2, quarter: null });
    expect(halfYearPeriod(2026, 2)).toBe('2026-H2');
  });

  it('starts H2 on 1 July and a year or H1 on 1 January', () => {
    expect(periodStart('2026-H2')).toBe('2026-07-01');
    expect(periodStart('2026-H1')).toBe('2026-01-01');
    expect(periodStart('2026')).toBe('2026-01-01');
  });

  it('refuses anything else', () => {
    expect(() => parseIndicatorPeriod('2026-H3')).toThrow();
    expect(() => parseIndicatorPeriod('26')).toThrow();
  });
});
