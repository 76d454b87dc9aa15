import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { inPlan } from '../database/plan-scope';
import { Activity } from './entities/activity.entity';

export interface VolunteerGroup {
  id: string;
  name: string;
}

/**
 * The plan's volunteer groups (activities of kind `volunteer_group`) for the volunteers module:
 * what a volunteer's help may be recorded under. Only id and name: a volunteer sees nothing else
 * of the plan's activities.
 */
@Injectable()
export class VolunteerGroups {
  /** The groups running on `date` (a Danish calendar day), by name. */
  runningOn(manager: EntityManager, planId: string, date: string): Promise<VolunteerGroup[]> {
    return this.running(manager, planId, date).select(['a.id', 'a.name']).orderBy('a.name', 'ASC').getMany();
  }

  async isRunningOn(manager: EntityManager, planId: string, id: string, date: string): Promise<boolean> {
    return (await this.running(manager, planId, date).andWhere('a.id = :id', { id }).getCount()) === 1;
  }

  /** The names of the plan's activities among `ids`; one query. */
  async namesOf(manager: EntityManager, planId: string, ids: string[]): Promise<Map<string, string>> {
    const rows = await inPlan(manager, Activity, 'a', { planId }).andWhere('a.id IN (:...ids)', { ids }).select(['a.id', 'a.name']).getMany();
    return new Map(rows.map((a) => [a.id, a.name]));
  }

  private running(manager: EntityManager, planId: string, date: string) {
    return inPlan(manager, Activity, 'a', { planId })
      .andWhere(`a.kind = 'volunteer_group'`)
      .andWhere('(a.starts_on IS NULL OR a.starts_on <= :date) AND (a.ends_on IS NULL OR a.ends_on >= :date)', { date });
  }
}
