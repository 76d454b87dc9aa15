import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AccessPolicy } from '../access/access-policy';
import type { PlanActor } from '../access/actor';
import { AuditWriter } from '../audit/audit-writer';
import { Conflict, RuleViolation, refuseStaleVersion } from '../common/domain-errors';
import { todayInPlanZone } from '../common/time';
import { UnitOfWork } from '../database/unit-of-work';
import { EmployersRepository } from '../employers/employers.repository';
import { ResidentsRepository } from '../residents/residents.repository';
import type { CreateSmallJobDto, EndSmallJobDto, SmallJobQuery } from './dto/small-job.dto';
import type { SmallJobDetails, SmallJobPage } from './dto/small-job-response.dto';
import type { SmallJob } from './entities/small-job.entity';
import { ageGroupOn, endProblems, smallJobAgeProblems, smallJobProblems } from './small-job-rules';
import { smallJobDetails } from './small-job-views';
import type { SmallJobsProblem } from './small-jobs-problems';
import { SmallJobsRepository } from './small-jobs.repository';

/** Småjobs are counselling work with adults, as internships are: the counsellors' purpose, or the resident's consent for others. */
export const SMALL_JOB_PURPOSE = 'counselling';

/**
 * Småjobs (all four seeds: "småjobs bestående af få timer", often in the housing organisation): a
 * counselling-compartment resident of 18 or over with one of the plan's employers for a few hours
 * a week, ended with an outcome (more hours, an ordinary job, ended) that the half-year report
 * counts by age group. The same compartment, consent and audit rules as internships.
 */
@Injectable()
export class SmallJobsService {
  constructor(
    private readonly uow: UnitOfWork,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessPolicy,
    private readonly audit: AuditWriter,
    private readonly residents: ResidentsRepository,
    private readonly employers: EmployersRepository,
    private readonly smallJobs: SmallJobsRepository,
  ) {}

  async create(actor: PlanActor, dto: CreateSmallJobDto): Promise<SmallJobDetails> {
    return this.uow.run(async (manager) => {
      // Locking the resident serialises concurrent starts; the partial unique index backs this up.
      const resident = await this.residents.lockForNewWork(manager, actor, dto.residentId);
      const employer = await this.employers.findOrNull(manager, actor, dto.employerId);
      if (!employer) {
        throw new RuleViolation(
          [{ field: 'employerId', rule: 'employer_in_plan', message: 'employerId is not an employer of your plan; register the employer first' }],
          'small_job_employer_not_in_plan' satisfies SmallJobsProblem,
        );
      }
      const ageProblems = smallJobAgeProblems(resident, dto.startsOn);
      if (ageProblems.length) throw new RuleViolation(ageProblems, 'small_job_resident_not_adult' satisfies SmallJobsProblem);
      const problems = smallJobProblems(dto);
      if (problems.length) throw new RuleViolation(problems, 'small_job_rules_unmet' satisfies SmallJobsProblem);
      const existing = await this.smallJobs.runningWith(manager, actor, resident.id, employer.id);
      if (existing) {
        throw new Conflict(`The resident already has a running småjob with ${employer.name} (${existing.id}); end it first`, {
          code: 'small_job_already_running' satisfies SmallJobsProblem,
          extra: { existingSmallJobId: existing.id },
        });
      }
      const saved = await this.smallJobs.insert(manager, {
        planId: actor.planId,
        residentId: resident.id,
        employerId: employer.id,
        startsOn: dto.startsOn,
        hoursPerWeek: dto.hoursPerWeek,
        ageGroup: ageGroupOn(resident, dto.startsOn),
        createdBy: actor.userId,
      });
      await this.audit.record(actor, { action: 'small_job.started', purpose: SMALL_JOB_PURPOSE, residentId: resident.id, entityType: 'small_job', entityId: saved.id }, manager);
      return this.details(manager, actor, [saved]).then(([d]) => d);
    });
  }

  async end(actor: PlanActor, id: string, dto: EndSmallJobDto): Promise<SmallJobDetails> {
    return this.uow.run(async (manager) => {
      const found = await this.smallJobs.lockWritable(manager, actor, id);
      refuseStaleVersion('The småjob', dto.version, found.version, { smallJobId: id });
      if (found.endedOn !== null) {
        throw new Conflict(`The småjob already ended on ${found.endedOn} (${found.outcome})`, {
          code: 'small_job_already_ended' satisfies SmallJobsProblem,
          extra: { smallJobId: id, endedOn: found.endedOn, outcome: found.outcome },
        });
      }
      // No check for an erased resident: like an internship, ending counts in the report and writes nothing about them.
      const problems = endProblems(found.startsOn, dto.endedOn);
      const today = todayInPlanZone();
      if (dto.endedOn > today) problems.push({ field: 'endedOn', rule: 'not_in_future', message: `endedOn must not be after today (${today}); end a småjob when it has ended` });
      if (problems.length) throw new RuleViolation(problems, 'small_job_end_out_of_range' satisfies SmallJobsProblem);
      found.endedOn = dto.endedOn;
      found.outcome = dto.outcome;
      found.endedBy = actor.userId;
      found.version += 1;
      const saved = await this.smallJobs.save(manager, found);
      await this.audit.record(actor, { action: 'small_job.ended', purpose: SMALL_JOB_PURPOSE, residentId: found.residentId, entityType: 'small_job', entityId: id }, manager);
      return this.details(manager, actor, [saved]).then(([d]) => d);
    });
  }

  async list(actor: PlanActor, query: SmallJobQuery): Promise<SmallJobPage> {
    const manager = this.dataSource.manager;
    const page = await this.smallJobs.page(manager, actor, query);
    const purpose = this.access.readPurpose(actor, 'counselling', SMALL_JOB_PURPOSE);
    await this.audit.recordListed(actor, { action: 'small_job.listed', purpose, entityType: 'small_job' }, page.items);
    return { items: await this.details(manager, actor, page.items), nextCursor: page.nextCursor };
  }

  async get(actor: PlanActor, id: string): Promise<SmallJobDetails> {
    const manager = this.dataSource.manager;
    const found = await this.smallJobs.readable(manager, actor, id);
    const purpose = this.access.readPurpose(actor, 'counselling', SMALL_JOB_PURPOSE);
    await this.audit.record(actor, { action: 'small_job.read', purpose, residentId: found.residentId, entityType: 'small_job', entityId: id });
    const [details] = await this.details(manager, actor, [found]);
    return details;
  }

  /** Named rows for a page: two queries whatever its length. */
  private async details(manager: EntityManager, actor: PlanActor, rows: SmallJob[]): Promise<SmallJobDetails[]> {
    const names = {
      residents: await this.residents.displayNames(manager, actor, rows.map((j) => j.residentId)),
      employers: await this.employers.namesOf(manager, actor, rows.map((j) => j.employerId)),
    };
    return rows.map((j) => smallJobDetails(j, names));
  }
}
