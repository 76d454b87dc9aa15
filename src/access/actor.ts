import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Actor, PlanActor as PlanActorShape } from './actor-types';
import { requirePlan } from './plan-actor';
import { isUncheckedCaller } from './session-checked-write';

export type { Actor } from './actor-types';

/** An actor that works inside a plan (every role but admin); also the parameter decorator below. */
export interface PlanActor extends PlanActorShape {}

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
