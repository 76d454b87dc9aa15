import { Injectable } from '@nestjs/common';
import type { PlanActor } from '../access/actor';
import { ReferralConsentGate, relevantConsent, type RelevantConsent } from '../access/referral-consent-gate';
import { consentsOnRecord } from '../consents/active-consents.repository';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { checkedActor, type UncheckedCaller } from '../access/session-checked-write';
import { AuditWriter } from '../audit/audit-writer';
import { InvalidInput, NotFound, RuleViolation, type ProblemItem } from '../common/domain-errors';
import { isInFuture } from '../common/time';
import { PlansService } from '../plans/plans.service';
import { CaseActivityRepository } from './case-activity.repository';
import { activityTimeProblems } from './case-timeline';
import { residentErased } from '../residents/residents.repository';
import { ResidentsService } from '../residents/residents.service';
import { CASE_NOT_FOUND, caseClosed, CounsellingCasesRepository } from './counselling-cases.repository';
import { COUNSELLING_PURPOSE } from './counselling-cases.service';
import type { CounsellingProblem } from './counselling-problems';
import { contactView, referralView } from './counselling-views';
import type { ContactResponse, ReferralRecipientPage, ReferralResponse } from './dto/counselling-response.dto';
import type { RecordContactDto, RecordReferralDto } from './dto/counselling.dto';
import { UnitOfWork } from '../database/unit-of-work';

/** The most specific reason a referral is refused: a missing consent is what the counsellor must act on first. */
function referralProblemCode(problems: ProblemItem[]): CounsellingProblem {
  if (problems.some((p) => p.rule === 'share_counselling_consent')) return 'consent_required';
  if (problems.some((p) => p.rule === 'organisation_in_plan')) return 'organisation_not_in_plan';
  return 'activity_time_out_of_range';
}

/** A consent as a refusal or the referral form names it. */
export function consentSummary(k: RelevantConsent) {
  return {
    id: k.id,
    status: k.status,
    scope: k.scope,
    givenAt: k.givenAt,
    expiresAt: k.expiresAt,
    withdrawnAt: k.withdrawnAt,
    recipientOrganisationIds: k.recipientOrganisationIds,
    namesRecipient: k.namesRecipient,
  };
}

/** What happens inside a case: contacts and referrals. Neither ever adds a case. */
@Injectable()
export class CaseActivityService {
  constructor(
    private readonly uow: UnitOfWork,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditWriter,
    private readonly cases: CounsellingCasesRepository,
    private readonly activity: CaseActivityRepository,
    private readonly plans: PlansService,
    private readonly referralConsent: ReferralConsentGate,
    private readonly residents: ResidentsService,
  ) {}

  /**
   * One statement locks the case, writes the contact and its audit event (bench/README.md: the
   * drop-in hour's hot path); when it writes nothing, the case as it found it says why, in the
   * order the rules are checked everywhere: not found, closed, then the time.
   */
  async recordContact(caller: UncheckedCaller, caseId: string, dto: RecordContactDto): Promise<ContactResponse> {
    const now = new Date();
    // A conversation logged at the door just happened: the time is only typed for one logged later.
    const occurredAt = dto.occurredAt ?? now;
    const attempt = await this.activity.recordContact(
      this.uow.current(),
      caller,
      { caseId, occurredAt, channel: dto.channel, durationMinutes: dto.durationMinutes ?? null, withAppointment: dto.withAppointment ?? null, note: dto.note ?? null },
      !isInFuture(occurredAt, now),
      { action: 'counselling_contact.recorded', purpose: COUNSELLING_PURPOSE },
    );
    checkedActor(caller, attempt);
    if (!attempt.status || !attempt.openedAt) throw new NotFound(CASE_NOT_FOUND);
    if (attempt.status !== 'open') throw caseClosed(caseId);
    if (attempt.residentErased) throw residentErased(attempt.residentId as string);
    if (!attempt.contact) {
      const problems = activityTimeProblems('occurredAt', occurredAt, attempt.openedAt, now);
      throw new RuleViolation(problems, 'activity_time_out_of_range' satisfies CounsellingProblem);
    }
    return contactView(attempt.contact);
  }

  /**
   * The plan's organisations a referral could go to, each saying whether the resident's consent
   * allows sharing the case with it and naming that consent: the referral form asks before it
   * submits. Reading which consents exist is reading the resident's data, so it is audited.
   */
  async referralRecipients(actor: PlanActor, caseId: string): Promise<ReferralRecipientPage> {
    const manager = this.dataSource.manager;
    const found = await this.cases.findWritable(manager, actor, caseId);
    const organisations = await this.plans.listOrganisations(actor.planId);
    const consents = await consentsOnRecord(manager, { residentId: found.residentId, planId: actor.planId, scope: 'share_counselling' });
    const items = organisations.items.map((o) => {
      const { allowed, consent } = relevantConsent(consents, o.id);
      return { organisationId: o.id, name: o.name, kind: o.kind, consentAllows: allowed, consent: consent ? consentSummary(consent) : null };
    });
    await this.audit.record(actor, { action: 'counselling_referral_recipients.read', purpose: COUNSELLING_PURPOSE, residentId: found.residentId, entityType: 'counselling_case', entityId: caseId });
    return { items, nextCursor: null };
  }

  async recordReferral(actor: PlanActor, caseId: string, dto: RecordReferralDto): Promise<ReferralResponse> {
    if (!dto.organisationId && !dto.recipientName) {
      throw new InvalidInput([{ field: 'recipientName', message: 'a referral needs a recipient: organisationId or recipientName' }], 'referral_recipient_required' satisfies CounsellingProblem);
    }
    return this.uow.run(async (manager) => {
      // The resident before the case: an erasure's order (ResidentsRepository.holdAgainstErasure).
      await this.residents.lockForNewWork(manager, actor, await this.cases.residentOf(manager, actor, caseId));
      const found = await this.cases.lockOpen(manager, actor, caseId);
      const referredAt = dto.referredAt ?? new Date();
      const problems = activityTimeProblems('referredAt', referredAt, found.openedAt);
      let latestConsent: RelevantConsent | null | undefined;
      if (dto.organisationId) {
        if (!(await this.plans.organisationExists(actor.planId, dto.organisationId, manager))) {
          problems.push({ field: 'organisationId', rule: 'organisation_in_plan', message: 'organisationId is not an organisation of your plan' });
        } else {
          const gate = await this.referralConsent.missingConsent(manager, actor, found.residentId, dto.organisationId);
          problems.push(...gate.problems);
          if (gate.problems.length) latestConsent = gate.consent;
        }
      }
      if (problems.length) {
        const code = referralProblemCode(problems);
        // The refusal names the consent to act on, so the form can say "withdrawn on ..." and offer a new one.
        throw new RuleViolation(problems, code, code === 'consent_required' ? { latestConsent: latestConsent ? consentSummary(latestConsent) : null } : undefined);
      }
      const saved = await this.activity.addReferral(manager, {
        planId: actor.planId,
        caseId,
        organisationId: dto.organisationId ?? null,
        recipientName: dto.recipientName ?? null,
        reason: dto.reason ?? null,
        referredAt,
        recordedBy: actor.userId,
      });
      await this.audit.record(actor, { action: 'counselling_referral.recorded', purpose: COUNSELLING_PURPOSE, residentId: found.residentId, entityType: 'counselling_referral', entityId: saved.id }, manager);
      return referralView(saved);
    });
  }
}
