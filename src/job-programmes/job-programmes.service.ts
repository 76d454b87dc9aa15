import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccessPolicy } from '../access/access-policy';
import type { PlanActor } from '../access/actor';
import { AuditWriter } from '../audit/audit-writer';
import { Conflict, RuleViolation } from '../common/domain-errors';
import { todayInPlanZone } from '../common/time';
import { UnitOfWork } from '../database/unit-of-work';
import { EmployersRepository } from '../employers/employers.repository';
import { PlanSettingsService } from '../plans/plan-settings.service';
import { PlansService } from '../plans/plans.service';
import { ResidentsRepository } from '../residents/residents.repository';
import { ResidentsService } from '../residents/residents.service';
import type { CreateProgrammeDto, ProgrammeQuery } from './dto/job-programme.dto';
import type { ProgrammeDetailsResponse, ProgrammePage } from './dto/job-programme-response.dto';
import { programmeListItem } from './job-programme-views';
import type { JobProgrammesProblem } from './job-programmes-problems';
import { JobProgrammesRepository } from './job-programmes.repository';
import { ProgrammeActivityRepository } from './programme-activity.repository';
import { ProgrammeDetails } from './programme-details';
import { eligibilityProblems } from './programme-eligibility';
import { startOfDayInPlanZone } from './programme-timeline';

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
    private readonly planSettings: PlanSettingsService,
    private readonly programmes: JobProgrammesRepository,
    private readonly employers: EmployersRepository,
    private readonly residentRecords: ResidentsRepository,
    private readonly details: ProgrammeDetails,
    private readonly activity: ProgrammeActivityRepository,
  ) {}

  /**
   * A programme starts in clarification, for a youth within the plan's age range on the start day
   * (its settings; 13-15 unless changed) who lives in an eligible housing area; one open programme
   * per youth at a time.
   */
  async create(actor: PlanActor, dto: CreateProgrammeDto): Promise<ProgrammeDetailsResponse> {
    const startedAt = dto.startedAt ?? todayInPlanZone();
    return this.uow.run(async (manager) => {
      // Locking the youth serialises concurrent starts; the partial unique index backs this up.
      const resident = await this.residents.lockForNewWork(manager, actor, dto.residentId);
      const existing = await this.programmes.openProgrammeOf(manager, actor, resident.id);
      if (existing) {
        throw new Conflict(`The youth already has an open job programme (${existing.id}, in ${existing.phase}); finish or end it first`, {
          code: 'programme_already_running' satisfies JobProgrammesProblem,
          extra: { existingProgrammeId: existing.id },
        });
      }
      const area = (await this.plans.findHousingArea(actor.planId, resident.housingAreaId, manager)) ?? { name: 'The housing area', jobProgrammeEligible: false };
      const { jobProgramme } = await this.planSettings.settingsOf(actor.planId, manager);
      const problems = eligibilityProblems({ birthDate: resident.birthDate, startedAt, housingArea: area }, { min: jobProgramme.minAge, max: jobProgramme.maxAge });
      if (problems.length) throw new RuleViolation(problems, 'programme_not_eligible' satisfies JobProgrammesProblem);

      const programme = await this.programmes.insert(manager, { planId: actor.planId, residentId: resident.id, phase: 'clarification', startedAt, version: 1, createdBy: actor.userId, referredFrom: dto.referredFrom ?? null });
      // The programme is in clarification from its start day, not from when it was typed in.
      await this.programmes.recordTransition(manager, {
        planId: actor.planId,
        programmeId: programme.id,
        fromPhase: null,
        toPhase: 'clarification',
        reason: null,
        actorId: actor.userId,
        occurredAt: startOfDayInPlanZone(startedAt),
      });
      await this.audit.record(actor, { action: 'job_programme.started', purpose: JOB_PROGRAMME_PURPOSE, residentId: resident.id, entityType: 'job_programme', entityId: programme.id }, manager);
      return this.details.of(manager, programme, true);
    });
  }

  /**
   * Programmes you may see, most recently started first, each named (the youth, the ordinary
   * job's employer) with one query per page; one audit event per programme shown.
   */
  async list(actor: PlanActor, query: ProgrammeQuery): Promise<ProgrammePage> {
    const manager = this.dataSource.manager;
    const page = await this.programmes.page(manager, actor, query, query.phase, query.employerId);
    const purpose = this.access.readPurpose(actor, 'job_programmes', JOB_PROGRAMME_PURPOSE);
    await this.audit.recordListed(actor, { action: 'job_programme.listed', purpose, entityType: 'job_programme' }, page.items);
    const names = {
      youth: await this.residentRecords.displayNames(manager, actor, page.items.map((p) => p.residentId)),
      employers: await this.employers.namesOf(manager, actor, page.items.map((p) => p.ordinaryJobEmployerId)),
    };
    const freeTextShared = this.access.jobProgrammeFreeTextShared(actor);
    // The board shows what each card still needs: read for the whole page at once, not per card.
    const nextSteps = await this.details.nextStepsOf(manager, page.items);
    const items = page.items.map((p, i) => programmeListItem(p, freeTextShared, names, nextSteps[i]));
    if (query.employerId) {
      const matches = await this.activity.matchesAtEmployer(manager, page.items.map((p) => p.id), query.employerId);
      for (const item of items) item.matchesAtEmployer = matches.filter((m) => m.programmeId === item.id).map((m) => m.status);
    }
    return { items, nextCursor: page.nextCursor };
  }

  async get(actor: PlanActor, id: string): Promise<ProgrammeDetailsResponse> {
    const manager = this.dataSource.manager;
    const programme = await this.programmes.readable(manager, actor, id);
    const details = await this.details.of(manager, programme, this.access.jobProgrammeFreeTextShared(actor));
    const purpose = this.access.readPurpose(actor, 'job_programmes', JOB_PROGRAMME_PURPOSE);
    await this.audit.record(actor, { action: 'job_programme.read', purpose, residentId: programme.residentId, entityType: 'job_programme', entityId: id });
    return details;
  }
}
