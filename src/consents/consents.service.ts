import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { PlanActor } from '../access/actor';
import { AuditWriter } from '../audit/audit-writer';
import { Conflict, RuleViolation, type ProblemItem } from '../common/domain-errors';
import { isInFuture } from '../common/time';
import { PlansService } from '../plans/plans.service';
import { residentErased, ResidentsRepository } from '../residents/residents.repository';
import { consentProblems } from './consent-rules';
import { consentStatus } from './consent-state';
import { consentListItem, consentView } from './consent-views';
import type { ConsentScope } from './consent.entity';
import { consentRefusalCode, type ConsentsProblem } from './consents-problems';
import { ConsentsRepository } from './consents.repository';
import { residentsWithActiveConsent } from './active-consents.repository';
import type { ConsentPage, ConsentResponse } from './dto/consent-response.dto';
import type { ConsentQuery, GiveConsentDto, WithdrawConsentDto } from './dto/consent.dto';
import { UnitOfWork } from '../database/unit-of-work';
import { Outbox } from '../jobs/outbox';
import { JOBS, REMINDERS_QUEUE } from '../jobs/queues';
import { IdempotencyKeysRepository } from '../idempotency/idempotency-keys.repository';

const PURPOSE = 'consent_ledger';

/** The consent ledger: consents are recorded and withdrawn, never edited or deleted. */
@Injectable()
export class ConsentsService {
  constructor(
    private readonly uow: UnitOfWork,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditWriter,
    private readonly residents: ResidentsRepository,
    private readonly consents: ConsentsRepository,
    private readonly plans: PlansService,
    private readonly outbox: Outbox,
    private readonly idempotencyKeys: IdempotencyKeysRepository,
  ) {}

  async give(actor: PlanActor, given: GiveConsentDto): Promise<ConsentResponse> {
    // Recorded while the resident sits there: the consent was given now unless said otherwise.
    const dto = { ...given, givenAt: given.givenAt ?? new Date() };
    return this.uow.run(async (manager) => {
      const resident = await this.residents.lockForNewWork(manager, actor, dto.residentId);
      // One connection runs one query at a time: these are awaited in turn, not in parallel.
      const plan = await this.plans.getPlan(actor.planId, manager);
      const guardians = await this.residents.guardiansOf(manager, resident.id);
      const organisations = await this.plans.organisationIds(actor.planId, manager);
      const problems = consentProblems(dto, {
        compartment: resident.compartment,
        birthDate: resident.birthDate,
        birthYear: resident.birthYear,
        guardianConsentBelowAge: plan.guardianConsentBelowAge,
        guardianIds: guardians.map((g) => g.id),
        planOrganisationIds: organisations,
      });
      if (problems.length) throw new RuleViolation(problems, consentRefusalCode(problems));
      const consent = await this.consents.record(
        manager,
        {
          planId: actor.planId,
          residentId: resident.id,
          scope: dto.scope,
          givenBy: dto.givenBy,
          guardianId: dto.guardianId ?? null,
          form: dto.form,
          givenAt: dto.givenAt,
          expiresAt: dto.expiresAt ?? null,
          documentReference: dto.documentReference ?? null,
          includesNotes: dto.includesNotes ?? false,
          recordedBy: actor.userId,
        },
        dto.recipientOrganisationIds,
      );
      await this.audit.record(actor, { action: 'consent.given', purpose: PURPOSE, residentId: resident.id, entityType: 'consent', entityId: consent.id }, manager);
      await this.recomputeRemindersIfParticipation(manager, consent.scope);
      return consentView(consent, dto.recipientOrganisationIds, null);
    });
  }

