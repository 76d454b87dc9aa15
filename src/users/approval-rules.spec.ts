import { approvalRefusal, needsApproval, withdrawalRefusal, type RoleGrant } from './approval-rules';

const grant = (over: Partial<RoleGrant>): RoleGrant => ({ from: null, to: 'counsellor', requestedBy: 'plan_user', planHasAnotherLeader: true, ...over });

describe('which grants wait for a second person', () => {
  it('holds back a new account, or a reactivated one, that would read a compartment\'s notes', () => {
    expect(needsApproval(grant({ from: null, to: 'counsellor' }))).toBe(true);
    expect(needsApproval(grant({ from: null, to: 'social_worker', requestedBy: 'admin' }))).toBe(true);
    expect(needsApproval(grant({ from: null, to: 'counsellor', requestedBy: 'provider' }))).toBe(true);
  });

  it('holds back a role change into or between the compartments, and into leader', () => {
    expect(needsApproval(grant({ from: 'social_worker', to: 'counsellor' }))).toBe(true);
    expect(needsApproval(grant({ from: 'leader', to: 'counsellor' }))).toBe(true);
    expect(needsApproval(grant({ from: 'counsellor', to: 'leader' }))).toBe(true);
  });

  it('lets through what keeps or narrows access, and caseworkers, who read only by consent', () => {
    expect(needsApproval(grant({ from: 'counsellor', to: 'counsellor' }))).toBe(false);
    expect(needsApproval(grant({ from: null, to: 'caseworker' }))).toBe(false);
  });

  it('lets the admin make the first leader of a plan at once, but not a second one', () => {
    expect(needsApproval(grant({ to: 'leader', requestedBy: 'admin', planHasAnotherLeader: false }))).toBe(false);
    expect(needsApproval(grant({ to: 'leader', requestedBy: 'admin', planHasAnotherLeader: true }))).toBe(true);
    expect(needsApproval(grant({ to: 'leader', requestedBy: 'plan_user', planHasAnotherLeader: false }))).toBe(true);
  });
});

describe('who decides a request', () => {
  const request = { userId: 'new', planId: 'plan', requestedBy: 'asker' };
  const as = (userId: string, role: 'admin' | 'leader' | 'counsellor', namedApproverId: string | null = null) =>
    ({ caller: { userId, role, planId: role === 'admin' ? null : 'plan' }, request, namedApproverId });

  it('lets another leader, the admin or the named approver approve', () => {
    expect(approvalRefusal(as('other-leader', 'leader'))).toBeUndefined();
    expect(approvalRefusal(as('admin', 'admin'))).toBeUndefined();
    expect(approvalRefusal(as('named', 'counsellor', 'named'))).toBeUndefined();
  });

  it('never lets the one who asked, or the one it is about, approve', () => {
    expect(approvalRefusal(as('asker', 'leader'))).toBe('approval_by_requester');
    expect(approvalRefusal(as('asker', 'admin'))).toBe('approval_by_requester');
    expect(approvalRefusal(as('new', 'leader'))).toBe('approval_of_self');
    expect(approvalRefusal(as('someone', 'counsellor'))).toBe('not_an_approver');
  });

  it('lets the one who asked withdraw the request, but not the one it is about', () => {
    expect(withdrawalRefusal(as('asker', 'leader'))).toBeUndefined();
    expect(withdrawalRefusal(as('new', 'leader'))).toBe('approval_of_self');
  });

  it('counts a request of the provider as nobody\'s: any approver decides it', () => {
    expect(approvalRefusal({ ...as('leader', 'leader'), request: { ...request, requestedBy: null } })).toBeUndefined();
  });
});
