import { activityTimeProblems, closedAtProblems, openedAtProblems } from './case-timeline';

const now = new Date('2026-03-10T12:00:00+01:00');
const opened = new Date('2026-03-01T09:00:00+01:00');

describe('the timeline of a counselling case', () => {
  it('refuses a contact dated before the case was opened', () => {
    expect(activityTimeProblems('occurredAt', new Date('2026-02-28T10:00:00+01:00'), opened, now)).toEqual([
      expect.objectContaining({ field: 'occurredAt', rule: 'not_before_case_opened' }),
    ]);
  });

  it('accepts the conversation at 09:58 that a case opened at 10:00 the same day was opened for', () => {
    expect(activityTimeProblems('occurredAt', new Date('2026-03-01T08:58:00+01:00'), opened, now)).toEqual([]);
    expect(activityTimeProblems('occurredAt', new Date('2026-03-01T00:00:00+01:00'), opened, now)).toEqual([]);
  });

  it('refuses a contact the day before, however close to midnight', () => {
    expect(activityTimeProblems('occurredAt', new Date('2026-02-28T23:59:59+01:00'), opened, now)[0].rule).toBe('not_before_case_opened');
  });

  it('judges the day in Danish time: 30 June 23:55 is before a case opened 1 July 00:10, though both are 30 June in UTC', () => {
    const july = new Date('2026-07-01T00:10:00+02:00');
    const summer = new Date('2026-07-10T12:00:00+02:00');
    expect(activityTimeProblems('occurredAt', new Date('2026-06-30T23:55:00+02:00'), july, summer)[0].rule).toBe('not_before_case_opened');
    expect(activityTimeProblems('occurredAt', new Date('2026-07-01T00:01:00+02:00'), july, summer)).toEqual([]);
  });

  it('refuses a contact in the future but tolerates a few minutes of clock difference', () => {
    expect(activityTimeProblems('occurredAt', new Date('2026-03-10T13:00:00+01:00'), opened, now)[0].rule).toBe('not_in_future');
    expect(activityTimeProblems('occurredAt', new Date('2026-03-10T12:02:00+01:00'), opened, now)).toEqual([]);
  });

  it('accepts a contact between opening and now', () => {
    expect(activityTimeProblems('occurredAt', new Date('2026-03-05T10:00:00+01:00'), opened, now)).toEqual([]);
  });

  it('refuses opening a case in the future', () => {
    expect(openedAtProblems(new Date('2026-04-01T00:00:00+02:00'), now)).toHaveLength(1);
  });

  it('refuses closing a case before its last contact', () => {
    const problems = closedAtProblems(new Date('2026-03-02T00:00:00+01:00'), opened, new Date('2026-03-05T00:00:00+01:00'), now);
    expect(problems.map((p) => p.rule)).toEqual(['not_before_last_contact']);
  });
});
