import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccessPolicy } from '../access/access-policy';
import type { PlanActor } from '../access/actor';
import { AuditWriter } from '../audit/audit-writer';
import { Conflict, RuleViolation } from '../common/domain-errors';
import { paginate } from '../common/pagination';
import { ResidentsService } from '../residents/residents.service';
import { CaseFinder, duplicateOpenCase } from './case-finder';
import { closedAtProblems, openedAtProblems } from './case-timeline';
import { CounsellingTopicsService } from './counselling-topics.service';
import { caseView, contactView, referralView } from './counselling-views';
import type { CaseQuery, CloseCaseDto, OpenCaseDto } from './dto/counselling.dto';
import { CounsellingCase } from './entities/counselling-case.entity';
import { CounsellingContact } from './entities/counselling-contact.entity';
import { CounsellingReferral } from './entities/counselling-referral.entity';
import { UnitOfWork } from '../database/unit-of-work';

export const COUNSELLING_PURPOSE = 'counselling';

/** Opening, reading, closing and reopening counselling cases under the counting rule (001_* footnote 7). */
@Injectable()
export class CounsellingCasesService {
  constructor(
    private readonly uow: UnitOfWork,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessPolicy,
    private readonly audit: AuditWriter,
    private readonly residents: ResidentsService,
    private readonly topics: CounsellingTopicsService,
    private readonly cases: CaseFinder,
  ) {}

  /**
   * A new matter is a new case. A second open case on the same topic for the same resident is
   * refused with the open case's id, so the matter is counted once and contacts go there.
   */
  async openCase(actor: PlanActor, dto: OpenCaseDto) {
    await this.topics.assertKnown(actor.planId, dto.topic);
    const openedAt = dto.openedAt ?? new Date();
    const problems = openedAtProblems(openedAt);
    if (problems.length) throw new RuleViolation(problems);

    return this.uow.run(async (manager) => {
      // Locking the resident serialises concurrent opens for them; the partial unique index backs this up.
      await this.residents.lockWritable(manager, actor, dto.residentId);
      const existing = await this.cases.openCaseOnTopic(manager, dto.residentId, dto.topic);
      if (existing) throw duplicateOpenCase(existing);
      const repo = manager.getRepository(CounsellingCase);
      const saved = await repo.save(
        repo.create({ planId: actor.planId, residentId: dto.residentId, topic: dto.topic, subject: dto.subject ?? null, form: dto.form, status: 'open', openedAt, openedBy: actor.userId }),
      );
      await this.audit.record(actor, { action: 'counselling_case.opened', purpose: COUNSELLING_PURPOSE, residentId: saved.residentId, entityType: 'counselling_case', entityId: saved.id }, manager);
      return caseView(saved);
    });
  }

  async list(actor: PlanActor, query: CaseQuery) {
    const scope = this.access.readableCounsellingCases(actor, 'c');
    const qb = this.dataSource.getRepository(CounsellingCase).createQueryBuilder('c').where(scope.sql, scope.params);
    if (query.residentId) qb.andWhere('c.resident_id = :residentId', { residentId: query.residentId });
    if (query.status) qb.andWhere('c.status = :status', { status: query.status });
    if (query.topic) qb.andWhere('c.topic = :topic', { topic: query.topic });
    const page = await paginate(qb, query, 'c.opened_at', 'c.id', (c) => c, (c) => ({ at: c.openedAt, id: c.id }));
    const purpose = this.access.readPurpose(actor, 'counselling', COUNSELLING_PURPOSE);
    await this.audit.record(
      actor,
      page.items.map((c) => ({ action: 'counselling_case.listed', purpose, residentId: c.residentId, entityType: 'counselling_case', entityId: c.id })),
    );
    // Decided per resident for the whole page in one query: a page may mix consents with and without notes.
    const freeText = await this.access.counsellingFreeTextShared(this.dataSource.manager, actor, page.items.map((c) => c.residentId));
    return { items: page.items.map((c) => caseView(c, freeText.has(c.residentId))), nextCursor: page.nextCursor };
  }

  async get(actor: PlanActor, id: string) {
    const found = await this.cases.readable(this.dataSource.manager, actor, id);
    const [contacts, referrals, freeText] = await Promise.all([
      this.dataSource.getRepository(CounsellingContact).find({ where: { caseId: id }, order: { occurredAt: 'ASC' } }),
      this.dataSource.getRepository(CounsellingReferral).find({ where: { caseId: id }, order: { referredAt: 'ASC' } }),
      this.access.counsellingFreeTextShared(this.dataSource.manager, actor, [found.residentId]),
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

  async close(actor: PlanActor, id: string, dto: CloseCaseDto) {
    return this.uow.run(async (manager) => {
      const found = await this.cases.lockWritable(manager, actor, id);
      if (found.status === 'closed') throw new Conflict('The counselling case is already closed', { extra: { caseId: id } });
      const closedAt = dto.closedAt ?? new Date();
      const problems = closedAtProblems(closedAt, found.openedAt, await this.lastActivityAt(manager, id));
      if (problems.length) throw new RuleViolation(problems);
      found.status = 'closed';
      found.closedAt = closedAt;
      found.outcome = dto.outcome ?? found.outcome;
      const saved = await manager.getRepository(CounsellingCase).save(found);
      await this.audit.record(actor, { action: 'counselling_case.closed', purpose: COUNSELLING_PURPOSE, residentId: found.residentId, entityType: 'counselling_case', entityId: id }, manager);
      return caseView(saved);
    });
  }

  /** Reopening keeps the case's original opening (it still counts once, when it was opened). */
  async reopen(actor: PlanActor, id: string) {
    return this.uow.run(async (manager) => {
      const found = await this.cases.lockWritable(manager, actor, id);
      if (found.status === 'open') throw new Conflict('The counselling case is already open', { extra: { caseId: id } });
      await this.residents.lockWritable(manager, actor, found.residentId);
      const existing = await this.cases.openCaseOnTopic(manager, found.residentId, found.topic, id);
      if (existing) throw duplicateOpenCase(existing);
      found.status = 'open';
      found.closedAt = null;
      const saved = await manager.getRepository(CounsellingCase).save(found);
      await this.audit.record(actor, { action: 'counselling_case.reopened', purpose: COUNSELLING_PURPOSE, residentId: found.residentId, entityType: 'counselling_case', entityId: id }, manager);
      return caseView(saved);
    });
  }

  private async lastActivityAt(manager: DataSource['manager'], caseId: string): Promise<Date | null> {
    const [row] = await manager.query(
      `SELECT greatest((SELECT max(occurred_at) FROM counselling_contacts WHERE case_id = $1),
                       (SELECT max(referred_at) FROM counselling_referrals WHERE case_id = $1)) AS last`,
      [caseId],
    );
    return row?.last ? new Date(row.last) : null;
  }
}
