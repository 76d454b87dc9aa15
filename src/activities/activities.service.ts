import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { PlanActor } from '../access/actor';
import { AuditWriter } from '../audit/audit-writer';
import { RuleViolation, refuseStaleVersion, type ProblemItem } from '../common/domain-errors';
import { UnitOfWork } from '../database/unit-of-work';
import { PlansService } from '../plans/plans.service';
import { ActivitiesRepository } from './activities.repository';
import type { ActivitiesProblem } from './activities-problems';
import { ACTIVITIES_PURPOSE, ActivityKindsService } from './activity-kinds.service';
import { activityView } from './activity-views';
import type { ActivityPage, ActivityResponse } from './dto/activity-response.dto';
import type { ActivityQuery, CreateActivityDto, UpdateActivityDto } from './dto/activity.dto';
import type { Activity } from './entities/activity.entity';
import { EnrolmentsRepository } from './enrolments.repository';
import { slotProblems } from './weekly-slots';

/** The activities of a plan: what it runs, where, with whom, when and for how many. */
@Injectable()
export class ActivitiesService {
  constructor(
    private readonly uow: UnitOfWork,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditWriter,
    private readonly plans: PlansService,
    private readonly kinds: ActivityKindsService,
    private readonly activities: ActivitiesRepository,
    private readonly enrolments: EnrolmentsRepository,
  ) {}

  async create(actor: PlanActor, dto: CreateActivityDto): Promise<ActivityResponse> {
    const fields = {
      planId: actor.planId,
      kind: dto.kind,
      name: dto.name,
      housingAreaId: dto.housingAreaId ?? null,
      organisationId: dto.organisationId ?? null,
      startsOn: dto.startsOn ?? null,
      endsOn: dto.endsOn ?? null,
      weeklySlots: (dto.weeklySlots ?? []).map(({ weekday, start, end }) => ({ weekday, start, end })),
      capacity: dto.capacity ?? null,
      rollingIntake: dto.rollingIntake ?? false,
      createdBy: actor.userId,
    };
    refuseImpossible(fields);
    return this.uow.run(async (manager) => {
      await this.assertReferences(manager, actor, fields);
      const saved = await this.activities.create(manager, fields);
      await this.audit.record(actor, { action: 'activity.created', purpose: ACTIVITIES_PURPOSE, entityType: 'activity', entityId: saved.id }, manager);
      return activityView(saved, (await this.kinds.labels(manager, actor.planId))(saved.kind));
    });
  }

  async list(actor: PlanActor, query: ActivityQuery): Promise<ActivityPage> {
    const manager = this.dataSource.manager;
    const page = await this.activities.page(manager, actor, query);
    const labelOf = await this.kinds.labels(manager, actor.planId);
    return { items: page.items.map((a) => activityView(a, labelOf(a.kind))), nextCursor: page.nextCursor };
  }

  async get(actor: PlanActor, id: string): Promise<ActivityResponse> {
    const manager = this.dataSource.manager;
    const found = await this.activities.find(manager, actor, id);
    return activityView(found, (await this.kinds.labels(manager, actor.planId))(found.kind));
  }

  /** Only what is sent changes; the activity must still hold what is recorded on it. */
  async update(actor: PlanActor, id: string, dto: UpdateActivityDto): Promise<ActivityResponse> {
    return this.uow.run(async (manager) => {
      const found = await this.activities.find(manager, actor, id, true);
      refuseStaleVersion('The activity', dto.version, found.version, { activityId: id });
      const changed: Activity = {
        ...found,
        kind: dto.kind ?? found.kind,
        name: dto.name ?? found.name,
        housingAreaId: dto.housingAreaId === undefined ? found.housingAreaId : dto.housingAreaId,
        organisationId: dto.organisationId === undefined ? found.organisationId : dto.organisationId,
        startsOn: dto.startsOn === undefined ? found.startsOn : dto.startsOn,
        endsOn: dto.endsOn === undefined ? found.endsOn : dto.endsOn,
        weeklySlots: dto.weeklySlots ? dto.weeklySlots.map(({ weekday, start, end }) => ({ weekday, start, end })) : found.weeklySlots,
        capacity: dto.capacity === undefined ? found.capacity : dto.capacity,
        rollingIntake: dto.rollingIntake ?? found.rollingIntake,
        version: found.version + 1,
      };
      refuseImpossible(changed);
      await this.assertReferences(manager, actor, changed, found);
      await this.refuseLeavingOutRecorded(manager, found, changed);
      const saved = await this.activities.save(manager, changed);
      await this.audit.record(actor, { action: 'activity.updated', purpose: ACTIVITIES_PURPOSE, entityType: 'activity', entityId: id }, manager);
      return activityView(saved, (await this.kinds.labels(manager, actor.planId))(saved.kind));
    });
  }

