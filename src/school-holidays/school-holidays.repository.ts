import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { PlanActor } from '../access/actor';
import { paginate, type Page, type PageQuery } from '../common/pagination';
import { inPlan } from '../database/plan-scope';
import { SchoolHoliday } from './school-holiday.entity';
import type { HolidayPeriod } from './school-weeks';

type PlanScope = Pick<PlanActor, 'planId'>;

/** The plan's school holidays; no personal data, so the plan is the whole scope. */
@Injectable()
export class SchoolHolidaysRepository {
  insert(manager: EntityManager, values: Omit<SchoolHoliday, 'id' | 'createdAt'>): Promise<SchoolHoliday> {
    const repo = manager.getRepository(SchoolHoliday);
    return repo.save(repo.create(values));
  }

  /** Latest first. */
  page<R>(manager: EntityManager, actor: PlanScope, query: PageQuery, toView: (h: SchoolHoliday) => R): Promise<Page<R>> {
    const qb = inPlan(manager, SchoolHoliday, 'h', actor);
    return paginate(qb, query, 'h.starts_on', 'h.id', toView, (h) => ({ at: new Date(`${h.startsOn}T00:00:00Z`), id: h.id }));
  }

  /** Whether a holiday of the plan was removed. */
  async remove(manager: EntityManager, actor: PlanScope, id: string): Promise<boolean> {
    const result = await manager.getRepository(SchoolHoliday).delete({ id, planId: actor.planId });
    return Boolean(result.affected);
  }

  /** The plan's holidays that touch the days from `from` to `to`. */
  between(manager: EntityManager, actor: PlanScope, from: string, to: string): Promise<HolidayPeriod[]> {
    return inPlan(manager, SchoolHoliday, 'h', actor)
      .select(`to_char(h.starts_on, 'YYYY-MM-DD')`, 'startsOn')
      .addSelect(`to_char(h.ends_on, 'YYYY-MM-DD')`, 'endsOn')
      .andWhere('h.starts_on <= :to::date AND h.ends_on >= :from::date', { from, to })
      .getRawMany<HolidayPeriod>();
  }
}
