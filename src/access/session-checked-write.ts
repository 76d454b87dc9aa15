import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { PlanActor } from './actor-types';
import { roleNotAllowed, sessionEnded } from './policy-refusals';
import type { Role } from './roles';

export const SESSION_CHECKED_BY_WRITE = 'access:sessionCheckedByWrite';

/**
 * Marks a hot write (logging a contact in the drop-in hour, bench/README.md) that checks the
 * caller's session inside its own statement: one round trip to the database instead of two, and
 * the check is atomic with the write, so a session that ends a moment earlier cannot slip a write
 * in between.
 *
 * On such a route the policy guard verifies the token (signature, issuer, audience, expiry) and
 * the route's roles against the token's role, which cannot be stale while its session is open (a
 * role change ends every session of the user); it does not read the session. The handler gets an
 * `UncheckedCaller`, which is not an Actor: `@CurrentActor()` and `@PlanActor()` refuse to run on
 * such a route. The repository's statement joins `openSessionUser` (sessions.repository.ts), and
 * `checkedActor` turns what it found into the actor, or refuses exactly as the guard does.
 */
export const SessionCheckedByWrite = () => SetMetadata(SESSION_CHECKED_BY_WRITE, true);

/** What the token strategy puts on such a request: a valid token whose session and account have not been read yet. */
export interface UncheckedCallerClaims {
  readonly sessionCheck: 'by-write';
  readonly userId: string;
  readonly sessionId: string;
  /** What the token says; the guard judges the route's roles by it, the statement by the account's role now. */
  readonly claimedRole: Role;
  /** The roles the route allows; the statement writes only for an account that has one of them now. */
  readonly allowedRoles: readonly Role[];
  readonly amr: readonly string[];
  readonly authTime?: number;
}

/** The caller of a route marked @SessionCheckedByWrite(), as its handler gets it. */
export interface UncheckedCaller extends UncheckedCallerClaims {
  readonly requestId: string;
}

/**
 * The caller of such a route: from verified token claims (the token strategy), or from a session
 * the service opened itself (the demo seed signs its counsellor in).
 */
export function uncheckedCaller(
  who: { userId: string; sessionId: string; role: Role; amr: readonly string[]; authTime?: number },
  allowedRoles: readonly Role[],
): UncheckedCallerClaims {
  return { sessionCheck: 'by-write', userId: who.userId, sessionId: who.sessionId, claimedRole: who.role, allowedRoles, amr: who.amr, authTime: who.authTime };
}

const ALLOWED_ROLES_BY_WRITE = Symbol('allowedRolesBySessionCheckedWrite');

/** The guard tells the token strategy, for this request only, to leave the session to the write. */
export function markSessionCheckedByWrite(request: object, allowedRoles: readonly Role[]): void {
  (request as { [ALLOWED_ROLES_BY_WRITE]?: readonly Role[] })[ALLOWED_ROLES_BY_WRITE] = allowedRoles;
}

export function allowedRolesIfSessionCheckedByWrite(request: object): readonly Role[] | undefined {
  return (request as { [ALLOWED_ROLES_BY_WRITE]?: readonly Role[] })[ALLOWED_ROLES_BY_WRITE];
}

type RequestWithUser = FastifyRequest & { user?: { sessionCheck?: string } };

export function isUncheckedCaller(user: unknown): user is UncheckedCallerClaims {
  return typeof user === 'object' && user !== null && (user as { sessionCheck?: unknown }).sessionCheck === 'by-write';
}

/** `@UncheckedCaller() caller: UncheckedCaller`, only on a route marked @SessionCheckedByWrite(). */
export const UncheckedCaller = createParamDecorator((_data: unknown, ctx: ExecutionContext): UncheckedCaller => {
  const request = ctx.switchToHttp().getRequest<RequestWithUser>();
  if (!isUncheckedCaller(request.user)) throw new Error('UncheckedCaller used on a route whose session the guard has checked: use @PlanActor()');
  return { ...request.user, requestId: String(request.id) };
});

/** What a write's statement found of its caller: all null when the session has ended or the account is inactive. */
export interface CallerFound {
  callerRole: Role | null;
  callerPlanId: string | null;
  callerOrganisationId: string | null;
}

/** The statement's columns for CallerFound, from the `caller` row of openSessionUser (alias `a`, joined LEFT so a missing caller still answers). */
export const CALLER_FOUND_COLUMNS = `a.role AS "callerRole", a.plan_id AS "callerPlanId", a.organisation_id AS "callerOrganisationId"`;

/**
 * The caller as an actor of their plan, once the statement has found their open session and
 * active account; otherwise the refusals the policy guard gives on every other route: 401
 * `session_ended`, 403 for a role the route does not allow or for the platform admin.
 */
export function checkedActor(caller: UncheckedCaller, found: CallerFound | undefined): PlanActor {
  if (!found?.callerRole) throw sessionEnded();
  if (!caller.allowedRoles.includes(found.callerRole) || !found.callerPlanId) throw roleNotAllowed();
  return {
    userId: caller.userId,
    role: found.callerRole,
    planId: found.callerPlanId,
    organisationId: found.callerOrganisationId,
    requestId: caller.requestId,
    sessionId: caller.sessionId,
    amr: [...caller.amr],
    authTime: caller.authTime,
  };
}
