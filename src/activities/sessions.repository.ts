import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { PlanActor } from '../access/actor';
import type { Compartment } from '../access/roles';
import { paginate, type Page, type PageQuery } from '../common/pagination';
import { inPlan } from '../database/plan-scope';
import type { Headcount } from './attendance-rules';
import { ActivitySession } from './entities/activity-session.entity';

const SESSION_COLUMNS = `id, plan_id AS "planId", activity_id AS "activityId", starts_at AS "startsAt", ends_at AS "endsAt",
  headcount_total AS "headcountTotal", headcount_women AS "headcountWomen", headcount_men AS "headcountMen",
  headcount_youth AS "headcountYouth", headcount_adults AS "headcountAdults", note, compartment, recorded_by AS "recordedBy",
  created_at AS "createdAt", updated_at AS "updatedAt"`;

export interface NewSession {
  planId: string;
  activityId: string;
  startsAt: Date;
  endsAt: Date | null;
  headcount: Headcount;
  note: string | null;
  compartment: Compartment;
  recordedBy: string;
}

export interface Visit {
  planId: string;
  activityId: string;
  startsAt: Date;
  endsAt: Date;
  gender: 'female' | 'male' | null;
  ageGroup: 'youth' | 'adult' | null;
  recordedBy: string;
}

/** The activity_sessions and activity_session_participants tables. */
@Injectable()
export class SessionsRepository {
  /** The plan's sessions of these activities that start at one of these instants (the day's slots). */
  startingAt(manager: EntityManager, actor: PlanActor, activityIds: string[], starts: string[]): Promise<ActivitySession[]> {
    if (activityIds.length === 0 || starts.length === 0) return Promise.resolve([]);
    return inPlan(manager, ActivitySession, 's', actor)
      .andWhere('s.activity_id IN (:...activityIds)', { activityIds })
      .andWhere('s.starts_at IN (:...starts)', { starts })
      .getMany();
  }

  /** The new session, or undefined when the activity has one starting at that instant already. */
  async insert(manager: EntityManager, s: NewSession): Promise<ActivitySession | undefined> {
    const rows: ActivitySession[] = await manager.query(
      `INSERT INTO activity_sessions (plan_id, activity_id, starts_at, ends_at, headcount_total, headcount_women, headcount_men, headcount_youth, headcount_adults, note, recorded_by, compartment)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
       ON CONFLICT (activity_id, starts_at) DO NOTHING
       RETURNING ${SESSION_COLUMNS}`,
      [s.planId, s.activityId, s.startsAt, s.endsAt, s.headcount.total, s.headcount.women ?? null, s.headcount.men ?? null, s.headcount.youth ?? null, s.headcount.adults ?? null, s.note, s.recordedBy, s.compartment],
    );
    return rows[0];
  }

  async idAt(manager: EntityManager, activityId: string, startsAt: Date): Promise<string | undefined> {
    const rows: { id: string }[] = await manager.query(`SELECT id FROM activity_sessions WHERE activity_id = $1 AND starts_at = $2`, [activityId, startsAt]);
    return rows[0]?.id;
  }

