import { Forbidden } from '../common/domain-errors';
import type { Actor, PlanActor } from './actor-types';

/** Narrows an actor to one working inside a plan; the platform admin has none and is refused. */
export function requirePlan(actor: Actor): PlanActor {
  if (!actor.planId) throw new Forbidden('This works inside a plan; the platform administrator has none');
  return actor as PlanActor;
}
