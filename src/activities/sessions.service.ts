import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { PlanActor } from '../access/actor';
import { compartmentOwnedBy } from '../access/roles';
import { AuditWriter, type AuditEntry } from '../audit/audit-writer';
import { Conflict, NotFound, RuleViolation, type ProblemItem } from '../common/domain-errors';
import type { PageQuery } from '../common/pagination';
import { isInFuture } from '../common/time';
import { UnitOfWork } from '../database/unit-of-work';
import { EmployersRepository } from '../employers/employers.repository';
import type { EmployersProblem } from '../employers/employers-problems';
import { ResidentsRepository } from '../residents/residents.repository';
import { ActivitiesRepository } from './activities.repository';
import type { ActivitiesProblem } from './activities-problems';
import { ACTIVITIES_PURPOSE } from './activity-kinds.service';
import { headcountView, sessionListItem, sessionView } from './activity-views';
import { headcountProblems } from './attendance-rules';
import type { SessionDetailResponse, SessionPage, SessionResponse, VisitResponse } from './dto/activity-response.dto';
import type { RecordSessionDto, RecordVisitDto } from './dto/attendance.dto';
import type { Activity } from './entities/activity.entity';
import { SessionsRepository } from './sessions.repository';
import { danishMoment, slotContaining, withinDates } from './weekly-slots';

/** Sessions of an activity and who came: head counts for everyone, names where residents are known. */
@Injectable()
export class SessionsService {
  constructor(
    private readonly uow: UnitOfWork,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditWriter,
    private readonly residents: ResidentsRepository,
    private readonly activities: ActivitiesRepository,
    private readonly sessions: SessionsRepository,
    private readonly employers: EmployersRepository,
  ) {}

  async record(actor: PlanActor, activityId: string, dto: RecordSessionDto): Promise<SessionResponse> {
    const participantIds = dto.participantIds ?? [];
    const headcount = dto.headcount ?? { total: participantIds.length };
    const problems = headcountProblems(headcount, participantIds.length);
    if (problems.length) throw new RuleViolation(problems, 'headcount_unmet' satisfies ActivitiesProblem);
    if (dto.endsAt && dto.endsAt <= dto.startsAt) {
      throw new RuleViolation([{ field: 'endsAt', rule: 'after_start', message: 'endsAt must be after startsAt' }], 'activity_dates_unmet' satisfies ActivitiesProblem);
    }
    return this.uow.run(async (manager) => {
      const activity = await this.activities.find(manager, actor, activityId);
      refuseOutsideDates(activity, dto.startsAt, 'startsAt');
      await this.lockParticipants(manager, actor, participantIds);
      const employerNames = await this.planEmployers(manager, actor, dto.employerIds ?? []);
      const compartment = compartmentOwnedBy(actor.role);
      if (!compartment) throw new Error(`a ${actor.role} cannot record a session`);
      const saved = await this.sessions.insert(manager, { planId: actor.planId, activityId, startsAt: dto.startsAt, endsAt: dto.endsAt ?? null, headcount, note: dto.note ?? null, compartment, recordedBy: actor.userId });
      if (!saved) {
        const existingSessionId = await this.sessions.idAt(manager, activityId, dto.startsAt);
        throw new Conflict('The activity already has a session starting at that time; add to it instead', { code: 'session_exists' satisfies ActivitiesProblem, extra: { existingSessionId } });
      }
      await this.sessions.addParticipants(manager, actor.planId, saved.id, participantIds);
      await this.sessions.addEmployers(manager, actor.planId, saved.id, dto.employerIds ?? []);
      await this.audit.record(actor, this.auditEntries('activity_session.recorded', saved.id, participantIds), manager);
      const names = await this.residents.displayNames(manager, actor, participantIds);
      const guests = (dto.employerIds ?? []).map((employerId) => ({ employerId, name: employerNames.get(employerId) ?? '' }));
      return sessionView(saved, participantIds.map((residentId) => ({ residentId, name: names.get(residentId) ?? '' })), 0, guests);
    });
  }

