/**
 * Families of audit events a leader filters by (GET /audit-events?kind=), each by the prefix of
 * its actions: one definition for the filter, its index (migration 1733910000000) and the docs.
 */
export const AUDIT_KINDS = ['sign_in', 'account'] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];

export const AUDIT_KIND_PREFIX: Record<AuditKind, string> = {
  /** Sign-ins, failed attempts, second-factor failures and locks, logouts, single sign-on. */
  sign_in: 'auth.',
  /** Staff accounts: invitations, roles, passwords, second factors enrolled or reset. */
  account: 'user.',
};
