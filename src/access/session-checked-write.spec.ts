import { ForbiddenException } from '@nestjs/common';
import { Unauthenticated } from '../common/domain-errors';
import { checkedActor, type UncheckedCaller } from './session-checked-write';

const caller: UncheckedCaller = {
  sessionCheck: 'by-write',
  userId: '6f1c0c3e-8d0a-4c33-9d4e-0d7a3e0b2f11',
  sessionId: 'b2f7a0de-3c1e-4b8f-8a51-7f5e9c2d4a60',
  claimedRole: 'counsellor',
  allowedRoles: ['counsellor'],
  amr: ['pwd'],
  authTime: 1_765_000_000,
  requestId: 'req-1',
};

describe('a write that checks its own session', () => {
  it('refuses as session_ended when the statement found no open session or active account', () => {
    for (const found of [undefined, { callerRole: null, callerPlanId: null, callerOrganisationId: null }]) {
      expect(() => checkedActor(caller, found)).toThrow(Unauthenticated);
    }
  });

  it("judges the role the account has now, not the token's", () => {
    expect(() => checkedActor(caller, { callerRole: 'social_worker', callerPlanId: 'plan', callerOrganisationId: null })).toThrow(ForbiddenException);
  });

  it('refuses the platform admin, who works in no plan', () => {
    expect(() => checkedActor({ ...caller, allowedRoles: ['admin', 'counsellor'] }, { callerRole: 'admin', callerPlanId: null, callerOrganisationId: null })).toThrow(ForbiddenException);
  });

  it("makes the actor of the caller's plan from what the statement found", () => {
    expect(checkedActor(caller, { callerRole: 'counsellor', callerPlanId: 'plan-1', callerOrganisationId: null })).toEqual({
      userId: caller.userId,
      role: 'counsellor',
      planId: 'plan-1',
      organisationId: null,
      requestId: 'req-1',
      sessionId: caller.sessionId,
      amr: ['pwd'],
      authTime: 1_765_000_000,
    });
  });
});
