import type { SignInDetails } from './sign-in-details';

/**
 * Who an event is about as the log records it: usually the caller (an Actor). For sign-in events
 * the caller may not be known (a failed login): `userId` and `role` are then null, and the event
 * is filed under the plan of the account it concerns, so the plan's leader sees it.
 */
export interface AuditActor {
  userId: string | null;
  role: string | null;
  planId: string | null;
  requestId: string;
}

export interface AuditEntry {
  action: string;
  purpose: string;
  residentId?: string | null;
  entityType?: string;
  entityId?: string | null;
  /** For an edit: the edited fields as they were and as they became (no personal data). */
  changes?: AuditChanges | null;
  /** For a sign-in-related event: how it happened (address, user agent, provider, method, outcome). */
  details?: SignInDetails | null;
}

export interface AuditChanges {
  before: Record<string, unknown>;
  after: Record<string, unknown>;
}
