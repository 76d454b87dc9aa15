import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AccessPolicy } from '../access/access-policy';
import type { PlanActor } from '../access/actor';
import { AuditWriter } from '../audit/audit-writer';
import { Conflict, RuleViolation, refuseStaleVersion } from '../common/domain-errors';
import { todayInPlanZone } from '../common/time';
import { UnitOfWork } from '../database/unit-of-work';
import { ResidentsRepository } from '../residents/residents.repository';
import type { CreateJobcentreEnrolmentDto, EndJobcentreEnrolmentDto, JobcentreEnrolmentQuery, MarkQuarterDto } from './dto/jobcentre.dto';
import type { JobcentreEnrolmentPage, JobcentreEnrolmentResponse } from './dto/jobcentre-response.dto';
import type { JobcentreEnrolment } from './entities/jobcentre-enrolment.entity';
import { endProblems, enrolmentProblems, parseQuarter, quarterDates, quarterProblems } from './jobcentre-rules';
import type { JobcentreProblem } from './jobcentre-problems';
import { JobcentreRepository } from './jobcentre.repository';
import { enrolmentView } from './jobcentre-views';

/** The job centre's own work with the person: the caseworkers' purpose, or the person's consent for others. */
export const JOBCENTRE_PURPOSE = 'jobcentre';

/**
 * The job centre's caseload in the area (fremskudt jobcenter, 002_* Varde, 004_* Sønderborg): a
 * caseworker registers a person of their compartment in an effort, with the target group and the
 * selection criteria met, marks each quarter the person was active, and ends the enrolment with a
 * reason (afslutningsårsag). Changes are the caseworkers' alone; reads follow AccessPolicy.
 */
@Injectable()
export class JobcentreService {
  constructor(
    private readonly uow: UnitOfWork,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessPolicy,
    private readonly audit: AuditWriter,
    private readonly residents: ResidentsRepository,
    private readonly enrolments: JobcentreRepository,
  ) {}

  async enrol(actor: PlanActor, dto: CreateJobcentreEnrolmentDto): Promise<JobcentreEnrolmentResponse> {
    return this.uow.run(async (manager) => {
      // Locking the person serialises concurrent enrolments; the partial unique index backs this up.
      const resident = await this.residents.lockForNewWork(manager, actor, dto.residentId);
      const problems = enrolmentProblems(dto.startedOn, todayInPlanZone());
      if (problems.length) throw new RuleViolation(problems, 'jobcentre_enrolment_rules_unmet' satisfies JobcentreProblem);
      const existing = await this.enrolments.runningIn(manager, actor, resident.id, dto.effort);
      if (existing) {
        throw new Conflict(`The person already has a running enrolment in ${dto.effort} (${existing.id}); end it first`, {
          code: 'jobcentre_enrolment_already_running' satisfies JobcentreProblem,
          extra: { existingEnrolmentId: existing.id },
        });
      }
      const saved = await this.enrolments.insert(manager, {
        planId: actor.planId,
        residentId: resident.id,
        effort: dto.effort,
        targetGroup: dto.targetGroup,
        criteriaMet: [...new Set(dto.criteriaMet ?? [])],
        startedOn: dto.startedOn,
        createdBy: actor.userId,
      });
      await this.audit.record(actor, { action: 'jobcentre_enrolment.started', purpose: JOBCENTRE_PURPOSE, residentId: resident.id, entityType: 'jobcentre_enrolment', entityId: saved.id }, manager);
      return this.viewOne(manager, actor, saved);
    });
  }