  /**
   * One visitor at the door, in one statement: the slot's session is created with a head count of
   * one, or, when it exists (another counsellor's visitor the same second included), its head count
   * and breakdown go up by one. The unique (activity_id, starts_at) makes concurrent visits meet in
   * one row, and the row lock of ON CONFLICT DO UPDATE makes each add its one.
   */
  async recordVisit(manager: EntityManager, v: Visit): Promise<ActivitySession> {
    const rows: ActivitySession[] = await manager.query(
      `INSERT INTO activity_sessions AS s (plan_id, activity_id, starts_at, ends_at, headcount_total, headcount_women, headcount_men, headcount_youth, headcount_adults, recorded_by)
       VALUES ($1, $2, $3, $4, 1,
               CASE WHEN $5::text = 'female' THEN 1 END, CASE WHEN $5::text = 'male' THEN 1 END,
               CASE WHEN $6::text = 'youth' THEN 1 END, CASE WHEN $6::text = 'adult' THEN 1 END, $7)
       ON CONFLICT (activity_id, starts_at) DO UPDATE SET
         headcount_total = s.headcount_total + 1,
         headcount_women = CASE WHEN $5::text = 'female' THEN COALESCE(s.headcount_women, 0) + 1 ELSE s.headcount_women END,
         headcount_men = CASE WHEN $5::text = 'male' THEN COALESCE(s.headcount_men, 0) + 1 ELSE s.headcount_men END,
         headcount_youth = CASE WHEN $6::text = 'youth' THEN COALESCE(s.headcount_youth, 0) + 1 ELSE s.headcount_youth END,
         headcount_adults = CASE WHEN $6::text = 'adult' THEN COALESCE(s.headcount_adults, 0) + 1 ELSE s.headcount_adults END,
         updated_at = now()
       RETURNING ${SESSION_COLUMNS}`,
      [v.planId, v.activityId, v.startsAt, v.endsAt, v.gender, v.ageGroup, v.recordedBy],
    );
    return rows[0];
  }

  /** Names residents as participants of a session; a resident already named there stays named once. */
  async addParticipants(manager: EntityManager, planId: string, sessionId: string, residentIds: readonly string[]): Promise<void> {
    if (residentIds.length === 0) return;
    await manager.query(
      `INSERT INTO activity_session_participants (session_id, resident_id, plan_id)
       SELECT $1, unnest($2::uuid[]), $3
       ON CONFLICT (session_id, resident_id) DO NOTHING`,
      [sessionId, [...residentIds], planId],
    );
  }

  /** Names employers of the plan's register as guests of a session; one already named stays named once. */
  async addEmployers(manager: EntityManager, planId: string, sessionId: string, employerIds: readonly string[]): Promise<void> {
    if (employerIds.length === 0) return;
    await manager.query(
      `INSERT INTO activity_session_employers (session_id, employer_id, plan_id)
       SELECT $1, unnest($2::uuid[]), $3
       ON CONFLICT (session_id, employer_id) DO NOTHING`,
      [sessionId, [...employerIds], planId],
    );
  }

  /** The employers who came to these sessions of the plan; one query for a page. */
  employersOf(manager: EntityManager, planId: string, sessionIds: readonly string[]): Promise<{ sessionId: string; employerId: string }[]> {
    if (sessionIds.length === 0) return Promise.resolve([]);
    return manager.query(
      `SELECT session_id AS "sessionId", employer_id AS "employerId" FROM activity_session_employers
        WHERE session_id = ANY($1::uuid[]) AND plan_id = $2 ORDER BY created_at, employer_id`,
      [[...sessionIds], planId],
    );
  }

  /** A page of the activity's sessions, latest first. */
  page(manager: EntityManager, actor: PlanActor, activityId: string, query: PageQuery): Promise<Page<ActivitySession>> {
    const qb = inPlan(manager, ActivitySession, 's', actor).andWhere('s.activity_id = :activityId', { activityId });
    return paginate(qb, query, 's.starts_at', 's.id', (s) => s, (s) => ({ at: s.startsAt, id: s.id }));
  }

  /** The activity's session of the caller's plan, or null. */
  findOfActivity(manager: EntityManager, actor: PlanActor, activityId: string, sessionId: string): Promise<ActivitySession | null> {
    return inPlan(manager, ActivitySession, 's', actor).andWhere('s.activity_id = :activityId AND s.id = :sessionId', { activityId, sessionId }).getOne();
  }

  /** The named participants of these sessions of the plan; one query for a page. */
  participantsOf(manager: EntityManager, planId: string, sessionIds: readonly string[]): Promise<{ sessionId: string; residentId: string }[]> {
    if (sessionIds.length === 0) return Promise.resolve([]);
    return manager.query(
      `SELECT session_id AS "sessionId", resident_id AS "residentId" FROM activity_session_participants
        WHERE session_id = ANY($1::uuid[]) AND plan_id = $2 ORDER BY created_at, resident_id`,
      [[...sessionIds], planId],
    );
  }
}
