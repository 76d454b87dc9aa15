import { Injectable } from '@nestjs/common';
import type { PlanActor } from './actor';
import { compartmentOwnedBy, type Compartment } from './roles';

/** A SQL condition plus its parameters, to be ANDed into a query builder's WHERE. */
export interface SqlCondition {
  sql: string;
  params: Record<string, unknown>;
}

const NOTHING: SqlCondition = { sql: 'FALSE', params: {} };

/**
 * THE policy layer for residents' personal data: who may read which rows, expressed as SQL so
 * that lists, single reads, exports and statistics share one decision.
 *
 * Today access is by compartment: a resident record (and the cases in it) belongs to the
 * compartment of the role that registered it. Consent-based sharing with other organisations
 * widens these same conditions, so callers do not change when it arrives.
 */
@Injectable()
export class AccessPolicy {
  /** Residents the actor may read, for the resident aliased `alias`. */
  readableResidents(actor: PlanActor, alias: string): SqlCondition {
    return this.ownCompartment(actor, alias);
  }

  /** Residents the actor may change: only the owning compartment's role, never through a consent. */
  writableResidents(actor: PlanActor, alias: string): SqlCondition {
    return this.ownCompartment(actor, alias);
  }

  private ownCompartment(actor: PlanActor, alias: string): SqlCondition {
    const compartment = compartmentOwnedBy(actor.role);
    if (!compartment) return NOTHING;
    return {
      sql: `(${alias}.plan_id = :accessPlanId AND ${alias}.compartment = :accessCompartment)`,
      params: { accessPlanId: actor.planId, accessCompartment: compartment },
    };
  }

  /** Counselling cases the actor may read, for the case aliased `alias`. */
  readableCounsellingCases(actor: PlanActor, alias: string): SqlCondition {
    if (!this.ownsCompartment(actor, 'counselling')) return NOTHING;
    return { sql: `${alias}.plan_id = :accessPlanId`, params: { accessPlanId: actor.planId } };
  }

  /** Counselling cases the actor may change: the counsellors of the plan, never a consent reader. */
  writableCounsellingCases(actor: PlanActor, alias: string): SqlCondition {
    if (!this.ownsCompartment(actor, 'counselling')) return NOTHING;
    return { sql: `${alias}.plan_id = :accessPlanId`, params: { accessPlanId: actor.planId } };
  }

  /** Whether the actor may register and change data in a compartment (only its owning role may). */
  ownsCompartment(actor: PlanActor, compartment: Compartment): boolean {
    return compartmentOwnedBy(actor.role) === compartment;
  }
}
