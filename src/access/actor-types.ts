import type { Role } from './roles';

/** Who is calling: everything the policy layer and the audit log need to know about the caller. */
export interface Actor {
  userId: string;
  role: Role;
  planId: string | null;
  organisationId: string | null;
  requestId: string;
  /** The sign-in the request's token belongs to. */
  sessionId?: string;
  /** How and when (seconds since the epoch) the user authenticated at that sign-in. */
  amr?: string[];
  authTime?: number;
}

/** An actor that works inside a plan (every role but admin). */
export interface PlanActor extends Actor {
  planId: string;
}
