import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { PlanActor } from '../access/actor';
import { paginate, type Page } from '../common/pagination';
import { PLAN_TIME_ZONE } from '../common/time';
import { findInPlan, inPlan } from '../database/plan-scope';
import type { ActivityQuery } from './dto/activity.dto';
import type { TodayQuery } from './dto/today.dto';
import { Activity } from './entities/activity.entity';

export const ACTIVITY_NOT_FOUND = 'Activity';

/** The activities table, always within the caller's plan. Activities are not personal data. */
@Injectable()
export class ActivitiesRepository {
  find(manager: EntityManager, actor: PlanActor, id: string, lock = false): Promise<Activity> {
    return findInPlan(manager, Activity, 'a', actor, id, { lock, notFound: ACTIVITY_NOT_FOUND });
  }

  page(manager: EntityManager, actor: PlanActor, query: ActivityQuery): Promise<Page<Activity>> {
    const qb = inPlan(manager, Activity, 'a', actor);
    if (query.kind) qb.andWhere('a.kind = :kind', { kind: query.kind });
    if (query.housingAreaId) qb.andWhere('a.housing_area_id = :housingAreaId', { housingAreaId: query.housingAreaId });
    if (query.activeOn) qb.andWhere('(a.starts_on IS NULL OR a.starts_on <= :activeOn) AND (a.ends_on IS NULL OR a.ends_on >= :activeOn)', { activeOn: query.activeOn });
    return paginate(qb, query, 'a.created_at', 'a.id', (a) => a, (a) => ({ at: a.createdAt, id: a.id }));
  }

  /** The plan's activities running on a Danish date that have weekly slots, by name. */
  withWeeklySlotsOn(manager: EntityManager, actor: PlanActor, date: string, query: TodayQuery): Promise<Activity[]> {
    const qb = inPlan(manager, Activity, 'a', actor)
      .andWhere('(a.starts_on IS NULL OR a.starts_on <= :date) AND (a.ends_on IS NULL OR a.ends_on >= :date)', { date })
      .andWhere(`jsonb_array_length(a.weekly_slots) > 0`)
      .orderBy('a.name')
      .addOrderBy('a.id');
    if (query.kind) qb.andWhere('a.kind = :kind', { kind: query.kind });
    if (query.housingAreaId) qb.andWhere('(a.housing_area_id = :housingAreaId OR a.housing_area_id IS NULL)', { housingAreaId: query.housingAreaId });
    return qb.getMany();
  }

  create(manager: EntityManager, fields: Omit<Activity, 'id' | 'version' | 'createdAt' | 'updatedAt'>): Promise<Activity> {
    const repo = manager.getRepository(Activity);
    return repo.save(repo.create(fields));
  }

  save(manager: EntityManager, activity: Activity): Promise<Activity> {
    return manager.getRepository(Activity).save(activity);
  }

  /**
   * The first and last Danish day the activity has a session or an enrolment on, so new dates
   * cannot leave recorded work outside them.
   */
  async recordedDays(manager: EntityManager, activityId: string): Promise<{ first: string | null; last: string | null }> {
    const [row]: { first: string | null; last: string | null }[] = await manager.query(
      `SELECT min(d)::text AS first, max(d)::text AS last FROM (
         SELECT (s.starts_at AT TIME ZONE '${PLAN_TIME_ZONE}')::date AS d FROM activity_sessions s WHERE s.activity_id = $1
         UNION ALL SELECT e.started_on FROM activity_enrolments e WHERE e.activity_id = $1
         UNION ALL SELECT e.ended_on FROM activity_enrolments e WHERE e.activity_id = $1 AND e.ended_on IS NOT NULL) recorded`,
      [activityId],
    );
    return row ?? { first: null, last: null };
  }
}