  /** The kind, housing area and organisation are the plan's; unchanged ones are not asked again. */
  private async assertReferences(manager: EntityManager, actor: PlanActor, a: Pick<Activity, 'kind' | 'housingAreaId' | 'organisationId'>, before?: Activity): Promise<void> {
    if (a.kind !== before?.kind) await this.kinds.assertKnown(manager, actor.planId, a.kind);
    const problems: ProblemItem[] = [];
    if (a.housingAreaId && a.housingAreaId !== before?.housingAreaId && !(await this.plans.findHousingArea(actor.planId, a.housingAreaId, manager))) {
      problems.push({ field: 'housingAreaId', rule: 'housing_area_in_plan', message: 'housingAreaId is not a housing area of your plan' });
    }
    if (problems.length) throw new RuleViolation(problems, 'housing_area_not_in_plan');
    if (a.organisationId && a.organisationId !== before?.organisationId && !(await this.plans.organisationExists(actor.planId, a.organisationId, manager))) {
      throw new RuleViolation([{ field: 'organisationId', rule: 'organisation_in_plan', message: 'organisationId is not an organisation of your plan' }], 'organisation_not_in_plan');
    }
  }

  /** New dates must keep every session and enrolment inside them; a capacity never falls below who is enrolled. */
  private async refuseLeavingOutRecorded(manager: EntityManager, before: Activity, after: Activity): Promise<void> {
    if (after.startsOn !== before.startsOn || after.endsOn !== before.endsOn) {
      const recorded = await this.activities.recordedDays(manager, before.id);
      const problems: ProblemItem[] = [];
      if (recorded.first && after.startsOn && recorded.first < after.startsOn) {
        problems.push({ field: 'startsOn', rule: 'holds_recorded', message: `startsOn is after ${recorded.first}, when a session or enrolment of the activity is recorded` });
      }
      if (recorded.last && after.endsOn && recorded.last > after.endsOn) {
        problems.push({ field: 'endsOn', rule: 'holds_recorded', message: `endsOn is before ${recorded.last}, when a session or enrolment of the activity is recorded` });
      }
      if (problems.length) throw new RuleViolation(problems, 'activity_dates_unmet' satisfies ActivitiesProblem);
    }
    if (after.capacity !== null && after.capacity !== before.capacity) {
      const open = await this.enrolments.openCount(manager, before.id);
      if (open > after.capacity) {
        throw new RuleViolation([{ field: 'capacity', rule: 'holds_enrolled', message: `capacity ${after.capacity} is below the ${open} open enrolments` }], 'capacity_below_enrolled' satisfies ActivitiesProblem);
      }
    }
  }
}

/** What no activity can be: slots ending before they start or overlapping, an end before the start. */
function refuseImpossible(a: Pick<Activity, 'weeklySlots' | 'startsOn' | 'endsOn'>): void {
  const slots = slotProblems(a.weeklySlots);
  if (slots.length) throw new RuleViolation(slots, 'invalid_weekly_slots' satisfies ActivitiesProblem);
  if (a.startsOn && a.endsOn && a.endsOn < a.startsOn) {
    throw new RuleViolation([{ field: 'endsOn', rule: 'not_before_start', message: `endsOn (${a.endsOn}) is before startsOn (${a.startsOn})` }], 'activity_dates_unmet' satisfies ActivitiesProblem);
  }
}
