import { endProblems, enrolmentProblems, overlaps, parseQuarter, quarterDates, quarterOfDate, quarterProblems } from './jobcentre-rules';

describe("the job centre's enrolment rules", () => {
  it('reads quarters and gives their days as a half-open range', () => {
    expect(parseQuarter('2026-Q1')).toEqual({ year: 2026, quarter: 1 });
    expect(quarterDates({ year: 2026, quarter: 1 })).toEqual({ fromDate: '2026-01-01', toDate: '2026-04-01' });
    expect(quarterDates({ year: 2026, quarter: 4 })).toEqual({ fromDate: '2026-10-01', toDate: '2027-01-01' });
    expect(quarterOfDate('2026-06-30')).toEqual({ year: 2026, quarter: 2 });
    expect(quarterOfDate('2026-07-01')).toEqual({ year: 2026, quarter: 3 });
    expect(() => parseQuarter('2026-Q5')).toThrow();
  });

  it('counts an enrolment as running in a period when it runs on at least one of its days', () => {
    expect(overlaps({ startedOn: '2026-03-31', endedOn: null }, '2026-01-01', '2026-04-01')).toBe(true);
    expect(overlaps({ startedOn: '2026-04-01', endedOn: null }, '2026-01-01', '2026-04-01')).toBe(false);
    expect(overlaps({ startedOn: '2025-10-01', endedOn: '2026-01-01' }, '2026-01-01', '2026-04-01')).toBe(true);
    expect(overlaps({ startedOn: '2025-10-01', endedOn: '2025-12-31' }, '2026-01-01', '2026-04-01')).toBe(false);
  });

  it('refuses an enrolment that starts after today', () => {
    expect(enrolmentProblems('2026-12-08', '2026-12-07')).toEqual([expect.objectContaining({ field: 'startedOn', rule: 'not_in_future' })]);
    expect(enrolmentProblems('2026-12-07', '2026-12-07')).toEqual([]);
  });

  it('lets a quarter be marked only where the enrolment runs and once the quarter has begun', () => {
    const span = { startedOn: '2026-02-10', endedOn: '2026-08-15' };
    expect(quarterProblems(span, { year: 2026, quarter: 1 }, '2026-12-07')).toEqual([]);
    expect(quarterProblems(span, { year: 2026, quarter: 3 }, '2026-12-07')).toEqual([]);
    expect(quarterProblems(span, { year: 2026, quarter: 4 }, '2026-12-07').map((p) => p.rule)).toEqual(['enrolment_in_quarter']);
    expect(quarterProblems({ startedOn: '2026-11-02', endedOn: null }, { year: 2027, quarter: 1 }, '2026-12-07').map((p) => p.rule)).toEqual(['quarter_begun']);
  });

  it('refuses an end before the start, after today, or before a quarter marked active', () => {
    const span = { startedOn: '2026-02-10', endedOn: null };
    expect(endProblems(span, '2026-02-09', '2026-12-07', []).map((p) => p.rule)).toEqual(['ended_not_before_start']);
    expect(endProblems(span, '2026-12-08', '2026-12-07', []).map((p) => p.rule)).toEqual(['not_in_future']);
    const late = endProblems(span, '2026-03-31', '2026-12-07', ['2026-01-01', '2026-04-01']);
    expect(late).toEqual([expect.objectContaining({ rule: 'no_active_quarter_after_end', message: expect.stringContaining('2026-Q2') })]);
    expect(endProblems(span, '2026-04-01', '2026-12-07', ['2026-04-01'])).toEqual([]);
  });
});
