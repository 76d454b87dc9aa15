import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { PlanActor } from '../access/actor';
import { inPlan } from '../database/plan-scope';
import { PlanIndicator } from './plan-indicator.entity';

/** The plan's goals and indicators; no personal data, so the plan is the whole scope. */
@Injectable()
export class IndicatorsRepository {
  insert(manager: EntityManager, values: Omit<PlanIndicator, 'id' | 'createdAt'>): Promise<PlanIndicator> {
    const repo = manager.getRepository(PlanIndicator);
    return repo.save(repo.create(values));
  }

  /** In the order they were added, as the sub-agreement lists them. */
  ofPlan(manager: EntityManager, actor: Pick<PlanActor, 'planId'>): Promise<PlanIndicator[]> {
    return inPlan(manager, PlanIndicator, 'i', actor).orderBy('i.created_at', 'ASC').addOrderBy('i.id', 'ASC').getMany();
  }
}
