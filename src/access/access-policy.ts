import { Injectable } from '@nestjs/common';
import { ACTIVE_CONSENT_SQL } from '../consents/consent-state';
import type { ConsentScope } from '../consents/consent.entity';
import type { PlanActor } from './actor';
import { compartmentOwnedBy, type Compartment } from './roles';

/** A SQL condition plus its parameters, to be ANDed into a query builder's WHERE. */
export interface SqlCondition {
  sql: string;
  params: Record<string, unknown>;
}

/** The conditions that need no query: callers compare by identity to skip one. */
export const NOTHING: SqlCondition = { sql: 'FALSE', params: {} };
export const EVERYONE: SqlCondition = { sql: 'TRUE', params: {} };

/** Which kind of a resident's data a consent scope opens to the named organisations. */
const SCOPES_FOR: Record<'resident' | Compartment, ConsentScope[]> = {
  resident: ['share_counselling', 'share_job_programme', 'share_jobcentre'],
  counselling: ['share_counselling'],
  job_programmes: ['share_job_programme'],
  jobcentre: ['share_jobcentre'],
};

/**
 * THE policy layer for residents' personal data: who may read which rows, expressed as SQL so
 * that lists, single reads, exports and statistics share one decision.
 *
 * A resident record, and the cases and programmes in it, belongs to the compartment of the role
 * that registered it; only that role changes it. Anyone else (a municipal caseworker, the other
 * compartment) reads it only while the resident has an active consent whose scope covers the
 * data and whose recipients include the reader's organisation (domain.md "Consent and access").
 */
@Injectable()
export class AccessPolicy {
  /** Residents the actor may read, for the resident aliased `alias`. */
  readableResidents(actor: PlanActor, alias: string): SqlCondition {
    return this.either(this.ownCompartment(actor, alias), this.sharedByConsent(actor, `${alias}.id`, 'resident'));
  }

  /** Residents the actor may change: only the owning compartment's role, never through a consent. */
  writableResidents(actor: PlanActor, alias: string): SqlCondition {
    return this.ownCompartment(actor, alias);
  }

  /**
   * Residents whose access log (who read or changed their data, and why) the actor may read: the
   * owning compartment's role, and the plan's leader, who answers for the plan's data handling
   * but sees only the log, never the data it is about.
   */
  accessLogReadableResidents(actor: PlanActor, alias: string): SqlCondition {
    if (actor.role === 'leader') return { sql: `${alias}.plan_id = :accessPlanId`, params: { accessPlanId: actor.planId } };
    return this.ownCompartment(actor, alias);
  }

  /**
   * Rows of another module that are about one resident and readable exactly when the resident is
   * (an activity's enrolments): `residentColumn` names the row's resident_id. One decision with
   * readableResidents, so such a row is never shown where its resident is not.
   */
  readableThroughResident(actor: PlanActor, residentColumn: string): SqlCondition {
    const compartment = compartmentOwnedBy(actor.role);
    const own: SqlCondition = compartment
      ? {
          sql: `EXISTS (SELECT 1 FROM residents owner_r WHERE owner_r.id = ${residentColumn} AND owner_r.plan_id = :accessPlanId AND owner_r.compartment = :accessCompartment)`,
          params: { accessPlanId: actor.planId, accessCompartment: compartment },
        }
      : NOTHING;
    return this.either(own, this.sharedByConsent(actor, residentColumn, 'resident'));
  }

  /** Counselling cases the actor may read, for the case aliased `alias`. */
  readableCounsellingCases(actor: PlanActor, alias: string): SqlCondition {
    return this.either(this.writableCounsellingCases(actor, alias), this.sharedByConsent(actor, `${alias}.resident_id`, 'counselling'));
  }

  /** Counselling cases the actor may change: the counsellors of the plan. */
  writableCounsellingCases(actor: PlanActor, alias: string): SqlCondition {
    return this.owner(actor, alias, 'counselling');
  }

  /**
   * Referrals (aliased `referral`, of the case aliased `kase`) whose follow-up the actor takes
   * part in: the plan's counsellors, who send them; a caseworker, only those sent to their own
   * organisation and only while the consent that let them be sent (share_counselling naming that
   * organisation) is active. Anyone else: none.
   */
  followedUpReferrals(actor: PlanActor, referral: string, kase: string): SqlCondition {
    const owner = this.owner(actor, referral, 'counselling');
    if (owner !== NOTHING || actor.role !== 'caseworker' || !actor.organisationId) return owner;
    const shared = this.sharedByConsent(actor, `${kase}.resident_id`, 'counselling');
    return { sql: `(${referral}.organisation_id = :accessOrganisationId AND ${shared.sql})`, params: shared.params };
  }

  /**
   * Internships (aliased `alias`) the actor may read. An internship is for an adult, and adults are
   * counselling-compartment residents, so it is counselling data: the counsellors read it, and
   * others (the job centre's caseworker) only while a share_counselling consent names them.
   */
  readableInternships(actor: PlanActor, alias: string): SqlCondition {
    return this.readableCounsellingCases(actor, alias);
  }

  /** Internships the actor may record and end: the counsellors of the plan. */
  writableInternships(actor: PlanActor, alias: string): SqlCondition {
    return this.writableCounsellingCases(actor, alias);
  }

