import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { PlanActor } from '../access/actor';
import { AuditWriter } from '../audit/audit-writer';
import { Conflict, InvalidInput, RuleViolation } from '../common/domain-errors';
import { isInFuture } from '../common/time';
import { CounsellingCasesService } from '../counselling/counselling-cases.service';
import { UnitOfWork } from '../database/unit-of-work';
import { ResidentsService } from '../residents/residents.service';
import type { AddOutreachPersonDto, CreateOutreachListDto, OpenCaseFromTalkDto, OutreachListQuery, RecordAttemptDto } from './dto/outreach.dto';
import type { OutreachListDetails, OutreachListPage, OutreachListSummary, OutreachPersonResponse, RecordedAttemptResponse } from './dto/outreach-response.dto';
import type { OutreachList } from './entities/outreach-list.entity';
import type { OutreachPerson } from './entities/outreach-person.entity';
import type { OutreachProblem } from './outreach-problems';
import { isPastRetention, openCaseProblems, splitName } from './outreach-rules';
import { attemptView, listDetails, listSummary, personView } from './outreach-views';
import { OutreachRepository } from './outreach.repository';

/** Door-to-door outreach is counselling work (001_*: "opsøgende"): its audit purpose. */
export const OUTREACH_PURPOSE = 'outreach';

/**
 * Outreach lists (001_* Ishøj): the counsellor and the youth service's guidance counsellor ring the
 * doorbells of young people over 18 the municipality could not reach. A talk at the door can open
 * a counselling case in one step: the person becomes a resident of the counselling compartment
 * and a case with the talk as its first contact is opened, with the attempt, in one transaction.
 */
@Injectable()
export class OutreachService {
  constructor(
    private readonly uow: UnitOfWork,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditWriter,
    private readonly residents: ResidentsService,
    private readonly cases: CounsellingCasesService,
    private readonly outreach: OutreachRepository,
  ) {}

  async createList(actor: PlanActor, dto: CreateOutreachListDto): Promise<OutreachListSummary> {
    return this.uow.run(async (manager) => {
      const list = await this.outreach.insertList(manager, { planId: actor.planId, name: dto.name, source: dto.source, legalBasis: dto.legalBasis, retentionDays: dto.retentionDays, createdBy: actor.userId });
      await this.audit.record(actor, { action: 'outreach_list.created', purpose: OUTREACH_PURPOSE, entityType: 'outreach_list', entityId: list.id }, manager);
      return listSummary(list, { people: 0, attempts: 0 });
    });
  }

  /** The lists with counts, no names: the leader's reach as well as the counsellor's. */
  async lists(actor: PlanActor, query: OutreachListQuery): Promise<OutreachListPage> {
    const manager = this.dataSource.manager;
    const page = await this.outreach.pageOfLists(manager, actor, query);
    const counts = await this.outreach.countsOf(manager, actor.planId, page.items.map((l) => l.id));
    return { items: page.items.map((l) => listSummary(l, counts.get(l.id) ?? { people: 0, attempts: 0 })), nextCursor: page.nextCursor };
  }

  /** A list with its people and their attempts: names are personal data, so the read is audited. */
  async list(actor: PlanActor, id: string): Promise<OutreachListDetails> {
    const manager = this.dataSource.manager;
    const list = await this.outreach.list(manager, actor, id);
    const people = await this.outreach.people(manager, actor, id);
    const attempts = await this.outreach.attempts(manager, actor, id);
    const counts = (await this.outreach.countsOf(manager, actor.planId, [id])).get(id) ?? { people: 0, attempts: 0 };
    // The list read, and one event per person on it who is a registered resident, so their access log shows it.
    await this.audit.record(actor, [
      { action: 'outreach_list.read', purpose: OUTREACH_PURPOSE, entityType: 'outreach_list', entityId: id },
      ...people.filter((p) => p.residentId).map((p) => ({ action: 'outreach_person.read', purpose: OUTREACH_PURPOSE, residentId: p.residentId, entityType: 'outreach_person', entityId: p.id })),
    ]);
    return listDetails(list, counts, people, attempts);
  }

