import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { PlanActor } from '../access/actor';
import { AuditWriter } from '../audit/audit-writer';
import { Conflict, RuleViolation, type ProblemItem } from '../common/domain-errors';
import { UnitOfWork } from '../database/unit-of-work';
import { ResidentsRepository } from '../residents/residents.repository';
import { ActivitiesRepository } from './activities.repository';
import type { ActivitiesProblem } from './activities-problems';
import { ACTIVITIES_PURPOSE } from './activity-kinds.service';
import { enrolmentView } from './activity-views';
import { enrolmentEndProblems } from './attendance-rules';
import type { EnrolmentPage, EnrolmentResponse } from './dto/activity-response.dto';
import type { EndEnrolmentDto, EnrolDto, EnrolmentQuery } from './dto/attendance.dto';
import type { Activity } from './entities/activity.entity';
import { EnrolmentsRepository } from './enrolments.repository';
import { withinDates } from './weekly-slots';

/**
 * Enrolments in courses and activities with rolling intake (004_*: employment-readiness courses
 * of about 10 weeks with rolling intake): start, end and outcome, within the activity's capacity.
 */
@Injectable()
export class EnrolmentsService {
  constructor(
    private readonly uow: UnitOfWork,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditWriter,
    private readonly residents: ResidentsRepository,
    private readonly activities: ActivitiesRepository,
    private readonly enrolments: EnrolmentsRepository,
  ) {}

  async enrol(actor: PlanActor, activityId: string, dto: EnrolDto): Promise<EnrolmentResponse> {
    return this.uow.run(async (manager) => {
      // The activity's lock serialises enrolments in it, so its capacity holds under concurrent calls.
      const activity = await this.activities.find(manager, actor, activityId, true);
      await this.residents.lockForNewWork(manager, actor, dto.residentId);
      refuseUnofferedOrOutside(activity, dto.startedOn);
      const open = await this.enrolments.openOf(manager, activityId, dto.residentId);
      if (open) {
        throw new Conflict('The resident already has an open enrolment in the activity; end it before enrolling again', { code: 'already_enrolled' satisfies ActivitiesProblem, extra: { existingEnrolmentId: open.id } });
      }
      if (activity.capacity !== null && (await this.enrolments.openCount(manager, activityId)) >= activity.capacity) {
        throw new Conflict(`The activity is full: its ${activity.capacity} places are taken by open enrolments`, { code: 'activity_full' satisfies ActivitiesProblem, extra: { capacity: activity.capacity } });
      }
      const saved = await this.enrolments.create(manager, { planId: actor.planId, activityId, residentId: dto.residentId, startedOn: dto.startedOn, referredFrom: dto.referredFrom ?? null, recordedBy: actor.userId });
      await this.audit.record(actor, { action: 'activity_enrolment.started', purpose: ACTIVITIES_PURPOSE, residentId: dto.residentId, entityType: 'activity_enrolment', entityId: saved.id }, manager);
      return enrolmentView(saved);
    });
  }

  /** Ending stays possible for an erased resident (closing what is open), never twice. */
  async end(actor: PlanActor, activityId: string, enrolmentId: string, dto: EndEnrolmentDto): Promise<EnrolmentResponse> {
    return this.uow.run(async (manager) => {
      const activity = await this.activities.find(manager, actor, activityId);
      const enrolment = await this.enrolments.lock(manager, actor, activityId, enrolmentId);
      await this.residents.lockWritable(manager, actor, enrolment.residentId);
      if (enrolment.endedOn !== null) {
        throw new Conflict(`The enrolment ended on ${enrolment.endedOn}`, { code: 'enrolment_already_ended' satisfies ActivitiesProblem, extra: { enrolmentId } });
      }
      const problems = enrolmentEndProblems(enrolment.startedOn, dto.endedOn);
      if (problems.length) throw new RuleViolation(problems, 'enrolment_dates_unmet' satisfies ActivitiesProblem);
      if (!withinDates(dto.endedOn, activity.startsOn, activity.endsOn)) {
        throw new RuleViolation([{ field: 'endedOn', rule: 'within_activity_dates', message: `endedOn (${dto.endedOn}) is outside the activity's dates` }], 'activity_dates_unmet' satisfies ActivitiesProblem);
      }
      enrolment.endedOn = dto.endedOn;
      enrolment.outcome = dto.outcome;
      enrolment.endedBy = actor.userId;
      enrolment.version += 1;
      const saved = await this.enrolments.save(manager, enrolment);
      await this.audit.record(actor, { action: 'activity_enrolment.ended', purpose: ACTIVITIES_PURPOSE, residentId: saved.residentId, entityType: 'activity_enrolment', entityId: saved.id }, manager);
      return enrolmentView(saved);
    });
  }

  /** The activity's enrolments of residents the caller may read, each read audited. */
  async list(actor: PlanActor, activityId: string, query: EnrolmentQuery): Promise<EnrolmentPage> {
    const manager = this.dataSource.manager;
    await this.activities.find(manager, actor, activityId);
    const page = await this.enrolments.page(manager, actor, activityId, query);
    await this.audit.recordListed(actor, { action: 'activity_enrolment.listed', purpose: ACTIVITIES_PURPOSE, entityType: 'activity_enrolment' }, page.items);
    const names = await this.residents.displayNames(manager, actor, page.items.map((e) => e.residentId));
    return { items: page.items.map((e) => ({ ...enrolmentView(e), residentName: names.get(e.residentId) ?? '' })), nextCursor: page.nextCursor };
  }
}

/**
 * Only courses and activities with rolling intake take enrolments, within their dates; without
 * rolling intake nobody joins after the first day.
 */
function refuseUnofferedOrOutside(activity: Activity, startedOn: string): void {
  if (activity.kind !== 'course' && !activity.rollingIntake) {
    throw new RuleViolation([{ field: 'activityId', rule: 'takes_enrolments', message: 'Only courses and activities with rolling intake take enrolments' }], 'enrolment_not_offered' satisfies ActivitiesProblem);
  }
  const problems: ProblemItem[] = [];
  if (!withinDates(startedOn, activity.startsOn, activity.endsOn)) {
    problems.push({ field: 'startedOn', rule: 'within_activity_dates', message: `startedOn (${startedOn}) is outside the activity's dates (${activity.startsOn ?? '…'} to ${activity.endsOn ?? '…'})` });
  } else if (!activity.rollingIntake && activity.startsOn !== null && startedOn > activity.startsOn) {
    problems.push({ field: 'startedOn', rule: 'no_rolling_intake', message: `The activity has no rolling intake: enrolments start on its first day (${activity.startsOn})` });
  }
  if (problems.length) throw new RuleViolation(problems, 'activity_dates_unmet' satisfies ActivitiesProblem);
}
