import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AccessPolicy } from '../access/access-policy';
import type { PlanActor } from '../access/actor';
import { AuditWriter } from '../audit/audit-writer';
import { Conflict, RuleViolation, refuseStaleVersion } from '../common/domain-errors';
import { UnitOfWork } from '../database/unit-of-work';
import { EmployersRepository } from '../employers/employers.repository';
import { ResidentsRepository } from '../residents/residents.repository';
import type { CreateInternshipDto, EndInternshipDto, InternshipQuery } from './dto/internship.dto';
import type { InternshipDetails, InternshipPage } from './dto/internship-response.dto';
import type { Internship } from './entities/internship.entity';
import { endProblems, internshipProblems } from './internship-rules';
import { internshipDetails } from './internship-views';
import type { InternshipsProblem } from './internships-problems';
import { InternshipsRepository } from './internships.repository';

/** Internships are counselling work with adults: the counsellors' purpose, or the resident's consent for others. */
export const INTERNSHIP_PURPOSE = 'counselling';

/**
 * Internships for adults (praktikpladser, 004_* Sønderborg): a counselling-compartment resident of
 * 18 or over with one of the plan's employers, for a period and some hours a week, ended with an
 * outcome (job, education or ended) that the half-year report counts.
 */
@Injectable()
export class InternshipsService {
  constructor(
    private readonly uow: UnitOfWork,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessPolicy,
    private readonly audit: AuditWriter,
    private readonly residents: ResidentsRepository,
    private readonly employers: EmployersRepository,
    private readonly internships: InternshipsRepository,
  ) {}

  async create(actor: PlanActor, dto: CreateInternshipDto): Promise<InternshipDetails> {
    return this.uow.run(async (manager) => {
      // Locking the resident serialises concurrent starts; the partial unique index backs this up.
      const resident = await this.residents.lockForNewWork(manager, actor, dto.residentId);
      const employer = await this.employers.findOrNull(manager, actor, dto.employerId);
      if (!employer) {
        throw new RuleViolation(
          [{ field: 'employerId', rule: 'employer_in_plan', message: 'employerId is not an employer of your plan; register the employer first' }],
          'internship_employer_not_in_plan' satisfies InternshipsProblem,
        );
      }
      const problems = internshipProblems(dto, resident);
      if (problems.length) throw new RuleViolation(problems, 'internship_rules_unmet' satisfies InternshipsProblem);
      const existing = await this.internships.runningWith(manager, actor, resident.id, employer.id);
      if (existing) {
        throw new Conflict(`The resident already has a running internship with ${employer.name} (${existing.id}); end it first`, {
          code: 'internship_already_running' satisfies InternshipsProblem,
          extra: { existingInternshipId: existing.id },
        });
      }
      const saved = await this.internships.insert(manager, {
        planId: actor.planId,
        residentId: resident.id,
        employerId: employer.id,
        startsOn: dto.startsOn,
        endsOn: dto.endsOn,
        hoursPerWeek: dto.hoursPerWeek,
        referredFrom: dto.referredFrom ?? null,
        createdBy: actor.userId,
      });
      await this.audit.record(actor, { action: 'internship.started', purpose: INTERNSHIP_PURPOSE, residentId: resident.id, entityType: 'internship', entityId: saved.id }, manager);
      return this.details(manager, actor, [saved]).then(([d]) => d);
    });
  }

  async end(actor: PlanActor, id: string, dto: EndInternshipDto): Promise<InternshipDetails> {
    return this.uow.run(async (manager) => {
      const found = await this.internships.lockWritable(manager, actor, id);
      refuseStaleVersion('The internship', dto.version, found.version, { internshipId: id });
      if (found.endedOn !== null) {
        throw new Conflict(`The internship already ended on ${found.endedOn} (${found.outcome})`, {
          code: 'internship_already_ended' satisfies InternshipsProblem,
          extra: { internshipId: id, endedOn: found.endedOn, outcome: found.outcome },
        });
      }
      // No check for an erased resident: like closing a case, ending counts in the report and writes nothing about them.
      const problems = endProblems(found.startsOn, dto.endedOn);
      if (problems.length) throw new RuleViolation(problems, 'internship_end_before_start' satisfies InternshipsProblem);
      found.endedOn = dto.endedOn;
      found.outcome = dto.outcome;
      found.endedBy = actor.userId;
      found.version += 1;
      const saved = await this.internships.save(manager, found);
      await this.audit.record(actor, { action: 'internship.ended', purpose: INTERNSHIP_PURPOSE, residentId: found.residentId, entityType: 'internship', entityId: id }, manager);
      return this.details(manager, actor, [saved]).then(([d]) => d);
    });
  }

  async list(actor: PlanActor, query: InternshipQuery): Promise<InternshipPage> {
    const manager = this.dataSource.manager;
    const page = await this.internships.page(manager, actor, query);
    const purpose = this.access.readPurpose(actor, 'counselling', INTERNSHIP_PURPOSE);
    await this.audit.recordListed(actor, { action: 'internship.listed', purpose, entityType: 'internship' }, page.items);
    return { items: await this.details(manager, actor, page.items), nextCursor: page.nextCursor };
  }

  async get(actor: PlanActor, id: string): Promise<InternshipDetails> {
    const manager = this.dataSource.manager;
    const found = await this.internships.readable(manager, actor, id);
    const purpose = this.access.readPurpose(actor, 'counselling', INTERNSHIP_PURPOSE);
    await this.audit.record(actor, { action: 'internship.read', purpose, residentId: found.residentId, entityType: 'internship', entityId: id });
    const [details] = await this.details(manager, actor, [found]);
    return details;
  }

  /** Named rows for a page: two queries whatever its length. */
  private async details(manager: EntityManager, actor: PlanActor, rows: Internship[]): Promise<InternshipDetails[]> {
    const names = {
      residents: await this.residents.displayNames(manager, actor, rows.map((i) => i.residentId)),
      employers: await this.employers.namesOf(manager, actor, rows.map((i) => i.employerId)),
    };
    return rows.map((i) => internshipDetails(i, names));
  }
}