  async addPerson(actor: PlanActor, listId: string, dto: AddOutreachPersonDto): Promise<OutreachPersonResponse> {
    const thisYear = new Date().getFullYear();
    if (dto.birthYear !== undefined && dto.birthYear > thisYear) {
      throw new InvalidInput([{ field: 'birthYear', message: `birthYear must not be after ${thisYear}` }]);
    }
    return this.uow.run(async (manager) => {
      await this.openList(manager, actor, listId);
      const person = await this.outreach.insertPerson(manager, { planId: actor.planId, listId, name: dto.name.trim(), address: dto.address?.trim() ?? null, birthYear: dto.birthYear ?? null, createdBy: actor.userId });
      await this.audit.record(actor, { action: 'outreach_person.added', purpose: OUTREACH_PURPOSE, entityType: 'outreach_person', entityId: person.id }, manager);
      return personView(person, []);
    });
  }

  async recordAttempt(actor: PlanActor, listId: string, personId: string, dto: RecordAttemptDto): Promise<RecordedAttemptResponse> {
    if (isInFuture(dto.at)) {
      throw new RuleViolation([{ field: 'at', rule: 'not_in_future', message: 'at is in the future; record a visit when it has happened' }], 'outreach_attempt_in_future' satisfies OutreachProblem);
    }
    const problems = openCaseProblems(dto.outcome, dto.openCase !== undefined);
    if (problems.length) throw new RuleViolation(problems, 'outreach_case_needs_talk' satisfies OutreachProblem);
    return this.uow.run(async (manager) => {
      const list = await this.openList(manager, actor, listId);
      const person = await this.outreach.lockPerson(manager, actor, list.id, personId);
      const opened = dto.openCase ? await this.openCaseFromTalk(manager, actor, person, dto.at, dto.openCase) : null;
      const attempt = await this.outreach.insertAttempt(manager, { planId: actor.planId, listId, personId, at: dto.at, outcome: dto.outcome, caseId: opened?.caseId ?? null, recordedBy: actor.userId });
      await this.audit.record(actor, { action: 'outreach_attempt.recorded', purpose: OUTREACH_PURPOSE, residentId: opened?.residentId ?? null, entityType: 'outreach_attempt', entityId: attempt.id }, manager);
      return { ...attemptView(attempt), residentId: opened?.residentId ?? person.residentId };
    });
  }

  /**
   * The person as a resident of the counselling compartment (registered now, or the one named),
   * and a case on the topic with the talk at the door as its first contact. Both services join this
   * transaction, so a refusal (an open case on the topic, a possible duplicate) leaves nothing behind.
   */
  private async openCaseFromTalk(manager: EntityManager, actor: PlanActor, person: OutreachPerson, at: Date, dto: OpenCaseFromTalkDto): Promise<{ residentId: string; caseId: string }> {
    const earlier = await this.outreach.caseOpenedFor(manager, person.id);
    if (earlier) {
      throw new Conflict('A counselling case was already opened for this person from the list; add contacts to it', {
        code: 'outreach_person_has_case' satisfies OutreachProblem,
        extra: { residentId: person.residentId, caseId: earlier },
      });
    }
    const residentId = dto.residentId ?? (await this.registerPerson(actor, person, dto)).id;
    const opened = await this.cases.openCase(actor, { residentId, topic: dto.topic, form: 'outreach', openedAt: at, firstContact: { channel: 'home_visit', occurredAt: at } });
    await this.outreach.linkResident(manager, person.id, residentId);
    return { residentId, caseId: opened.id };
  }

  private registerPerson(actor: PlanActor, person: OutreachPerson, dto: OpenCaseFromTalkDto) {
    if (!dto.housingAreaId) {
      throw new InvalidInput([{ field: 'openCase.housingAreaId', message: 'openCase.housingAreaId is needed to register the person as a resident (or name an existing one with openCase.residentId)' }]);
    }
    return this.residents.register(actor, {
      housingAreaId: dto.housingAreaId,
      ...splitName(person.name),
      ...(person.birthYear ? { birthYear: person.birthYear } : {}),
      ...(dto.confirmNotDuplicate ? { confirmNotDuplicate: true } : {}),
    });
  }

  /** The list, held against the sweep; refused once its names are past the retention. */
  private async openList(manager: EntityManager, actor: PlanActor, listId: string): Promise<OutreachList> {
    const list = await this.outreach.listHeldForWriting(manager, actor, listId);
    if (isPastRetention(list)) {
      throw new Conflict('The list is past its retention; its names are deleted', { code: 'outreach_list_expired' satisfies OutreachProblem, extra: { listId } });
    }
    return list;
  }
}
