import type { Role } from '../../access/roles';

export const REFERRAL_STATUSES = ['sent', 'accepted', 'rejected', 'completed', 'revoked'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

/** The statuses in Danish, for what people read (the resident's copy, reports): the one label source. */
export const REFERRAL_STATUS_LABELS: Record<ReferralStatus, string> = {
  sent: 'Sendt',
  accepted: 'Modtaget',
  rejected: 'Afvist',
  completed: 'Afsluttet',
  revoked: 'Trukket tilbage',
};

/** The statuses a follow-up can move a referral to; `sent` is where every referral starts. */
export const TARGET_REFERRAL_STATUSES = ['accepted', 'rejected', 'completed', 'revoked'] as const;
export type TargetReferralStatus = (typeof TARGET_REFERRAL_STATUSES)[number];

/**
 * The allowed moves: the recipient accepts or rejects a sent referral and completes an accepted
 * one; the sender revokes it while it is still under way. Rejected, completed and revoked are final.
 */
const NEXT: Record<ReferralStatus, readonly TargetReferralStatus[]> = {
  sent: ['accepted', 'rejected', 'revoked'],
  accepted: ['completed', 'revoked'],
  rejected: [],
  completed: [],
  revoked: [],
};

/**
 * Who may move a referral to each status: the receiving organisation's caseworker answers it
 * (accept, reject, complete); the counsellors, who own the case that sent it, take it back.
 */
const MOVED_BY: Record<TargetReferralStatus, Role> = {
  accepted: 'caseworker',
  rejected: 'caseworker',
  completed: 'caseworker',
  revoked: 'counsellor',
};

export function canMove(from: ReferralStatus, to: TargetReferralStatus): boolean {
  return NEXT[from].includes(to);
}

export function isFinalStatus(status: ReferralStatus): boolean {
  return NEXT[status].length === 0;
}

export function mayMoveTo(role: Role, to: TargetReferralStatus): boolean {
  return MOVED_BY[to] === role;
}

export function nextStatuses(from: ReferralStatus): readonly TargetReferralStatus[] {
  return NEXT[from];
}
