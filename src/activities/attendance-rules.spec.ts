import { enrolmentEndProblems, headcountProblems } from './attendance-rules';

describe('attendance rules', () => {
  it('accepts 12 visitors of whom 7 women and 5 men, 4 youth and 8 adults', () => {
    expect(headcountProblems({ total: 12, women: 7, men: 5, youth: 4, adults: 8 }, 3)).toEqual([]);
  });

  it('refuses more women and men than visitors', () => {
    expect(headcountProblems({ total: 10, women: 6, men: 5 }, 0).map((p) => p.rule)).toEqual(['gender_within_total']);
  });

  it('refuses more youth and adults than visitors', () => {
    expect(headcountProblems({ total: 3, youth: 4 }, 0).map((p) => p.rule)).toEqual(['age_within_total']);
  });

  it('refuses a total below the number of named participants', () => {
    expect(headcountProblems({ total: 1 }, 2).map((p) => p.rule)).toEqual(['total_covers_participants']);
  });

  it('lets an enrolment end the day it started but not before', () => {
    expect(enrolmentEndProblems('2026-03-02', '2026-03-02')).toEqual([]);
    expect(enrolmentEndProblems('2026-03-02', '2026-03-01').map((p) => p.rule)).toEqual(['not_before_start']);
  });
});
