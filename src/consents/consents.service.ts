import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { AccessPolicy } from '../access/access-policy';
import type { PlanActor } from '../access/actor';
import { AuditWriter } from '../audit/audit-writer';
import { Conflict, NotFound, RuleViolation } from '../common/domain-errors';
import { isInFuture } from '../common/time';
import { paginate } from '../common/pagination';
import { PlansService } from '../plans/plans.service';
import { Guardian } from '../residents/guardian.entity';
import { ResidentsService } from '../residents/residents.service';
import { consentProblems } from './consent-rules';
import { consentHistory, consentStatus, hasActiveConsent } from './consent-state';
import { ConsentWithdrawal } from './consent-withdrawal.entity';
import { Consent, type ConsentScope } from './consent.entity';
import type { ConsentQuery, GiveConsentDto, WithdrawConsentDto } from './dto/consent.dto';
import { UnitOfWork } from '../database/unit-of-work';
import { Outbox } from '../jobs/outbox';
import { OutboxRelay } from '../jobs/outbox-relay';
import { JOBS, REMINDERS_QUEUE } from '../jobs/queues';

const PURPOSE = 'consent_ledger';

/** The consent ledger: consents are recorded and withdrawn, never edited or deleted. */
@Injectable()
export class ConsentsService {
  constructor(
    private readonly uow: UnitOfWork,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessPolicy,
    private readonly audit: AuditWriter,
    private readonly residents: ResidentsService,
    private readonly plans: PlansService,
    private readonly outbox: Outbox,
    private readonly relay: OutboxRelay,
  ) {}

  async give(actor: PlanActor, dto: GiveConsentDto) {
    return this.uow.run(async (manager) => {
      const resident = await this.residents.lockWritable(manager, actor, dto.residentId);
      // One connection runs one query at a time: these are awaited in turn, not in parallel.
      const plan = await this.plans.getPlan(actor.planId, manager);
      const guardians = await manager.getRepository(Guardian).find({ where: { residentId: resident.id }, select: { id: true } });
      const organisations = await this.plans.organisationIds(actor.planId, manager);
      const problems = consentProblems(dto, {
        compartment: resident.compartment,
        birthDate: resident.birthDate,
        birthYear: resident.birthYear,
        guardianConsentBelowAge: plan.guardianConsentBelowAge,
        guardianIds: guardians.map((g) => g.id),
        planOrganisationIds: organisations,
      });
      if (problems.length) throw new RuleViolation(problems);
      const consent = await manager.getRepository(Consent).save(
        manager.getRepository(Consent).create({
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
        }),
      );
      if (dto.recipientOrganisationIds.length) {
        await manager.query(`INSERT INTO consent_recipients (consent_id, organisation_id) SELECT $1, unnest($2::uuid[])`, [consent.id, dto.recipientOrganisationIds]);
      }
      await this.audit.record(actor, { action: 'consent.given', purpose: PURPOSE, residentId: resident.id, entityType: 'consent', entityId: consent.id }, manager);
      await this.recomputeRemindersIfParticipation(manager, consent.scope);
      return this.view(consent, dto.recipientOrganisationIds, null);
    });
  }

  /** Withdrawal takes effect at once and is kept: the consent row itself stays as it was given. */
  async withdraw(actor: PlanActor, id: string, dto: WithdrawConsentDto) {
    return this.uow.run(async (manager) => {
      const consent = await manager.getRepository(Consent).findOneBy({ id, planId: actor.planId });
      if (!consent) throw new NotFound('Consent');
      await this.residents.lockWritable(manager, actor, consent.residentId);
      const existing = await manager.getRepository(ConsentWithdrawal).findOneBy({ consentId: id });
      const withdrawnAt = dto.withdrawnAt ?? new Date();
      const status = consentStatus({ givenAt: consent.givenAt, expiresAt: consent.expiresAt, withdrawnAt: existing?.withdrawnAt ?? null });
      if (status === 'withdrawn' || status === 'expired') throw new Conflict(`The consent is already ${status}`, { extra: { consentId: id } });
      const problems = [];
      if (isInFuture(withdrawnAt)) problems.push({ field: 'withdrawnAt', rule: 'not_in_future', message: 'withdrawnAt is in the future: a withdrawal takes effect when it is recorded' });
      if (withdrawnAt.getTime() < consent.givenAt.getTime()) problems.push({ field: 'withdrawnAt', rule: 'after_given', message: 'withdrawnAt is before the consent was given' });
      if (problems.length) throw new RuleViolation(problems);
      const withdrawal = await manager
        .getRepository(ConsentWithdrawal)
        .save(manager.getRepository(ConsentWithdrawal).create({ consentId: id, withdrawnAt, reason: dto.reason ?? null, recordedBy: actor.userId }));
      await this.audit.record(actor, { action: 'consent.withdrawn', purpose: PURPOSE, residentId: consent.residentId, entityType: 'consent', entityId: id }, manager);
      await this.recomputeRemindersIfParticipation(manager, consent.scope);
      return this.view(consent, await this.recipientsOf(manager, [id]).then((m) => m.get(id) ?? []), withdrawal);
    });
  }