  /**
   * A page of sessions. Named participants are personal data: each is shown only to a caller who
   * may read that resident (the policy layer, through ResidentsRepository), and each shown is
   * audited; the others are in the head count and `participantsWithheld` only.
   */
  async list(actor: PlanActor, activityId: string, query: PageQuery): Promise<SessionPage> {
    const manager = this.dataSource.manager;
    await this.activities.find(manager, actor, activityId);
    const page = await this.sessions.page(manager, actor, activityId, query);
    const participantsOf = await this.visibleParticipants(manager, actor, page.items.map((s) => s.id), 'activity_session.listed');
    const employersOf = await this.guests(manager, actor, page.items.map((s) => s.id));
    const items = page.items.map((s) => {
      const { visible, withheld } = participantsOf(s.id);
      return sessionListItem(s, visible, withheld, employersOf(s.id));
    });
    return { items, nextCursor: page.nextCursor };
  }

  /**
   * One session with its note (step-up guards the route). The note is read by the activity's own
   * staff only: the staff of the compartment that recorded the session (a counselling drop-in's
   * counsellors; a social worker's job café's social workers), never the leader (who reports
   * numbers, not what was written) nor the other compartment (issue 20).
   */
  async get(actor: PlanActor, activityId: string, sessionId: string): Promise<SessionDetailResponse> {
    const manager = this.dataSource.manager;
    await this.activities.find(manager, actor, activityId);
    const session = await this.sessions.findOfActivity(manager, actor, activityId, sessionId);
    if (!session) throw new NotFound('Session');
    const { visible, withheld } = (await this.visibleParticipants(manager, actor, [session.id], 'activity_session.read'))(session.id);
    const noteShared = session.compartment !== null && session.compartment === compartmentOwnedBy(actor.role);
    const employers = (await this.guests(manager, actor, [session.id]))(session.id);
    return { ...sessionListItem(session, visible, withheld, employers), note: noteShared ? session.note : null, noteShared };
  }

  /**
   * The employers named as a session's guests must be the plan's (issue 23: who came to a network
   * meeting); every unknown one is listed (422 unknown_employers). Their names, by id.
   */
  private async planEmployers(manager: EntityManager, actor: PlanActor, employerIds: readonly string[]): Promise<ReadonlyMap<string, string>> {
    const names = await this.employers.namesOf(manager, actor, employerIds);
    const unknown = employerIds.map((id, i) => ({ id, i })).filter(({ id }) => !names.has(id));
    if (unknown.length) {
      throw new RuleViolation(
        unknown.map(({ i }) => ({ field: `employerIds[${i}]`, rule: 'plan_employer', message: "not one of your plan's employers" })),
        'unknown_employers' satisfies EmployersProblem,
      );
    }
    return names;
  }

  /** The employers who came to these sessions, with their names: organisations, so nothing to audit. */
  private async guests(manager: EntityManager, actor: PlanActor, sessionIds: string[]): Promise<(sessionId: string) => SessionResponse['employers']> {
    const rows = await this.sessions.employersOf(manager, actor.planId, sessionIds);
    const names = await this.employers.namesOf(manager, actor, rows.map((r) => r.employerId));
    return (sessionId) => rows.filter((r) => r.sessionId === sessionId).map((r) => ({ employerId: r.employerId, name: names.get(r.employerId) ?? '' }));
  }

  /**
   * The named participants of these sessions the caller may see (the policy layer, through
   * ResidentsRepository), each shown audited; the others are counted as withheld.
   */
  private async visibleParticipants(
    manager: EntityManager,
    actor: PlanActor,
    sessionIds: string[],
    action: string,
  ): Promise<(sessionId: string) => { visible: SessionResponse['participants']; withheld: number }> {
    const participants = await this.sessions.participantsOf(manager, actor.planId, sessionIds);
    const names = await this.residents.displayNames(manager, actor, participants.map((p) => p.residentId));
    const shown = participants.filter((p) => names.has(p.residentId));
    await this.audit.record(actor, shown.map((p) => ({ action, purpose: ACTIVITIES_PURPOSE, residentId: p.residentId, entityType: 'activity_session', entityId: p.sessionId })));
    const bySession = new Map<string, typeof participants>();
    for (const p of participants) {
      const list = bySession.get(p.sessionId);
      if (list) list.push(p);
      else bySession.set(p.sessionId, [p]);
    }
    return (sessionId) => {
      const mine = bySession.get(sessionId) ?? [];
      const visible = mine.filter((p) => names.has(p.residentId)).map((p) => ({ residentId: p.residentId, name: names.get(p.residentId) ?? '' }));
      return { visible, withheld: mine.length - visible.length };
    };
  }

