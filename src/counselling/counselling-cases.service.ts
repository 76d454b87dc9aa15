import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AccessPolicy } from '../access/access-policy';
import type { PlanActor } from '../access/actor';
import { AuditWriter } from '../audit/audit-writer';
import { Conflict, RuleViolation, refuseStaleVersion } from '../common/domain-errors';
import { residentErased, ResidentsRepository } from '../residents/residents.repository';
import { CaseActivityRepository } from './case-activity.repository';
import { activityTimeProblems, closedAtProblems, openedAtProblems } from './case-timeline';
import { CounsellingCasesRepository } from './counselling-cases.repository';
import { CounsellingTopicsService } from './counselling-topics.service';
import { caseSummaryView, caseView, contactView, referralView } from './counselling-views';
import type { CaseDetailResponse, CasePage, CaseResponse, ContactResponse, OpenedCaseResponse } from './dto/counselling-response.dto';
import type { FirstContactDto } from './dto/contact-fields.dto';
import type { CaseQuery, CaseVersionDto, CloseCaseDto, OpenCaseDto } from './dto/counselling.dto';
import type { CounsellingCase } from './entities/counselling-case.entity';
import { UnitOfWork } from '../database/unit-of-work';
import type { CounsellingProblem } from './counselling-problems';

export const COUNSELLING_PURPOSE = 'counselling';

/** Opening, reading, closing and reopening counselling cases under the counting rule (001_* footnote 7). */
@Injectable()
export class CounsellingCasesService {
  constructor(
    private readonly uow: UnitOfWork,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessPolicy,
    private readonly audit: AuditWriter,
    private readonly residents: ResidentsRepository,
    private readonly topics: CounsellingTopicsService,
    private readonly cases: CounsellingCasesRepository,
    private readonly activity: CaseActivityRepository,
  ) {}

  /**
   * A new matter is a new case. A second open case on the same topic for the same resident is
   * refused with the open case's id, so the matter is counted once and contacts go there.
   */
  async openCase(actor: PlanActor, dto: OpenCaseDto): Promise<OpenedCaseResponse> {
    // A case opened with its first contact opened when that conversation happened (issue 12, part 9).
    const openedAt = dto.openedAt ?? dto.firstContact?.occurredAt ?? new Date();
    const firstContactAt = dto.firstContact ? (dto.firstContact.occurredAt ?? openedAt) : undefined;
    const problems = [...openedAtProblems(openedAt), ...(firstContactAt ? activityTimeProblems('firstContact.occurredAt', firstContactAt, openedAt) : [])];
    if (problems.length) throw new RuleViolation(problems, 'activity_time_out_of_range' satisfies CounsellingProblem);

    return this.uow.run(async (manager) => {
      await this.topics.assertKnown(manager, actor.planId, dto.topic);
      // Locking the resident serialises concurrent opens for them; the partial unique index backs this up.
      await this.residents.lockForNewWork(manager, actor, dto.residentId);
      await this.refuseSecondOpenCase(manager, actor, dto.residentId, dto.topic);
      const saved = await this.cases.create(manager, { planId: actor.planId, residentId: dto.residentId, topic: dto.topic, subject: dto.subject ?? null, form: dto.form, openedAt, openedBy: actor.userId, referredFrom: dto.referredFrom ?? null });
      await this.audit.record(actor, { action: 'counselling_case.opened', purpose: COUNSELLING_PURPOSE, residentId: saved.residentId, entityType: 'counselling_case', entityId: saved.id }, manager);
      const firstContact = dto.firstContact && firstContactAt ? await this.recordFirstContact(manager, actor, saved, dto.firstContact, firstContactAt) : null;
      return { ...caseView(saved), firstContact };
    });
  }

  /** The conversation the case was opened for, in the case's transaction: both are kept, or neither. */
  private async recordFirstContact(manager: EntityManager, actor: PlanActor, opened: CounsellingCase, dto: FirstContactDto, occurredAt: Date): Promise<ContactResponse> {
    const contact = await this.activity.addContact(manager, {
      planId: actor.planId,
      caseId: opened.id,
      occurredAt,
      channel: dto.channel,
      durationMinutes: dto.durationMinutes ?? null,
      withAppointment: dto.withAppointment ?? null,
      note: dto.note ?? null,
      recordedBy: actor.userId,
    });
    await this.audit.record(actor, { action: 'counselling_contact.recorded', purpose: COUNSELLING_PURPOSE, residentId: opened.residentId, entityType: 'counselling_contact', entityId: contact.id }, manager);
    return contactView(contact);
  }

