import { credentialState } from './sso-health';

const now = new Date('2026-12-07T10:00:00Z');

describe('how close a single sign-on credential is to expiry', () => {
  it('is ok with a month or more left', () => {
    expect(credentialState(new Date('2027-06-30'), now)).toMatchObject({ daysLeft: 204, state: 'ok' });
    expect(credentialState(new Date('2027-01-06T10:00:00Z'), now)).toMatchObject({ daysLeft: 30, state: 'ok' });
  });

  it('warns under 30 days, and says expired from the moment it expires', () => {
    expect(credentialState(new Date('2027-01-06T09:59:59Z'), now)).toMatchObject({ daysLeft: 29, state: 'expiring' });
    expect(credentialState(new Date('2026-12-07T10:00:01Z'), now)).toMatchObject({ daysLeft: 0, state: 'expiring' });
    expect(credentialState(new Date('2026-12-07T10:00:00Z'), now)).toMatchObject({ state: 'expired' });
    expect(credentialState(new Date('2026-11-01'), now)).toMatchObject({ daysLeft: -37, state: 'expired' });
  });

  it('says unknown, not ok, when the providers file does not say when the secret expires', () => {
    expect(credentialState(undefined, now)).toEqual({ expiresAt: null, daysLeft: null, state: 'unknown' });
  });
});
