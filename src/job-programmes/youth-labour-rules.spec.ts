import { addMonths } from '../common/calendar';
import { employmentRangeProblems, employmentWarnings, planRangeViolations, timesheetWarnings } from './youth-labour-rules';

const FOURTEEN_IN_2026 = '2011-09-10';
const FIFTEEN_IN_2026 = '2010-09-10';

describe("the plan's ranges for a leisure job", () => {
  it('accepts 2-6 hours a week for 3-5 months, both ends included', () => {
    expect(planRangeViolations({ startDate: '2026-04-01', endDate: '2026-07-01', hoursPerWeek: 2 })).toEqual([]);
    expect(planRangeViolations({ startDate: '2026-04-01', endDate: '2026-09-01', hoursPerWeek: 6 })).toEqual([]);
  });

  it('counts duration in calendar months, so a January 31st start may end on the last of April', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-11-15', 3)).toBe('2027-02-15');
    expect(planRangeViolations({ startDate: '2026-01-31', endDate: '2026-04-30', hoursPerWeek: 4 })).toEqual([]);
  });

  it('names each range an employment is outside of', () => {
    const problems = planRangeViolations({ startDate: '2026-04-01', endDate: '2026-06-30', hoursPerWeek: 8 });
    expect(problems.map((p) => p.rule)).toEqual(['hours_per_week_range', 'duration_range']);
    expect(problems[0].message).toBe("8 hours a week is outside the plan's 2-6 hours a week: give an exceptionReason");
    expect(problems[1].message).toContain('shorter than 3 months');
  });

  it('finds an employment of more than 5 months too long, and 1.5 hours too few', () => {
    const problems = planRangeViolations({ startDate: '2026-04-01', endDate: '2026-09-02', hoursPerWeek: 1.5 });
    expect(problems.map((p) => p.field)).toEqual(['hoursPerWeek', 'endDate']);
    expect(problems[1].message).toContain('longer than 5 months');
  });

  it('lets an exception reason cover any range, but not a blank one', () => {
    const e = { startDate: '2026-04-01', endDate: '2026-05-01', hoursPerWeek: 10 };
    expect(employmentRangeProblems(e, 'Sommerferiejob aftalt med forældre og arbejdsgiver')).toEqual([]);
    expect(employmentRangeProblems(e, '  ')).toHaveLength(2);
  });
});

describe('the rules for young workers under 15', () => {
  const employment = { startDate: '2026-04-01', endDate: '2026-08-01', hoursPerWeek: 4 };

  it('always reminds of the school-day limits for a 14-year-old', () => {
    expect(employmentWarnings(FOURTEEN_IN_2026, employment)).toEqual([
      { rule: 'young_worker_school_days', message: expect.stringContaining('at most 2 hours on a school day and only between 06:00 and 20:00') },
    ]);
  });

  it('warns when a 14-year-old is planned more than 12 hours a week', () => {
    const warnings = employmentWarnings(FOURTEEN_IN_2026, { ...employment, hoursPerWeek: 14 });
    expect(warnings.map((w) => w.rule)).toEqual(['young_worker_weekly_hours', 'young_worker_school_days']);
    expect(warnings[0].message).toContain('14 hours a week are planned');
  });

  it('does not warn at exactly 12 hours', () => {
    expect(employmentWarnings(FOURTEEN_IN_2026, { ...employment, hoursPerWeek: 12 }).map((w) => w.rule)).toEqual(['young_worker_school_days']);
  });

  it('says nothing for a youth who is 15 when the employment starts', () => {
    expect(employmentWarnings(FIFTEEN_IN_2026, { ...employment, hoursPerWeek: 14 })).toEqual([]);
  });

  it('judges age on the start date: 14 at the start keeps the reminder after the 15th birthday', () => {
    expect(employmentWarnings('2011-04-02', employment)).toHaveLength(1);
    expect(employmentWarnings('2011-04-01', employment)).toEqual([]);
  });

  it('treats a youth without a birth date as under 15', () => {
    expect(employmentWarnings(null, employment)).toHaveLength(1);
  });

  it('warns for a timesheet week over 12 hours of a youth under 15 in that week', () => {
    expect(timesheetWarnings(FOURTEEN_IN_2026, '2026-04-06', 12)).toEqual([]);
    expect(timesheetWarnings(FOURTEEN_IN_2026, '2026-04-06', 13.5)).toEqual([
      { rule: 'young_worker_weekly_hours', message: expect.stringContaining('13.5 hours are recorded for the week of 2026-04-06') },
    ]);
    expect(timesheetWarnings(FIFTEEN_IN_2026, '2026-04-06', 20)).toEqual([]);
  });
});