  /** The consents of residents whose records the caller keeps. */
  async list(actor: PlanActor, query: ConsentQuery) {
    const scope = this.access.writableResidents(actor, 'r');
    const qb = this.dataSource.getRepository(Consent).createQueryBuilder('k').innerJoin('residents', 'r', 'r.id = k.resident_id').where(scope.sql, scope.params);
    if (query.residentId) qb.andWhere('k.resident_id = :residentId', { residentId: query.residentId });
    const page = await paginate(qb, query, 'k.created_at', 'k.id', (k) => k, (k) => ({ at: k.createdAt, id: k.id }));
    const ids = page.items.map((k) => k.id);
    const [recipients, withdrawals] = await Promise.all([
      this.recipientsOf(this.dataSource.manager, ids),
      ids.length ? this.dataSource.getRepository(ConsentWithdrawal).findBy({ consentId: In(ids) }) : Promise.resolve([]),
    ]);
    const withdrawalOf = new Map(withdrawals.map((w) => [w.consentId, w]));
    await this.audit.record(
      actor,
      page.items.map((k) => ({ action: 'consent.listed', purpose: PURPOSE, residentId: k.residentId, entityType: 'consent', entityId: k.id })),
    );
    return { items: page.items.map((k) => this.view(k, recipients.get(k.id) ?? [], withdrawalOf.get(k.id) ?? null)), nextCursor: page.nextCursor };
  }

  /** For other modules' guards: whether the resident has an active consent of this scope right now. */
  async hasActiveConsent(manager: EntityManager, residentId: string, scope: ConsentScope, options: { givenBy?: 'resident' | 'guardian' } = {}): Promise<boolean> {
    return hasActiveConsent(manager, { residentId, scope, givenBy: options.givenBy });
  }


  /**
   * A guardian who withdraws the participation consent stops the youth's programme; the social
   * workers are told by a reminder (participation_consent_withdrawn), and a new consent clears it.
   * Recomputing is queued in this transaction (outbox), so it happens soon and only if this commits.
   */
  private async recomputeRemindersIfParticipation(manager: EntityManager, scope: ConsentScope): Promise<void> {
    if (scope !== 'job_programme_participation') return;
    await this.outbox.enqueue(manager, REMINDERS_QUEUE, JOBS.computeReminders, {});
    this.uow.afterCommit(() => this.relay.tick());
  }

  private async recipientsOf(manager: EntityManager, consentIds: string[]): Promise<Map<string, string[]>> {
    const map = new Map<string, string[]>();
    if (!consentIds.length) return map;
    const rows: { consent_id: string; organisation_id: string }[] = await manager.query(
      `SELECT consent_id, organisation_id FROM consent_recipients WHERE consent_id = ANY($1::uuid[])`,
      [consentIds],
    );
    for (const row of rows) map.set(row.consent_id, [...(map.get(row.consent_id) ?? []), row.organisation_id]);
    return map;
  }

  private view(k: Consent, recipientOrganisationIds: string[], withdrawal: ConsentWithdrawal | null) {
    const facts = { givenAt: k.givenAt, expiresAt: k.expiresAt, withdrawnAt: withdrawal?.withdrawnAt ?? null };
    return {
      id: k.id,
      residentId: k.residentId,
      scope: k.scope,
      recipientOrganisationIds,
      givenBy: k.givenBy,
      guardianId: k.guardianId,
      form: k.form,
      givenAt: k.givenAt,
      expiresAt: k.expiresAt,
      documentReference: k.documentReference,
      includesNotes: k.includesNotes,
      recordedBy: k.recordedBy,
      status: consentStatus(facts),
      withdrawal: withdrawal ? { withdrawnAt: withdrawal.withdrawnAt, reason: withdrawal.reason, recordedBy: withdrawal.recordedBy } : null,
      history: consentHistory(facts),
    };
  }
}
