import { startOfDayInPlanZone, transitionTimingProblems } from './programme-timeline';

describe('when a phase change happened', () => {
  it('starts a programme at midnight in Copenhagen, in winter and in summer time', () => {
    expect(startOfDayInPlanZone('2026-01-15').toISOString()).toBe('2026-01-14T23:00:00.000Z');
    expect(startOfDayInPlanZone('2026-07-01').toISOString()).toBe('2026-06-30T22:00:00.000Z');
  });

  it('finds midnight on the days the clocks change', () => {
    expect(startOfDayInPlanZone('2026-03-29').toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(startOfDayInPlanZone('2026-10-25').toISOString()).toBe('2026-10-24T22:00:00.000Z');
  });

  const now = new Date('2027-01-12T09:00:00+01:00');
  const previous = new Date('2026-12-01T10:00:00+01:00');

  it('takes a December change entered in January', () => {
    expect(transitionTimingProblems(new Date('2026-12-18T14:00:00+01:00'), previous, now)).toEqual([]);
  });

  it('refuses a change dated in the future, beyond a few minutes of clock skew', () => {
    expect(transitionTimingProblems(new Date(now.getTime() + 4 * 60_000), previous, now)).toEqual([]);
    expect(transitionTimingProblems(new Date(now.getTime() + 6 * 60_000), previous, now)).toEqual([
      { field: 'occurredAt', rule: 'not_in_future', message: 'occurredAt is in the future: record a phase change once it has happened' },
    ]);
  });

  it('refuses a change dated before the change before it, but takes the same instant', () => {
    expect(transitionTimingProblems(previous, previous, now)).toEqual([]);
    expect(transitionTimingProblems(new Date(previous.getTime() - 1), previous, now).map((p) => p.rule)).toEqual(['not_before_previous_transition']);
  });
});
