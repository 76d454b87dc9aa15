import { planHalfYears } from './report-figures';

describe("the plan's half-years a report can be requested for", () => {
  const december = new Date('2026-12-07T12:00:00Z');

  it('runs from the half-year the plan begins in to the running one, newest first', () => {
    expect(planHalfYears('2025-11-01', '2029-10-31', december)).toEqual([
      { year: 2026, half: 2, running: true },
      { year: 2026, half: 1, running: false },
      { year: 2025, half: 2, running: false },
    ]);
  });

  it('ends with the plan: a plan that ended offers no half-year after it', () => {
    expect(planHalfYears('2024-01-01', '2025-06-30', december)).toEqual([
      { year: 2025, half: 1, running: false },
      { year: 2024, half: 2, running: false },
      { year: 2024, half: 1, running: false },
    ]);
  });

  it('offers nothing before the plan begins', () => {
    expect(planHalfYears('2027-01-01', '2030-12-31', december)).toEqual([]);
  });

  it('counts New Year in Danish time: 31 December 23:30 UTC is already the next half-year', () => {
    expect(planHalfYears('2026-01-01', '2029-12-31', new Date('2026-12-31T23:30:00Z'))[0]).toEqual({ year: 2027, half: 1, running: true });
  });
});
