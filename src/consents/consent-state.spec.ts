import { consentHistory, consentStatus } from './consent-state';

const given = new Date('2026-02-01T10:00:00Z');

describe('the state of a consent, derived from what was recorded', () => {
  it('is active from when it was given until it expires', () => {
    const expiresAt = new Date('2026-08-01T00:00:00Z');
    expect(consentStatus({ givenAt: given, expiresAt, withdrawnAt: null }, new Date('2026-01-31T00:00:00Z'))).toBe('pending');
    expect(consentStatus({ givenAt: given, expiresAt, withdrawnAt: null }, new Date('2026-03-01T00:00:00Z'))).toBe('active');
    expect(consentStatus({ givenAt: given, expiresAt, withdrawnAt: null }, expiresAt)).toBe('expired');
  });

  it('ends at once when withdrawn, and the history keeps both events', () => {
    const withdrawnAt = new Date('2026-03-01T09:00:00Z');
    const facts = { givenAt: given, expiresAt: new Date('2026-12-01T00:00:00Z'), withdrawnAt };
    expect(consentStatus(facts, withdrawnAt)).toBe('withdrawn');
    expect(consentHistory(facts, new Date('2027-01-01T00:00:00Z'))).toEqual([
      { event: 'given', at: given },
      { event: 'withdrawn', at: withdrawnAt },
    ]);
  });

  it('reports expiry, not a later withdrawal, when it had already expired', () => {
    const facts = { givenAt: given, expiresAt: new Date('2026-03-01T00:00:00Z'), withdrawnAt: new Date('2026-04-01T00:00:00Z') };
    expect(consentHistory(facts, new Date('2026-05-01T00:00:00Z')).map((e) => e.event)).toEqual(['given', 'expired']);
  });
});