  /**
   * Quick entry at the door (issue 12): one visitor at an open counselling slot is one call. The
   * slot is found on the Danish wall clock, its session made if it is not there yet, and its head
   * count raised by one, in one statement (SessionsRepository.recordVisit).
   */
  async recordVisit(actor: PlanActor, activityId: string, dto: RecordVisitDto): Promise<VisitResponse> {
    const at = dto.at ?? new Date();
    // A visitor is counted when they come: a visit ahead of time would count someone who never came.
    if (isInFuture(at)) throw new RuleViolation([{ field: 'at', rule: 'not_in_future', message: 'at is in the future; record a visitor when they come' }], 'visit_in_future' satisfies ActivitiesProblem);
    return this.uow.run(async (manager) => {
      const activity = await this.activities.find(manager, actor, activityId);
      refuseOutsideDates(activity, at, 'at');
      const occurrence = slotContaining(activity.weeklySlots, at);
      if (!occurrence) {
        const local = danishMoment(at);
        const slots = activity.weeklySlots.map((s) => `weekday ${s.weekday} ${s.start}-${s.end}`).join(', ') || 'none';
        throw new RuleViolation(
          [{ field: 'at', rule: 'within_slot', message: `${local.date} (weekday ${local.weekday}) at ${String(Math.floor(local.minutes / 60)).padStart(2, '0')}:${String(local.minutes % 60).padStart(2, '0')} Danish time is in none of the activity's weekly slots (${slots})` }],
          'visit_outside_slots' satisfies ActivitiesProblem,
        );
      }
      const residentIds = dto.residentId ? [dto.residentId] : [];
      await this.lockParticipants(manager, actor, residentIds);
      const session = await this.sessions.recordVisit(manager, {
        planId: actor.planId,
        activityId,
        startsAt: occurrence.startsAt,
        endsAt: occurrence.endsAt,
        gender: dto.gender ?? null,
        ageGroup: dto.ageGroup ?? null,
        recordedBy: actor.userId,
      });
      await this.sessions.addParticipants(manager, actor.planId, session.id, residentIds);
      await this.audit.record(actor, this.auditEntries('activity_visit.recorded', session.id, residentIds), manager);
      return { sessionId: session.id, activityId, startsAt: session.startsAt, endsAt: session.endsAt, headcount: headcountView(session) };
    });
  }

  /**
   * Named participants are residents the caller records work for (their compartment; an erased one
   * takes nothing new: 409 resident_erased). Locked in id order, so two sessions naming the same
   * residents never wait on each other crosswise.
   */
  private async lockParticipants(manager: EntityManager, actor: PlanActor, residentIds: readonly string[]): Promise<void> {
    for (const id of [...residentIds].sort()) await this.residents.lockForNewWork(manager, actor, id);
  }

  private auditEntries(action: string, sessionId: string, residentIds: readonly string[]): AuditEntry[] {
    const base = { action, purpose: ACTIVITIES_PURPOSE, entityType: 'activity_session', entityId: sessionId };
    return residentIds.length ? residentIds.map((residentId) => ({ ...base, residentId })) : [base];
  }
}

function refuseOutsideDates(activity: Activity, at: Date, field: string): void {
  const { date } = danishMoment(at);
  if (withinDates(date, activity.startsOn, activity.endsOn)) return;
  const problem: ProblemItem = { field, rule: 'within_activity_dates', message: `${date} (Danish time) is outside the activity's dates (${activity.startsOn ?? '…'} to ${activity.endsOn ?? '…'})` };
  throw new RuleViolation([problem], 'activity_dates_unmet' satisfies ActivitiesProblem);
}
