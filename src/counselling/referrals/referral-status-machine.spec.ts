import { canMove, isFinalStatus, mayMoveTo, nextStatuses, REFERRAL_STATUSES, TARGET_REFERRAL_STATUSES } from './referral-status-machine';

describe('the referral status machine', () => {
  it('lets a sent referral be accepted, rejected or revoked, but not completed before it is accepted', () => {
    expect(canMove('sent', 'accepted')).toBe(true);
    expect(canMove('sent', 'rejected')).toBe(true);
    expect(canMove('sent', 'revoked')).toBe(true);
    expect(canMove('sent', 'completed')).toBe(false);
  });

  it('lets an accepted referral be completed or revoked, and neither accepted nor rejected again', () => {
    expect(nextStatuses('accepted')).toEqual(['completed', 'revoked']);
    expect(canMove('accepted', 'accepted')).toBe(false);
    expect(canMove('accepted', 'rejected')).toBe(false);
  });

  it('treats rejected, completed and revoked as final: nothing moves them', () => {
    for (const from of ['rejected', 'completed', 'revoked'] as const) {
      expect(isFinalStatus(from)).toBe(true);
      for (const to of TARGET_REFERRAL_STATUSES) expect(canMove(from, to)).toBe(false);
    }
    expect(REFERRAL_STATUSES.filter(isFinalStatus)).toEqual(['rejected', 'completed', 'revoked']);
  });

  it('leaves accepting, rejecting and completing to the receiving caseworker and revoking to the counsellor', () => {
    expect(mayMoveTo('caseworker', 'accepted')).toBe(true);
    expect(mayMoveTo('caseworker', 'rejected')).toBe(true);
    expect(mayMoveTo('caseworker', 'completed')).toBe(true);
    expect(mayMoveTo('caseworker', 'revoked')).toBe(false);
    expect(mayMoveTo('counsellor', 'revoked')).toBe(true);
    expect(mayMoveTo('counsellor', 'accepted')).toBe(false);
    expect(mayMoveTo('social_worker', 'accepted')).toBe(false);
  });
});
