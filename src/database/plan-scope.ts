import type { EntityManager, EntityTarget, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { SqlCondition } from '../access/access-policy';
import type { PlanActor } from '../access/actor';
import { NotFound } from '../common/domain-errors';

/**
 * How repositories start every read of a plan's rows: the caller's plan, always, and the policy
 * layer's condition for personal data (access-policy.ts). Modelled on twenty's workspace-scoped
 * repositories: a query that forgot the plan cannot be written through here.
 *
 * The table must have a `plan_id` column; `alias` names it in the query.
 */
export function inPlan<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  alias: string,
  actor: Pick<PlanActor, 'planId'>,
  policy?: SqlCondition,
): SelectQueryBuilder<T> {
  const query = manager.getRepository(entity).createQueryBuilder(alias).where(`${alias}.plan_id = :scopePlanId`, { scopePlanId: actor.planId });
  return policy ? query.andWhere(policy.sql, policy.params) : query;
}

export interface FindInPlanOptions {
  /** The policy layer's condition; required for tables of residents' personal data. */
  policy?: SqlCondition;
  /** Lock the row (FOR UPDATE) until the caller's transaction ends. */
  lock?: boolean;
  /** What the 404 names ("Counselling case"): anything outside the plan or the policy is "not found". */
  notFound: string;
}

/** One row by id within the caller's plan and reach, or 404; optionally locked for the transaction. */
export async function findInPlan<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  alias: string,
  actor: Pick<PlanActor, 'planId'>,
  id: string,
  options: FindInPlanOptions,
): Promise<T> {
  const query = inPlan(manager, entity, alias, actor, options.policy).andWhere(`${alias}.id = :scopeId`, { scopeId: id });
  if (options.lock) query.setLock('pessimistic_write');
  const found = await query.getOne();
  if (!found) throw new NotFound(options.notFound);
  return found;
}
