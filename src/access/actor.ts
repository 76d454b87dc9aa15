import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { requirePlan } from './plan-actor';
import type { Role } from './roles';
import { isUncheckedCaller } from './session-checked-write';

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

export const CurrentActor = createParamDecorator((_data: unknown, ctx: ExecutionContext): Actor => {
  const request = ctx.switchToHttp().getRequest<FastifyRequest & { user?: Omit<Actor, 'requestId'> }>();
  if (!request.user) throw new Error('CurrentActor used on a route without authentication');
  if (isUncheckedCaller(request.user)) throw new Error('CurrentActor used on a route that leaves the session check to its write: use @UncheckedCaller()');
  return { ...request.user, requestId: String(request.id) };
});

/**
 * The caller as someone working inside a plan; the platform admin, who has none, is refused (403)
 * before the handler runs. `@PlanActor() actor: PlanActor`.
 */
export const PlanActor = createParamDecorator((_data: unknown, ctx: ExecutionContext): PlanActor => {
  const request = ctx.switchToHttp().getRequest<FastifyRequest & { user?: Omit<Actor, 'requestId'> }>();
  if (!request.user) throw new Error('PlanActor used on a route without authentication');
  if (isUncheckedCaller(request.user)) throw new Error('PlanActor used on a route that leaves the session check to its write: use @UncheckedCaller()');
  return requirePlan({ ...request.user, requestId: String(request.id) });
});
