import type { Compartment } from '../access/roles';
import type { ProblemItem } from '../common/domain-errors';
import { ageOn, isInFuture, PLAN_TIME_ZONE } from '../common/time';
import type { ConsentScope } from './consent.entity';

/** Which compartment's resident a scope belongs to: the owner of that compartment records it. */
export const SCOPE_COMPARTMENT: Record<ConsentScope, Compartment> = {
  share_counselling: 'counselling',
  share_job_programme: 'job_programmes',
  job_programme_participation: 'job_programmes',
  share_jobcentre: 'jobcentre',
};

export interface ConsentRequest {
  scope: ConsentScope;
  recipientOrganisationIds: string[];
  givenBy: 'resident' | 'guardian';
  guardianId?: string;
  givenAt: Date;
  expiresAt?: Date;
  includesNotes?: boolean;
}

export interface ConsentContext {
  compartment: Compartment;
  birthDate: string | null;
  birthYear: number | null;
  guardianConsentBelowAge: number;
  guardianIds: string[];
  planOrganisationIds: string[];
  now?: Date;
}

/** Every reason a consent cannot be recorded as given; empty when it can. */
export function consentProblems(req: ConsentRequest, ctx: ConsentContext): ProblemItem[] {
  const problems: ProblemItem[] = [];
  const now = ctx.now ?? new Date();
  if (SCOPE_COMPARTMENT[req.scope] !== ctx.compartment) {
    problems.push({ field: 'scope', rule: 'scope_matches_compartment', message: `${req.scope} is not a consent for this resident's records (${ctx.compartment})` });
  }
  if (req.scope === 'job_programme_participation') {
    if (req.recipientOrganisationIds.length > 0) {
      problems.push({ field: 'recipientOrganisationIds', rule: 'no_recipients', message: 'consent to take part in the programme shares nothing: give no recipients' });
    }
  } else if (req.recipientOrganisationIds.length === 0) {
    problems.push({ field: 'recipientOrganisationIds', rule: 'recipients_named', message: 'name at least one organisation the data may be shared with' });
  }
  const unknown = req.recipientOrganisationIds.filter((id) => !ctx.planOrganisationIds.includes(id));
  if (unknown.length) {
    problems.push({ field: 'recipientOrganisationIds', rule: 'organisation_in_plan', message: `not organisations of your plan: ${unknown.join(', ')}` });
  }
  if (req.includesNotes && req.scope !== 'share_counselling') {
    problems.push({ field: 'includesNotes', rule: 'notes_only_for_counselling', message: 'only a share_counselling consent can include case notes' });
  }
  if (isInFuture(req.givenAt, now)) problems.push({ field: 'givenAt', rule: 'not_in_future', message: 'givenAt is in the future' });
  if (req.expiresAt && req.expiresAt.getTime() <= req.givenAt.getTime()) {
    problems.push({ field: 'expiresAt', rule: 'expires_after_given', message: 'expiresAt must be after givenAt' });
  }
  problems.push(...giverProblems(req, ctx));
  return problems;
}

function giverProblems(req: ConsentRequest, ctx: ConsentContext): ProblemItem[] {
  if (req.givenBy === 'guardian') {
    if (!req.guardianId) return [{ field: 'guardianId', rule: 'guardian_named', message: 'name the guardian who gave the consent (guardianId)' }];
    if (!ctx.guardianIds.includes(req.guardianId)) {
      return [{ field: 'guardianId', rule: 'registered_guardian', message: 'guardianId is not a registered guardian of this resident' }];
    }
    return [];
  }
  if (req.guardianId) return [{ field: 'guardianId', rule: 'guardian_only_for_guardian', message: 'guardianId is only given when givenBy is guardian' }];
  const limit = ctx.guardianConsentBelowAge;
  const age = ageAt(req.givenAt, ctx.birthDate, ctx.birthYear);
  if (age === undefined || age < limit) {
    const why = age === undefined ? "the resident's age is not recorded" : `the resident was ${age} when the consent was given`;
    return [{ field: 'givenBy', rule: 'guardian_consent_for_minor', message: `a resident under ${limit} cannot consent alone and ${why}: a registered guardian must give the consent` }];
  }
  return [];
}

/**
 * Age on the day (in Copenhagen) the consent was given. With only a birth year the lowest
 * possible age is used, so a minor is never taken for old enough.
 */
function ageAt(at: Date, birthDate: string | null, birthYear: number | null): number | undefined {
  const day = at.toLocaleDateString('sv-SE', { timeZone: PLAN_TIME_ZONE });
  if (birthDate) return ageOn(birthDate, day);
  if (birthYear) return Number(day.slice(0, 4)) - birthYear - 1;
  return undefined;
}
