import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { PlanActor } from '../access/actor';
import { NotFound } from '../common/domain-errors';
import { inPlan } from '../database/plan-scope';
import { PlanIndicator } from './plan-indicator.entity';

/** The plan's goals and indicators; no personal data, so the plan is the whole scope. */
@Injectable()
export class IndicatorsRepository {
  insert(manager: EntityManager, values: Omit<PlanIndicator, 'id' | 'createdAt' | 'version'>): Promise<PlanIndicator> {
    const repo = manager.getRepository(PlanIndicator);
    return repo.save(repo.create(values));
  }

  /** In the order they were added, as the sub-agreement lists them. */
  ofPlan(manager: EntityManager, actor: Pick<PlanActor, 'planId'>): Promise<PlanIndicator[]> {
    return inPlan(manager, PlanIndicator, 'i', actor).orderBy('i.created_at', 'ASC').addOrderBy('i.id', 'ASC').getMany();
  }

  /**
   * One indicator, locked for the caller's transaction when asked; `planId` null reaches any
   * plan's (the platform admin's edits). Anything else is 404.
   */
  async find(manager: EntityManager, planId: string | null, id: string, lock = false): Promise<PlanIndicator> {
    const query = manager.getRepository(PlanIndicator).createQueryBuilder('i').where('i.id = :id', { id });
    if (planId !== null) query.andWhere('i.plan_id = :planId', { planId });
    if (lock) query.setLock('pessimistic_write');
    const found = await query.getOne();
    if (!found) throw new NotFound('Indicator');
    return found;
  }

  save(manager: EntityManager, indicator: PlanIndicator): Promise<PlanIndicator> {
    return manager.getRepository(PlanIndicator).save(indicator);
  }
}