  async end(actor: PlanActor, id: string, dto: EndJobcentreEnrolmentDto): Promise<JobcentreEnrolmentResponse> {
    return this.uow.run(async (manager) => {
      const found = await this.enrolments.lockWritable(manager, actor, id);
      refuseStaleVersion('The enrolment', dto.version, found.version, { enrolmentId: id });
      if (found.endedOn !== null) {
        throw new Conflict(`The enrolment already ended on ${found.endedOn} (${found.endReason})`, {
          code: 'jobcentre_enrolment_already_ended' satisfies JobcentreProblem,
          extra: { enrolmentId: id, endedOn: found.endedOn, endReason: found.endReason },
        });
      }
      const quarters = (await this.enrolments.quartersOf(manager, actor.planId, [id])).get(id) ?? [];
      const problems = endProblems(found, dto.endedOn, todayInPlanZone(), quarters.filter((q) => q.active).map((q) => q.quarterStart));
      if (problems.length) throw new RuleViolation(problems, 'jobcentre_end_rules_unmet' satisfies JobcentreProblem);
      found.endedOn = dto.endedOn;
      found.endReason = dto.reason;
      found.endedBy = actor.userId;
      found.version += 1;
      const saved = await this.enrolments.save(manager, found);
      await this.audit.record(actor, { action: 'jobcentre_enrolment.ended', purpose: JOBCENTRE_PURPOSE, residentId: found.residentId, entityType: 'jobcentre_enrolment', entityId: id }, manager);
      return this.viewOne(manager, actor, saved);
    });
  }

  /** Idempotent: marking a quarter as it already is changes nothing, not even the version. */
  async markQuarter(actor: PlanActor, id: string, quarter: string, dto: MarkQuarterDto): Promise<JobcentreEnrolmentResponse> {
    return this.uow.run(async (manager) => {
      const found = await this.enrolments.lockWritable(manager, actor, id);
      refuseStaleVersion('The enrolment', dto.version, found.version, { enrolmentId: id });
      const parsed = parseQuarter(quarter);
      // Marking a quarter not active is always allowed where it was marked, so a mistake can be undone.
      const problems = dto.active ? quarterProblems(found, parsed, todayInPlanZone()) : quarterProblems(found, parsed, '9999-12-31');
      if (problems.length) throw new RuleViolation(problems, 'jobcentre_quarter_outside_enrolment' satisfies JobcentreProblem);
      const changed = await this.enrolments.markQuarter(manager, { enrolmentId: id, planId: actor.planId, quarterStart: quarterDates(parsed).fromDate, active: dto.active, markedBy: actor.userId });
      if (changed) {
        found.version += 1;
        await this.enrolments.save(manager, found);
        await this.audit.record(actor, { action: 'jobcentre_enrolment.quarter_marked', purpose: JOBCENTRE_PURPOSE, residentId: found.residentId, entityType: 'jobcentre_enrolment', entityId: id }, manager);
      }
      return this.viewOne(manager, actor, found);
    });
  }

  async list(actor: PlanActor, query: JobcentreEnrolmentQuery): Promise<JobcentreEnrolmentPage> {
    const manager = this.dataSource.manager;
    const page = await this.enrolments.page(manager, actor, query);
    const purpose = this.access.readPurpose(actor, 'jobcentre', JOBCENTRE_PURPOSE);
    await this.audit.recordListed(actor, { action: 'jobcentre_enrolment.listed', purpose, entityType: 'jobcentre_enrolment' }, page.items);
    return { items: await this.views(manager, actor, page.items), nextCursor: page.nextCursor };
  }

  async get(actor: PlanActor, id: string): Promise<JobcentreEnrolmentResponse> {
    const manager = this.dataSource.manager;
    const found = await this.enrolments.readable(manager, actor, id);
    const purpose = this.access.readPurpose(actor, 'jobcentre', JOBCENTRE_PURPOSE);
    await this.audit.record(actor, { action: 'jobcentre_enrolment.read', purpose, residentId: found.residentId, entityType: 'jobcentre_enrolment', entityId: id });
    return this.viewOne(manager, actor, found);
  }

  private async viewOne(manager: EntityManager, actor: PlanActor, enrolment: JobcentreEnrolment): Promise<JobcentreEnrolmentResponse> {
    const [view] = await this.views(manager, actor, [enrolment]);
    return view;
  }

  /** Names and quarters for a page: two queries whatever its length. */
  private async views(manager: EntityManager, actor: PlanActor, rows: JobcentreEnrolment[]): Promise<JobcentreEnrolmentResponse[]> {
    const names = await this.residents.displayNames(manager, actor, rows.map((e) => e.residentId));
    const quarters = await this.enrolments.quartersOf(manager, actor.planId, rows.map((e) => e.id));
    return rows.map((e) => enrolmentView(e, names.get(e.residentId) ?? '', quarters.get(e.id) ?? []));
  }
}
