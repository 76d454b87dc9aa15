import { adultProblems, endProblems, internshipProblems } from './internship-rules';

const adult = { birthDate: '1978-04-12', birthYear: 1978 };
const rules = (problems: { rule?: string }[]) => problems.map((p) => p.rule);

describe('the rules of an internship', () => {
  it('accepts Helle, 47, for 20 hours a week from March to June', () => {
    expect(internshipProblems({ startsOn: '2026-03-02', endsOn: '2026-06-01', hoursPerWeek: 20 }, adult)).toEqual([]);
  });

  it('lists every unmet rule at once: ending on the first day and 40 hours a week', () => {
    expect(rules(internshipProblems({ startsOn: '2026-03-02', endsOn: '2026-03-02', hoursPerWeek: 40 }, adult))).toEqual(['ends_after_start', 'hours_per_week']);
  });

  it('takes one hour a week and a full-time 37, and refuses half an hour', () => {
    expect(internshipProblems({ startsOn: '2026-03-02', endsOn: '2026-04-01', hoursPerWeek: 1 }, adult)).toEqual([]);
    expect(internshipProblems({ startsOn: '2026-03-02', endsOn: '2026-04-01', hoursPerWeek: 37 }, adult)).toEqual([]);
    expect(rules(internshipProblems({ startsOn: '2026-03-02', endsOn: '2026-04-01', hoursPerWeek: 0.5 }, adult))).toEqual(['hours_per_week']);
  });

  it('refuses a resident the day before their 18th birthday and accepts them on it', () => {
    expect(rules(adultProblems({ birthDate: '2008-03-02', birthYear: 2008 }, '2026-03-01'))).toEqual(['adult']);
    expect(adultProblems({ birthDate: '2008-03-02', birthYear: 2008 }, '2026-03-02')).toEqual([]);
  });

  it('with only a birth year, waits for the last day of the year the resident turns 18', () => {
    expect(rules(adultProblems({ birthDate: null, birthYear: 2008 }, '2026-12-30'))).toEqual(['adult']);
    expect(adultProblems({ birthDate: null, birthYear: 2008 }, '2026-12-31')).toEqual([]);
    expect(adultProblems({ birthDate: null, birthYear: 1990 }, '2026-01-01')).toEqual([]);
  });

  it('asks for a birth date when nothing of the age is known', () => {
    expect(rules(adultProblems({ birthDate: null, birthYear: null }, '2026-03-02'))).toEqual(['birth_date_needed']);
  });

  it('refuses an end before the start and accepts an end on the first day', () => {
    expect(rules(endProblems('2026-03-02', '2026-03-01'))).toEqual(['ended_not_before_start']);
    expect(endProblems('2026-03-02', '2026-03-02')).toEqual([]);
  });
});
