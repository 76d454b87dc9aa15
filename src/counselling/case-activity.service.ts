import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { PlanActor } from '../access/actor';
import { ReferralConsentGate } from '../access/referral-consent-gate';
import { AuditWriter } from '../audit/audit-writer';
import { InvalidInput, RuleViolation } from '../common/domain-errors';
import { PlansService } from '../plans/plans.service';
import { CaseFinder } from './case-finder';
import { activityTimeProblems } from './case-timeline';
import { COUNSELLING_PURPOSE } from './counselling-cases.service';
import { contactView, referralView } from './counselling-views';
import type { RecordContactDto, RecordReferralDto } from './dto/counselling.dto';
import { CounsellingContact } from './entities/counselling-contact.entity';
import { CounsellingReferral } from './entities/counselling-referral.entity';
import { UnitOfWork } from '../database/unit-of-work';

/** What happens inside a case: contacts and referrals. Neither ever adds a case. */
@Injectable()
export class CaseActivityService {
  constructor(
    private readonly uow: UnitOfWork,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditWriter,
    private readonly cases: CaseFinder,
    private readonly plans: PlansService,
    private readonly referralConsent: ReferralConsentGate,
  ) {}

  async recordContact(actor: PlanActor, caseId: string, dto: RecordContactDto) {
    return this.uow.run(async (manager) => {
      const found = await this.cases.lockOpen(manager, actor, caseId);
      const problems = activityTimeProblems('occurredAt', dto.occurredAt, found.openedAt);
      if (problems.length) throw new RuleViolation(problems);
      const repo = manager.getRepository(CounsellingContact);
      const saved = await repo.save(
        repo.create({
          planId: actor.planId,
          caseId,
          occurredAt: dto.occurredAt,
          channel: dto.channel,
          durationMinutes: dto.durationMinutes ?? null,
          withAppointment: dto.withAppointment ?? null,
          note: dto.note ?? null,
          recordedBy: actor.userId,
        }),
      );
      await this.audit.record(actor, { action: 'counselling_contact.recorded', purpose: COUNSELLING_PURPOSE, residentId: found.residentId, entityType: 'counselling_contact', entityId: saved.id }, manager);
      return contactView(saved);
    });
  }

  async recordReferral(actor: PlanActor, caseId: string, dto: RecordReferralDto) {
    if (!dto.organisationId && !dto.recipientName) {
      throw new InvalidInput([{ field: 'recipientName', message: 'a referral needs a recipient: organisationId or recipientName' }]);
    }
    return this.uow.run(async (manager) => {
      const found = await this.cases.lockOpen(manager, actor, caseId);
      const referredAt = dto.referredAt ?? new Date();
      const problems = activityTimeProblems('referredAt', referredAt, found.openedAt);
      if (dto.organisationId) {
        if (!(await this.plans.organisationExists(actor.planId, dto.organisationId))) {
          problems.push({ field: 'organisationId', rule: 'organisation_in_plan', message: 'organisationId is not an organisation of your plan' });
        } else {
          problems.push(...(await this.referralConsent.missingConsent(manager, actor, found.residentId, dto.organisationId)));
        }
      }
      if (problems.length) throw new RuleViolation(problems);
      const repo = manager.getRepository(CounsellingReferral);
      const saved = await repo.save(
        repo.create({
          planId: actor.planId,
          caseId,
          organisationId: dto.organisationId ?? null,
          recipientName: dto.recipientName ?? null,
          reason: dto.reason ?? null,
          referredAt,
          recordedBy: actor.userId,
        }),
      );
      await this.audit.record(actor, { action: 'counselling_referral.recorded', purpose: COUNSELLING_PURPOSE, residentId: found.residentId, entityType: 'counselling_referral', entityId: saved.id }, manager);
      return referralView(saved);
    });
  }
}
