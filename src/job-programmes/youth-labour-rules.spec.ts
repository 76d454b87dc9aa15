import { addMonths } from '../common/calendar';
import { employmentRangeProblems, employmentWarnings, mayBeInCompulsorySchooling, planRangeViolations, timesheetWarnings, youthGroupOn } from './youth-labour-rules';

const FOURTEEN_IN_2026 = '2011-09-10';
const FIFTEEN_IN_2026 = '2010-09-10';
const SIXTEEN_IN_2026 = '2009-09-10';

const inSchool = (birthDate: string | null) => ({ birthDate, inCompulsorySchooling: true });
const leftSchool = (birthDate: string | null) => ({ birthDate, inCompulsorySchooling: false });
const rules = (warnings: { rule: string }[]) => warnings.map((w) => w.rule);

/** The plans' settings for an employment: Ishøj's (001_*), and a plan that allows more. */
const ISHOJ = { hoursPerWeek: { min: 2, max: 6 }, months: { min: 3, max: 5 } };
const WIDER = { hoursPerWeek: { min: 1.5, max: 10 }, months: { min: 2, max: 6 } };

describe("the plan's ranges for a leisure job", () => {
  it('accepts 2-6 hours a week for 3-5 months, both ends included', () => {
    expect(planRangeViolations({ startDate: '2026-04-01', endDate: '2026-07-01', hoursPerWeek: 2 }, ISHOJ)).toEqual([]);
    expect(planRangeViolations({ startDate: '2026-04-01', endDate: '2026-09-01', hoursPerWeek: 6 }, ISHOJ)).toEqual([]);
  });

  it('counts duration in calendar months, so a January 31st start may end on the last of April', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-11-15', 3)).toBe('2027-02-15');
    expect(planRangeViolations({ startDate: '2026-01-31', endDate: '2026-04-30', hoursPerWeek: 4 }, ISHOJ)).toEqual([]);
  });

  it('names each range an employment is outside of', () => {
    const problems = planRangeViolations({ startDate: '2026-04-01', endDate: '2026-06-30', hoursPerWeek: 8 }, ISHOJ);
    expect(problems.map((p) => p.rule)).toEqual(['hours_per_week_range', 'duration_range']);
    expect(problems[0].message).toBe("8 hours a week is outside the plan's 2-6 hours a week: give an exceptionReason");
    expect(problems[1].message).toContain('shorter than 3 months');
  });

  it('finds an employment of more than 5 months too long, and 1.5 hours too few', () => {
    const problems = planRangeViolations({ startDate: '2026-04-01', endDate: '2026-09-02', hoursPerWeek: 1.5 }, ISHOJ);
    expect(problems.map((p) => p.field)).toEqual(['hoursPerWeek', 'endDate']);
    expect(problems[1].message).toContain('longer than 5 months');
  });

  it("judges by the plan's own ranges: what one plan needs a reason for, another takes as it is", () => {
    const short = { startDate: '2026-04-01', endDate: '2026-06-01', hoursPerWeek: 8 };
    expect(planRangeViolations(short, ISHOJ)).toHaveLength(2);
    expect(planRangeViolations(short, WIDER)).toEqual([]);
    const long = { startDate: '2026-04-01', endDate: '2026-10-02', hoursPerWeek: 10.5 };
    expect(planRangeViolations(long, WIDER).map((p) => p.message)).toEqual([
      "10.5 hours a week is outside the plan's 1.5-10 hours a week: give an exceptionReason",
      "the employment from 2026-04-01 to 2026-10-02 is longer than 6 months, outside the plan's 2-6 months: give an exceptionReason",
    ]);
  });

  it('names a range of one value as that value', () => {
    const fixed = { hoursPerWeek: { min: 4, max: 4 }, months: { min: 4, max: 4 } };
    expect(planRangeViolations({ startDate: '2026-04-01', endDate: '2026-08-01', hoursPerWeek: 4 }, fixed)).toEqual([]);
    expect(planRangeViolations({ startDate: '2026-04-01', endDate: '2026-08-01', hoursPerWeek: 5 }, fixed)[0].message).toBe(
      "5 hours a week is outside the plan's 4 hours a week: give an exceptionReason",
    );
  });

  it('lets an exception reason cover any range, but not a blank one', () => {
    const e = { startDate: '2026-04-01', endDate: '2026-05-01', hoursPerWeek: 10 };
    expect(employmentRangeProblems(e, ISHOJ, 'Sommerferiejob aftalt med forældre og arbejdsgiver')).toEqual([]);
    expect(employmentRangeProblems(e, ISHOJ, '  ')).toHaveLength(2);
  });
});

