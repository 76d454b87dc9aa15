import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccessPolicy } from '../access/access-policy';
import type { PlanActor } from '../access/actor';
import { AuditWriter } from '../audit/audit-writer';
import { Conflict, RuleViolation } from '../common/domain-errors';
import { paginate } from '../common/pagination';
import { todayInPlanZone } from '../common/time';
import { PlansService } from '../plans/plans.service';
import { ResidentsService } from '../residents/residents.service';
import type { CreateProgrammeDto, ProgrammeQuery } from './dto/job-programme.dto';
import { JobProgrammeTransition } from './entities/job-programme-transition.entity';
import { JobProgramme } from './entities/job-programme.entity';
import { programmeView } from './job-programme-views';
import { programmeDetails } from './programme-details';
import { eligibilityProblems } from './programme-eligibility';
import { ProgrammeFinder } from './programme-finder';
import { startOfDayInPlanZone } from './programme-timeline';
import { UnitOfWork } from '../database/unit-of-work';

export const JOB_PROGRAMME_PURPOSE = 'job_programmes';

/** Starting, listing and reading leisure-job programmes (fritidsjobforløb). */
@Injectable()
export class JobProgrammesService {
  constructor(
    private readonly uow: UnitOfWork,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessPolicy,
    private readonly audit: AuditWriter,
    private readonly residents: ResidentsService,
    private readonly plans: PlansService,
    private readonly programmes: ProgrammeFinder,
  ) {}

  /**
   * A programme starts in clarification, for a youth of 13-15 on the start day who lives in an
   * eligible housing area; one open programme per youth at a time.
   */
  async create(actor: PlanActor, dto: CreateProgrammeDto) {
    const startedAt = dto.startedAt ?? todayInPlanZone();
    return this.uow.run(async (manager) => {
      // Locking the youth serialises concurrent starts; the partial unique index backs this up.
      const resident = await this.residents.lockWritable(manager, actor, dto.residentId);
      const existing = await this.programmes.openProgrammeOf(manager, resident.id);
      if (existing) {
        throw new Conflict(`The youth already has an open job programme (${existing.id}, in ${existing.phase}); finish or end it first`, {
          extra: { existingProgrammeId: existing.id },
        });
      }
      const area = (await this.plans.findHousingArea(actor.planId, resident.housingAreaId, manager)) ?? { name: 'The housing area', jobProgrammeEligible: false };
      const problems = eligibilityProblems({ birthDate: resident.birthDate, startedAt, housingArea: area });
      if (problems.length) throw new RuleViolation(problems);

      const programme = await manager.getRepository(JobProgramme).save(
        manager.getRepository(JobProgramme).create({ planId: actor.planId, residentId: resident.id, phase: 'clarification', startedAt, version: 1, createdBy: actor.userId }),
      );
      // The programme is in clarification from its start day, not from when it was typed in.
      await manager.getRepository(JobProgrammeTransition).insert({
        planId: actor.planId,
        programmeId: programme.id,
        fromPhase: null,
        toPhase: 'clarification',
        reason: null,
        actorId: actor.userId,
        occurredAt: startOfDayInPlanZone(startedAt),
      });
      await this.audit.record(actor, { action: 'job_programme.started', purpose: JOB_PROGRAMME_PURPOSE, residentId: resident.id, entityType: 'job_programme', entityId: programme.id }, manager);
      return programmeDetails(manager, programme, true);
    });
  }

  /** Programmes you may see, most recently started first; one audit event per programme shown. */
  async list(actor: PlanActor, query: ProgrammeQuery) {
    const scope = this.access.readableJobProgrammes(actor, 'p');
    const qb = this.dataSource.getRepository(JobProgramme).createQueryBuilder('p').where(scope.sql, scope.params);
    if (query.phase) qb.andWhere('p.phase = :phase', { phase: query.phase });
    const page = await paginate(qb, query, 'p.created_at', 'p.id', (p) => p, (p) => ({ at: p.createdAt, id: p.id }));
    const purpose = this.access.readPurpose(actor, 'job_programmes', JOB_PROGRAMME_PURPOSE);
    await this.audit.record(
      actor,
      page.items.map((p) => ({ action: 'job_programme.listed', purpose, residentId: p.residentId, entityType: 'job_programme', entityId: p.id })),
    );
    const freeTextShared = this.access.jobProgrammeFreeTextShared(actor);
    return { items: page.items.map((p) => programmeView(p, freeTextShared)), nextCursor: page.nextCursor };
  }

  async get(actor: PlanActor, id: string) {
    const manager = this.dataSource.manager;
    const programme = await this.programmes.readable(manager, actor, id);
    const details = await programmeDetails(manager, programme, this.access.jobProgrammeFreeTextShared(actor));
    const purpose = this.access.readPurpose(actor, 'job_programmes', JOB_PROGRAMME_PURPOSE);
    await this.audit.record(actor, { action: 'job_programme.read', purpose, residentId: programme.residentId, entityType: 'job_programme', entityId: id });
    return details;
  }
}
