import type { PlanRole, Role } from '../access/roles';

/**
 * The second-person rule of user management (issue 20). A role that reads a compartment's case
 * notes (counsellor: counselling; social worker: job programmes) is never granted by one person
 * alone: a new account in such a role, a role change into or between them, and the reactivation of
 * such an account take effect only when another person approves. The leader is guarded too,
 * because a leader approves: a leader who could make a mailbox of their own a second leader would
 * approve their own requests through it. A caseworker reads notes only where a resident's consent
 * names their municipal organisation, and is not guarded.
 */
export const GUARDED_ROLES: readonly PlanRole[] = ['leader', 'counsellor', 'social_worker'];

export const isGuarded = (role: Role): boolean => (GUARDED_ROLES as readonly Role[]).includes(role);

/** A change to what an account may do, as it is asked for. */
export interface RoleGrant {
  /** The role the account can use now; null when it cannot sign in (a new account, or a deactivated one). */
  from: PlanRole | null;
  to: PlanRole;
  /** Who asks: the platform admin, a user of the plan, or the single sign-on provider (the organisation's identity management). */
  requestedBy: 'admin' | 'plan_user' | 'provider';
  /** Whether the plan has an active leader other than the account itself. */
  planHasAnotherLeader: boolean;
}

/**
 * Whether a grant waits for a second person. Never for what takes access away or keeps it as it
 * is. The one grant that cannot wait is the first leader of a plan the admin sets up (nobody else
 * could approve it); once a plan has a leader, the admin's grants wait for that leader.
 */
export function needsApproval(grant: RoleGrant): boolean {
  if (!isGuarded(grant.to) || grant.from === grant.to) return false;
  if (grant.to === 'leader' && grant.requestedBy === 'admin' && !grant.planHasAnotherLeader) return false;
  return true;
}

export interface ApprovalContext {
  caller: { userId: string; role: Role; planId: string | null };
  request: { userId: string; planId: string; requestedBy: string | null };
  /** The plan's named approver (plan setting `approverUserId`), if any. */
  namedApproverId: string | null;
}

export type ApprovalRefusal = 'approval_of_self' | 'approval_by_requester' | 'not_an_approver';

/**
 * Who may decide a request: the platform admin, a leader of the plan, or the plan's named approver;
 * never the person who asked, nor the person it is about. The caller's plan is checked before
 * (another plan's user is not found).
 */
export function approvalRefusal({ caller, request, namedApproverId }: ApprovalContext): ApprovalRefusal | undefined {
  if (caller.userId === request.userId) return 'approval_of_self';
  if (caller.userId === request.requestedBy) return 'approval_by_requester';
  if (caller.role === 'admin' || caller.role === 'leader' || caller.userId === namedApproverId) return undefined;
  return 'not_an_approver';
}

/**
 * Who may drop a request: whoever may approve it, and the person who asked for it (withdrawing a
 * mistake), but not the person it is about.
 */
export function withdrawalRefusal(context: ApprovalContext): ApprovalRefusal | undefined {
  const refusal = approvalRefusal(context);
  return refusal === 'approval_by_requester' ? undefined : refusal;
}
