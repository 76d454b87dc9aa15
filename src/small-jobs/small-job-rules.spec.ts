import { ageGroupOn, endProblems, smallJobAgeProblems, smallJobProblems } from './small-job-rules';

const rules = (problems: { rule?: string }[]) => problems.map((p) => p.rule);

describe('the rules of a småjob', () => {
  it('takes one hour and fifteen hours a week, and refuses half an hour and sixteen', () => {
    expect(smallJobProblems({ startsOn: '2026-03-02', hoursPerWeek: 1 })).toEqual([]);
    expect(smallJobProblems({ startsOn: '2026-03-02', hoursPerWeek: 15 })).toEqual([]);
    expect(rules(smallJobProblems({ startsOn: '2026-03-02', hoursPerWeek: 0.5 }))).toEqual(['hours_per_week']);
    expect(rules(smallJobProblems({ startsOn: '2026-03-02', hoursPerWeek: 16 }))).toEqual(['hours_per_week']);
  });

  it('refuses a youth the day before the 18th birthday, in småjob words, and accepts them on it', () => {
    const [refused] = smallJobAgeProblems({ birthDate: '2008-03-02', birthYear: 2008 }, '2026-03-01');
    expect(refused).toMatchObject({ rule: 'adult', message: expect.stringContaining('småjobs are for residents of 18') });
    expect(smallJobAgeProblems({ birthDate: '2008-03-02', birthYear: 2008 }, '2026-03-02')).toEqual([]);
  });

  it('puts 29 in 18-29, 30 and 64 in 30-64 and 65 in 65+, by age on the first day', () => {
    expect(ageGroupOn({ birthDate: '1996-03-03', birthYear: 1996 }, '2026-03-02')).toBe('18-29');
    expect(ageGroupOn({ birthDate: '1996-03-02', birthYear: 1996 }, '2026-03-02')).toBe('30-64');
    expect(ageGroupOn({ birthDate: '1961-03-03', birthYear: 1961 }, '2026-03-02')).toBe('30-64');
    expect(ageGroupOn({ birthDate: '1961-03-02', birthYear: 1961 }, '2026-03-02')).toBe('65+');
  });

  it('with only a birth year, gives a group only when both possible ages fall in it', () => {
    expect(ageGroupOn({ birthDate: null, birthYear: 1996 }, '2026-03-02')).toBe('unknown');
    expect(ageGroupOn({ birthDate: null, birthYear: 1995 }, '2026-03-02')).toBe('30-64');
    expect(ageGroupOn({ birthDate: null, birthYear: null }, '2026-03-02')).toBe('unknown');
  });

  it('refuses an end before the start and accepts an end on the first day', () => {
    expect(rules(endProblems('2026-03-02', '2026-03-01'))).toEqual(['ended_not_before_start']);
    expect(endProblems('2026-03-02', '2026-03-02')).toEqual([]);
  });
});