  /** Withdrawal takes effect at once and is kept: the consent row itself stays as it was given. */
  async withdraw(actor: PlanActor, id: string, dto: WithdrawConsentDto): Promise<ConsentResponse> {
    return this.uow.run(async (manager) => {
      const consent = await this.consents.findInPlan(manager, actor, id);
      const resident = await this.residents.lockWritable(manager, actor, consent.residentId);
      // An erased resident's consent can still be withdrawn (the ledger keeps who agreed to what),
      // but no reason is written about them (the erasure took the reasons already written).
      if (resident.erasedAt && dto.reason !== undefined) throw residentErased(consent.residentId);
      const existing = (await this.consents.withdrawalsOf(manager, [id])).get(id);
      const withdrawnAt = dto.withdrawnAt ?? new Date();
      const status = consentStatus({ givenAt: consent.givenAt, expiresAt: consent.expiresAt, withdrawnAt: existing?.withdrawnAt ?? null });
      if (status === 'withdrawn' || status === 'expired') {
        throw new Conflict(`The consent is already ${status}`, { code: status === 'withdrawn' ? ('consent_already_withdrawn' satisfies ConsentsProblem) : ('consent_already_expired' satisfies ConsentsProblem), extra: { consentId: id } });
      }
      const problems: ProblemItem[] = [];
      if (isInFuture(withdrawnAt)) problems.push({ field: 'withdrawnAt', rule: 'not_in_future', message: 'withdrawnAt is in the future: a withdrawal takes effect when it is recorded' });
      if (withdrawnAt.getTime() < consent.givenAt.getTime()) problems.push({ field: 'withdrawnAt', rule: 'after_given', message: 'withdrawnAt is before the consent was given' });
      if (problems.length) throw new RuleViolation(problems, 'withdrawal_time_out_of_range' satisfies ConsentsProblem);
      const withdrawal = await this.consents.recordWithdrawal(manager, { consentId: id, withdrawnAt, reason: dto.reason ?? null, recordedBy: actor.userId });
      // Answers kept for retries that this consent let others see are not shown again (issue 20).
      await this.idempotencyKeys.forgetAnswersSharedBy(manager, id);
      await this.audit.record(actor, { action: 'consent.withdrawn', purpose: PURPOSE, residentId: consent.residentId, entityType: 'consent', entityId: id }, manager);
      await this.recomputeRemindersIfParticipation(manager, consent.scope);
      const recipients = await this.consents.recipientsOf(manager, [id]);
      return consentView(consent, recipients.get(id) ?? [], withdrawal);
    });
  }

  /** The consents of residents whose records the caller keeps. */
  async list(actor: PlanActor, query: ConsentQuery): Promise<ConsentPage> {
    const manager = this.dataSource.manager;
    const page = await this.consents.page(manager, actor, query);
    const ids = page.items.map((k) => k.id);
    const [recipients, withdrawals] = await Promise.all([this.consents.recipientsOf(manager, ids), this.consents.withdrawalsOf(manager, ids)]);
    await this.audit.recordListed(actor, { action: 'consent.listed', purpose: PURPOSE, entityType: 'consent' }, page.items);
    return { items: page.items.map((k) => consentListItem(k, recipients.get(k.id) ?? [], withdrawals.get(k.id) ?? null)), nextCursor: page.nextCursor };
  }

  /** For other modules' guards: whether the resident has an active consent of this scope right now. */
  async hasActiveConsent(manager: EntityManager, residentId: string, scope: ConsentScope, options: { givenBy?: 'resident' | 'guardian' } = {}): Promise<boolean> {
    return this.consents.hasActive(manager, { residentId, scope, givenBy: options.givenBy });
  }

  /** Of these residents, those with an active consent of the scope: hasActiveConsent for a page at once. */
  residentsWithActiveConsent(manager: EntityManager, residentIds: readonly string[], scope: ConsentScope, options: { givenBy?: 'resident' | 'guardian' } = {}): Promise<Set<string>> {
    return residentsWithActiveConsent(manager, { residentIds, scope, givenBy: options.givenBy });
  }

  /**
   * A guardian who withdraws the participation consent stops the youth's programme; the social
   * workers are told by a reminder (participation_consent_withdrawn), and a new consent clears it.
   * Recomputing is queued in this transaction (outbox), so it happens soon and only if this commits.
   */
  private async recomputeRemindersIfParticipation(manager: EntityManager, scope: ConsentScope): Promise<void> {
    if (scope !== 'job_programme_participation') return;
    await this.outbox.enqueue(manager, REMINDERS_QUEUE, JOBS.computeReminders, {});
  }
}