describe('which young-worker rules apply', () => {
  it('takes a 14-year-old as under 15 whatever is said about school', () => {
    expect(youthGroupOn(leftSchool(FOURTEEN_IN_2026), '2026-04-01')).toBe('under_15');
  });

  it('sets a 15-year-old apart by whether they are still in compulsory schooling', () => {
    expect(youthGroupOn(inSchool(FIFTEEN_IN_2026), '2026-04-01')).toBe('in_school_15_17');
    expect(youthGroupOn(leftSchool(FIFTEEN_IN_2026), '2026-04-01')).toBe('out_of_school_15_17');
  });

  it('ends compulsory schooling at the latest on 31 July of the year the youth turns 17', () => {
    expect(mayBeInCompulsorySchooling('2009-12-31', '2026-07-31')).toBe(true);
    expect(mayBeInCompulsorySchooling('2009-12-31', '2026-08-01')).toBe(false);
    expect(youthGroupOn(inSchool('2009-01-15'), '2026-08-03')).toBe('out_of_school_15_17');
  });

  it('stops at 18, and takes a youth without a birth date as under 15', () => {
    expect(youthGroupOn(inSchool('2008-04-01'), '2026-04-01')).toBeNull();
    expect(youthGroupOn(inSchool(null), '2026-04-01')).toBe('under_15');
  });
});

describe("an employment's young-worker warnings", () => {
  const employment = { startDate: '2026-04-01', endDate: '2026-08-01', hoursPerWeek: 4 };
  const schoolWeeks = ['school', 'school', 'school_free'] as const;

  it('tell the limits for a 14-year-old in Danish', () => {
    expect(employmentWarnings(inSchool(FOURTEEN_IN_2026), employment, schoolWeeks)).toEqual([
      {
        rule: 'young_worker_school_days',
        message:
          'Den unge er under 15 år: kun let arbejde, højst 2 timer på skoledage og 7 timer på andre dage, højst 12 timer i uger med skoledage og 35 timer i helt skolefri uger, ' +
          'og intet arbejde mellem kl. 20 og 6. Systemet kender ikke den daglige arbejdstid, så aftal den med arbejdsgiveren',
      },
    ]);
  });

  it('warn when a 14-year-old is planned more than 12 hours a week, and not at exactly 12', () => {
    const warnings = employmentWarnings(inSchool(FOURTEEN_IN_2026), { ...employment, hoursPerWeek: 14.5 }, schoolWeeks);
    expect(rules(warnings)).toEqual(['young_worker_weekly_hours', 'young_worker_school_days']);
    expect(warnings[0].message).toBe('Den unge er under 15 år ved ansættelsens start: højst 12 timer i en skoleuge, og der er planlagt 14,5 timer om ugen');
    expect(rules(employmentWarnings(inSchool(FOURTEEN_IN_2026), { ...employment, hoursPerWeek: 12 }, schoolWeeks))).toEqual(['young_worker_school_days']);
  });

  it('measure a summer job in school-free weeks only against the school-free limit', () => {
    const summer = { startDate: '2026-06-29', endDate: '2026-08-07', hoursPerWeek: 30 };
    expect(rules(employmentWarnings(inSchool(FOURTEEN_IN_2026), summer, ['school_free', 'school_free']))).toEqual(['young_worker_school_days']);
    expect(employmentWarnings(inSchool(FOURTEEN_IN_2026), { ...summer, hoursPerWeek: 36 }, ['school_free'])[0].message).toContain('højst 35 timer i en skolefri uge');
  });

  it('tell a 15-year-old still in school the school-day limits, which used to be left out', () => {
    const warnings = employmentWarnings(inSchool(FIFTEEN_IN_2026), { ...employment, hoursPerWeek: 14 }, schoolWeeks);
    expect(rules(warnings)).toEqual(['young_worker_weekly_hours', 'young_worker_school_days']);
    expect(warnings[0].message).toContain('Den unge er 15-17 år og undervisningspligtig ved ansættelsens start: højst 12 timer i en skoleuge');
    expect(warnings[1].message).toContain('højst 2 timer på skoledage og 8 timer på andre dage');
  });

  it('tell a 16-year-old who has left school the limits of 8 hours a day and 40 a week', () => {
    expect(employmentWarnings(leftSchool(SIXTEEN_IN_2026), { ...employment, hoursPerWeek: 14 }, schoolWeeks)).toEqual([
      { rule: 'young_worker_working_hours', message: expect.stringContaining('Den unge er 15-17 år og ikke længere undervisningspligtig: højst 8 timer om dagen og 40 timer om ugen') },
    ]);
  });

  it('judge age on the start date: 14 at the start keeps the under-15 limits after the 15th birthday', () => {
    expect(employmentWarnings(inSchool('2011-04-02'), employment, schoolWeeks)[0].message).toMatch(/^Den unge er under 15 år/);
    expect(employmentWarnings(inSchool('2011-04-01'), employment, schoolWeeks)[0].message).toMatch(/^Den unge er 15-17 år og undervisningspligtig/);
  });

  it('say nothing for an adult', () => {
    expect(employmentWarnings(inSchool('2008-01-01'), employment, schoolWeeks)).toEqual([]);
  });
});

