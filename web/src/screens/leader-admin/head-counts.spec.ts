import { countsByMonth, monthLabel, monthShortLabel } from './head-counts';
import type { Session } from './leader-admin-api';

const session = (startsAt: string, total: number, women: number | null = null): Session => ({
  id: startsAt,
  activityId: 'a',
  startsAt,
  endsAt: null,
  headcount: { total, women, men: null, youth: null, adults: null },
  participants: [],
  participantsWithheld: 0,
  employers: [],
  recordedBy: 'u',
});

describe('head counts by month', () => {
  it('puts a session on the last evening of a month in Danish time in that month, not the next', () => {
    // 31 January 23:30 in Copenhagen is 22:30 UTC; 1 February 00:30 in Copenhagen is 31 January 23:30 UTC.
    const months = countsByMonth([session('2026-01-31T22:30:00Z', 4, 2), session('2026-01-31T23:30:00Z', 3, 1), session('2026-01-10T11:00:00Z', 5)]);
    expect(months).toEqual([
      { month: '2026-02', sessions: 1, total: 3, women: 1, men: null, youth: null, adults: null },
      { month: '2026-01', sessions: 2, total: 9, women: 2, men: null, youth: null, adults: null },
    ]);
  });

  it('names the month in Danish', () => {
    expect(monthLabel('2026-12')).toBe('december 2026');
    expect(monthShortLabel('2026-12')).toBe('dec. 26');
  });
});