  /** Each row names its resident and topic; a page costs a fixed number of queries, whatever its length. */
  async list(actor: PlanActor, query: CaseQuery): Promise<CasePage> {
    const manager = this.dataSource.manager;
    const page = await this.cases.page(manager, actor, query);
    const purpose = this.access.readPurpose(actor, 'counselling', COUNSELLING_PURPOSE);
    await this.audit.recordListed(actor, { action: 'counselling_case.listed', purpose, entityType: 'counselling_case' }, page.items);
    const residentIds = page.items.map((c) => c.residentId);
    // Decided per resident for the whole page in one query: a page may mix consents with and without notes.
    const freeText = await this.residents.withCounsellingFreeTextShared(manager, actor, residentIds);
    const names = await this.residents.displayNames(manager, actor, residentIds);
    const labelOf = await this.topics.labels(manager, actor.planId);
    const items = page.items.map((c) => ({ ...caseSummaryView(c, freeText.has(c.residentId)), residentName: names.get(c.residentId) ?? '', topicLabel: labelOf(c.topic) }));
    return { items, nextCursor: page.nextCursor };
  }

  async get(actor: PlanActor, id: string): Promise<CaseDetailResponse> {
    const manager = this.dataSource.manager;
    const found = await this.cases.readable(manager, actor, id);
    const [contacts, referrals, freeText] = await Promise.all([
      this.activity.contactsOf(manager, id),
      this.activity.referralsOf(manager, id),
      this.residents.withCounsellingFreeTextShared(manager, actor, [found.residentId]),
    ]);
    const freeTextShared = freeText.has(found.residentId);
    const purpose = this.access.readPurpose(actor, 'counselling', COUNSELLING_PURPOSE);
    await this.audit.record(actor, { action: 'counselling_case.read', purpose, residentId: found.residentId, entityType: 'counselling_case', entityId: id });
    return {
      ...caseView(found, freeTextShared),
      // api.md's clients know `notesShared`; notes are one kind of free text, so one decision answers both.
      notesShared: freeTextShared,
      contacts: contacts.map((c) => contactView(c, freeTextShared)),
      referrals: referrals.map((r) => referralView(r, freeTextShared)),
    };
  }

  async close(actor: PlanActor, id: string, dto: CloseCaseDto): Promise<CaseResponse> {
    return this.uow.run(async (manager) => {
      // An erased resident's open case can still be closed (the report counts it), but no outcome
      // is written about them; held, so an erasure cannot slip between this check and the write.
      const { erased } = await this.residents.holdAgainstErasure(manager, await this.cases.residentOf(manager, actor, id));
      const found = await this.lockCurrent(manager, actor, id, dto);
      if (found.status === 'closed') throw new Conflict('The counselling case is already closed', { code: 'case_already_closed' satisfies CounsellingProblem, extra: { caseId: id } });
      if (erased && dto.outcome !== undefined) throw residentErased(found.residentId);
      const closedAt = dto.closedAt ?? new Date();
      const problems = closedAtProblems(closedAt, found.openedAt, await this.activity.lastActivityAt(manager, id));
      if (problems.length) throw new RuleViolation(problems, 'activity_time_out_of_range' satisfies CounsellingProblem);
      found.status = 'closed';
      found.closedAt = closedAt;
      found.outcome = dto.outcome ?? found.outcome;
      const saved = await this.cases.save(manager, found);
      await this.audit.record(actor, { action: 'counselling_case.closed', purpose: COUNSELLING_PURPOSE, residentId: found.residentId, entityType: 'counselling_case', entityId: id }, manager);
      return caseView(saved);
    });
  }

  /** Reopening keeps the case's original opening (it still counts once, when it was opened). */
  async reopen(actor: PlanActor, id: string, dto: CaseVersionDto = {}): Promise<CaseResponse> {
    return this.uow.run(async (manager) => {
      // The resident before the case: an erasure's order (ResidentsRepository.holdAgainstErasure).
      await this.residents.lockForNewWork(manager, actor, await this.cases.residentOf(manager, actor, id));
      const found = await this.lockCurrent(manager, actor, id, dto);
      if (found.status === 'open') throw new Conflict('The counselling case is already open', { code: 'case_already_open' satisfies CounsellingProblem, extra: { caseId: id } });
      await this.refuseSecondOpenCase(manager, actor, found.residentId, found.topic, id);
      found.status = 'open';
      found.closedAt = null;
      const saved = await this.cases.save(manager, found);
      await this.audit.record(actor, { action: 'counselling_case.reopened', purpose: COUNSELLING_PURPOSE, residentId: found.residentId, entityType: 'counselling_case', entityId: id }, manager);
      return caseView(saved);
    });
  }

  /** The case, locked; a `version` the caller sent must still be the case's, or someone changed it since they read it. */
  private async lockCurrent(manager: EntityManager, actor: PlanActor, id: string, dto: CaseVersionDto): Promise<CounsellingCase> {
    const found = await this.cases.lockWritable(manager, actor, id);
    refuseStaleVersion('The counselling case', dto.version, found.version, { caseId: id });
    return found;
  }

  private async refuseSecondOpenCase(manager: EntityManager, actor: PlanActor, residentId: string, topic: string, exceptId?: string): Promise<void> {
    const existing = await this.cases.openCaseOnTopic(manager, actor, residentId, topic, exceptId);
    if (!existing) return;
    throw new Conflict(
      `The resident already has an open counselling case on "${existing.topic}" (${existing.id}); record the contact there. A new case is only for a new matter.`,
      { code: 'duplicate_open_case' satisfies CounsellingProblem, extra: { existingCaseId: existing.id } },
    );
  }
}
