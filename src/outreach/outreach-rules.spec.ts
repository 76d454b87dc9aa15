import { isPastRetention, namesDueAt, openCaseProblems, splitName } from './outreach-rules';

describe('the rules of an outreach list', () => {
  it('opens a case only from a talk or an accepted offer', () => {
    expect(openCaseProblems('talked', true)).toEqual([]);
    expect(openCaseProblems('offer_accepted', true)).toEqual([]);
    for (const outcome of ['not_home', 'referred', 'declined'] as const) {
      expect(openCaseProblems(outcome, true)).toEqual([expect.objectContaining({ field: 'openCase', rule: 'case_from_talk' })]);
      expect(openCaseProblems(outcome, false)).toEqual([]);
    }
  });

  it('holds the names for the list\'s days from when it was set up, and not a moment after', () => {
    const createdAt = new Date('2026-03-01T10:00:00Z');
    expect(namesDueAt(createdAt, 30).toISOString()).toBe('2026-03-31T10:00:00.000Z');
    expect(isPastRetention({ createdAt, retentionDays: 30, namesDeletedAt: null }, new Date('2026-03-31T09:59:59Z'))).toBe(false);
    expect(isPastRetention({ createdAt, retentionDays: 30, namesDeletedAt: null }, new Date('2026-03-31T10:00:00Z'))).toBe(true);
    expect(isPastRetention({ createdAt, retentionDays: 30, namesDeletedAt: new Date('2026-03-02T00:00:00Z') }, new Date('2026-03-03T00:00:00Z'))).toBe(true);
  });

  it('splits a name as the municipality wrote it into first names and a last name', () => {
    expect(splitName('Amira Hassan Ali')).toEqual({ firstName: 'Amira Hassan', lastName: 'Ali' });
    expect(splitName('  Omar  ')).toEqual({ firstName: 'Omar' });
  });
});
