import { DEFAULT_PLAN_SETTINGS, settingsProblems, type PlanSettings } from './plan-settings';

const withProgramme = (jobProgramme: Partial<PlanSettings['jobProgramme']>): PlanSettings => ({
  ...DEFAULT_PLAN_SETTINGS,
  jobProgramme: { ...DEFAULT_PLAN_SETTINGS.jobProgramme, ...jobProgramme },
});

describe("a plan's settings", () => {
  it('take the defaults, and ranges of a single value', () => {
    expect(settingsProblems(DEFAULT_PLAN_SETTINGS)).toEqual([]);
    expect(settingsProblems(withProgramme({ minAge: 14, maxAge: 14, hoursPerWeek: { min: 4.5, max: 4.5 }, months: { min: 4, max: 4 } }))).toEqual([]);
  });

  it('name each range whose max is below its min, by its max field', () => {
    expect(settingsProblems(withProgramme({ minAge: 16, maxAge: 13, months: { min: 6, max: 2 } }))).toEqual([
      { field: 'jobProgramme.maxAge', rule: 'range_in_order', message: 'jobProgramme.maxAge (13) is below jobProgramme.minAge (16)' },
      { field: 'jobProgramme.months.max', rule: 'range_in_order', message: 'jobProgramme.months.max (2) is below jobProgramme.months.min (6)' },
    ]);
    expect(settingsProblems(withProgramme({ hoursPerWeek: { min: 2.5, max: 2 } })).map((p) => p.field)).toEqual(['jobProgramme.hoursPerWeek.max']);
  });
});
