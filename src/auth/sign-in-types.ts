import type { Role } from '../access/roles';

/** Where a request came from, for the audit log and throttling (src/auth/request-origin.ts). */
export interface RequestOrigin {
  address: string;
  requestId: string;
  /** The User-Agent header, shortened, for the audit log. */
  userAgent?: string;
}

export interface SigningInUser {
  id: string;
  role: Role;
  planId: string | null;
  /** A new (or reactivated) account whose role waits for a second person's approval: it gets no session yet. */
  awaitingApproval?: boolean;
}

/** The audit log's purpose of every sign-in event. */
export const AUTHENTICATION = 'authentication';