describe("a timesheet week's young-worker warnings", () => {
  it('hold a 14-year-old to 12 hours in a school week, in Danish with the week\'s date', () => {
    expect(timesheetWarnings(inSchool(FOURTEEN_IN_2026), '2026-04-06', 12, 'school')).toEqual([]);
    expect(timesheetWarnings(inSchool(FOURTEEN_IN_2026), '2026-04-06', 14, 'school')).toEqual([
      { rule: 'young_worker_weekly_hours', message: 'Den unge er under 15 år: højst 12 timer i en skoleuge, og der er registreret 14 timer i ugen fra 06-04-2026' },
    ]);
  });

  it('give a 14-year-old 35 hours in a school-free week, not 12', () => {
    expect(timesheetWarnings(inSchool(FOURTEEN_IN_2026), '2026-02-16', 30, 'school_free')).toEqual([]);
    expect(timesheetWarnings(inSchool(FOURTEEN_IN_2026), '2026-02-16', 35.5, 'school_free')[0].message).toBe(
      'Den unge er under 15 år: højst 35 timer i en skolefri uge, og der er registreret 35,5 timer i ugen fra 16-02-2026',
    );
  });

  it('hold a 15-year-old in school to 12 hours in a school week and 40 in a school-free week', () => {
    expect(rules(timesheetWarnings(inSchool(FIFTEEN_IN_2026), '2026-04-06', 13, 'school'))).toEqual(['young_worker_weekly_hours']);
    expect(timesheetWarnings(inSchool(FIFTEEN_IN_2026), '2026-10-12', 40, 'school_free')).toEqual([]);
    expect(rules(timesheetWarnings(inSchool(FIFTEEN_IN_2026), '2026-10-12', 41, 'school_free'))).toEqual(['young_worker_weekly_hours']);
  });

  it('hold a 15-year-old who has left school to 40 hours in any week', () => {
    expect(timesheetWarnings(leftSchool(FIFTEEN_IN_2026), '2026-04-06', 20, 'school')).toEqual([]);
    expect(timesheetWarnings(leftSchool(FIFTEEN_IN_2026), '2026-04-06', 42, 'school')[0].message).toBe(
      'Den unge er 15-17 år og ikke længere undervisningspligtig: højst 40 timer om ugen, og der er registreret 42 timer i ugen fra 06-04-2026',
    );
  });
});