  /** Småjobs (aliased `alias`): like internships, adults' work with employers, so counselling data. */
  readableSmallJobs(actor: PlanActor, alias: string): SqlCondition {
    return this.readableCounsellingCases(actor, alias);
  }

  /** Småjobs the actor may record and end: the counsellors of the plan. */
  writableSmallJobs(actor: PlanActor, alias: string): SqlCondition {
    return this.writableCounsellingCases(actor, alias);
  }

  /** Job programmes the actor may read, for the programme aliased `alias`. */
  readableJobProgrammes(actor: PlanActor, alias: string): SqlCondition {
    return this.either(this.writableJobProgrammes(actor, alias), this.sharedByConsent(actor, `${alias}.resident_id`, 'job_programmes'));
  }

  /** Job programmes the actor may change: the social workers of the plan. */
  writableJobProgrammes(actor: PlanActor, alias: string): SqlCondition {
    return this.owner(actor, alias, 'job_programmes');
  }

  /**
   * Job-centre enrolments (aliased `alias`) the actor may read: the plan's caseworkers, whose
   * compartment it is, and the boligsocial staff only while the person's share_jobcentre consent
   * names their organisation, exactly as the caseworker reads counselling under share_counselling.
   */
  readableJobcentreEnrolments(actor: PlanActor, alias: string): SqlCondition {
    return this.either(this.writableJobcentreEnrolments(actor, alias), this.sharedByConsent(actor, `${alias}.resident_id`, 'jobcentre'));
  }

  /** Job-centre enrolments the actor may change: the caseworkers of the plan. */
  writableJobcentreEnrolments(actor: PlanActor, alias: string): SqlCondition {
    return this.owner(actor, alias, 'jobcentre');
  }

  /** Whether the actor may register and change data in a compartment (only its owning role may). */
  ownsCompartment(actor: PlanActor, compartment: Compartment): boolean {
    return compartmentOwnedBy(actor.role) === compartment;
  }

  /**
   * Residents (aliased `alias`) whose counselling free text (case subject and outcome, contact
   * notes, referral reasons and recipients) the actor may see. That text is as sensitive as notes
   * (issue 7, security finding 10): a reader who is not the owner sees it only while an active
   * share_counselling consent naming their organisation includes notes. Built from the same SQL
   * as the read scope, so free text is never shared where the case itself is not.
   */
  counsellingFreeText(actor: PlanActor, alias: string): SqlCondition {
    if (this.ownsCompartment(actor, 'counselling')) return EVERYONE;
    return this.sharedByConsent(actor, `${alias}.id`, 'counselling', true);
  }

  /**
   * Whether the actor may see a job programme's free text (conversation notes, end and phase
   * reasons, the employment's exception reason): only the social workers. A share_job_programme
   * consent can never include notes (consent-rules.ts, notes_only_for_counselling), so a reader
   * through a consent sees the facts of the programme and none of what was written about the youth.
   */
  jobProgrammeFreeTextShared(actor: PlanActor): boolean {
    return this.ownsCompartment(actor, 'job_programmes');
  }

  /** The audit purpose of a read: the owner's own work, or access granted by the resident's consent. */
  readPurpose(actor: PlanActor, compartment: Compartment, ownPurpose: string): string {
    return this.ownsCompartment(actor, compartment) ? ownPurpose : 'shared_by_consent';
  }

  private ownCompartment(actor: PlanActor, alias: string): SqlCondition {
    const compartment = compartmentOwnedBy(actor.role);
    if (!compartment) return NOTHING;
    return {
      sql: `(${alias}.plan_id = :accessPlanId AND ${alias}.compartment = :accessCompartment)`,
      params: { accessPlanId: actor.planId, accessCompartment: compartment },
    };
  }

  private owner(actor: PlanActor, alias: string, compartment: Compartment): SqlCondition {
    if (!this.ownsCompartment(actor, compartment)) return NOTHING;
    return { sql: `${alias}.plan_id = :accessPlanId`, params: { accessPlanId: actor.planId } };
  }

  /** `withNotes`: only consents that include notes (and with them the free text). */
  private sharedByConsent(actor: PlanActor, residentColumn: string, kind: keyof typeof SCOPES_FOR, withNotes = false): SqlCondition {
    // A volunteer's partner organisation may be named in a consent (a referral to the NGO), but the
    // volunteer reads no resident data at all (issue 23): the consent is for the organisation's staff.
    if (!actor.organisationId || actor.role === 'volunteer') return NOTHING;
    const scopes = `accessScopes_${kind}`;
    return {
      sql: `EXISTS (SELECT 1 FROM consents k JOIN consent_recipients kr ON kr.consent_id = k.id
              WHERE k.resident_id = ${residentColumn} AND k.plan_id = :accessPlanId AND k.scope IN (:...${scopes})
                AND kr.organisation_id = :accessOrganisationId AND ${ACTIVE_CONSENT_SQL('k')}${withNotes ? ' AND k.includes_notes' : ''})`,
      params: { accessPlanId: actor.planId, accessOrganisationId: actor.organisationId, [scopes]: SCOPES_FOR[kind] },
    };
  }

  private either(a: SqlCondition, b: SqlCondition): SqlCondition {
    if (a === NOTHING) return b;
    if (b === NOTHING) return a;
    return { sql: `(${a.sql} OR ${b.sql})`, params: { ...a.params, ...b.params } };
  }
}
