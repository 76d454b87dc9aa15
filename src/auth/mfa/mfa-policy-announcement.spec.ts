import { mfaPolicyNotice } from './mfa-policy-announcement';

describe('what the start-up log says about roles without a second factor', () => {
  const everyRole = ['admin', 'leader', 'counsellor', 'social_worker', 'caseworker', 'volunteer'] as const;

  it('says nothing when every role must use a second factor', () => {
    expect(mfaPolicyNotice({ production: true, mfaRequiredRoles: everyRole })).toBeUndefined();
  });

  it('warns in production of every role left out', () => {
    expect(mfaPolicyNotice({ production: true, mfaRequiredRoles: ['admin', 'leader', 'counsellor'] })).toEqual({
      level: 'warn',
      message: expect.stringContaining('social_worker, caseworker, volunteer'),
      rolesWithoutMfa: ['social_worker', 'caseworker', 'volunteer'],
    });
  });

  it('logs an error in production when the ALLOW_NO_MFA override leaves every role without one', () => {
    expect(mfaPolicyNotice({ production: true, mfaRequiredRoles: [] })).toMatchObject({ level: 'error', message: expect.stringContaining('ALLOW_NO_MFA=true'), rolesWithoutMfa: [...everyRole] });
  });

  it('only informs outside production, where an empty list is how the demo is tried', () => {
    expect(mfaPolicyNotice({ production: false, mfaRequiredRoles: [] })?.level).toBe('log');
  });
});
