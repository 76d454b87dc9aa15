import { helpTimeProblems, isCorrectable, summaryPeriod } from './volunteer-help-rules';

describe('when a volunteer\'s help may be recorded', () => {
  const now = new Date('2026-12-07T17:00:00Z');

  it('takes help from now back to 31 days ago in Danish time, and a few minutes ahead for a fast clock', () => {
    expect(helpTimeProblems(now, now)).toEqual([]);
    expect(helpTimeProblems(new Date('2026-12-07T17:04:00Z'), now)).toEqual([]);
    // 31 days before 7 December is 6 November; 00:10 that day in Denmark is 23:10 UTC the day before.
    expect(helpTimeProblems(new Date('2026-11-05T23:10:00Z'), now)).toEqual([]);
  });

  it('refuses help in the future and help older than 31 days', () => {
    expect(helpTimeProblems(new Date('2026-12-07T18:00:00Z'), now)[0].rule).toBe('not_in_future');
    expect(helpTimeProblems(new Date('2026-11-05T22:50:00Z'), now)[0].rule).toBe('recent');
  });

  it('lets an entry be corrected only on the Danish day it is of and was recorded', () => {
    const late = new Date('2026-12-07T22:30:00Z'); // 23:30 in Denmark
    expect(isCorrectable({ occurredAt: late, createdAt: late }, new Date('2026-12-07T22:55:00Z'))).toBe(true);
    // 00:05 on 8 December in Denmark: yesterday's entry stays as it is.
    expect(isCorrectable({ occurredAt: late, createdAt: late }, new Date('2026-12-07T23:05:00Z'))).toBe(false);
  });
});

describe('the period of the volunteers\' counts', () => {
  const now = new Date('2026-12-07T12:00:00Z');

  it('is this half-year so far unless given', () => {
    expect(summaryPeriod({}, now)).toEqual({ from: '2026-07-01', to: '2026-12-07' });
    expect(summaryPeriod({ from: '2026-01-01', to: '2026-06-30' }, now)).toEqual({ from: '2026-01-01', to: '2026-06-30' });
  });

  it('refuses a period that ends before it starts or is longer than two years', () => {
    expect(summaryPeriod({ from: '2026-07-01', to: '2026-06-30' }, now)).toEqual([expect.objectContaining({ rule: 'before_to' })]);
    expect(summaryPeriod({ from: '2020-01-01', to: '2026-06-30' }, now)).toEqual([expect.objectContaining({ rule: 'at_most_two_years' })]);
  });
});
