import type { EntityManager } from 'typeorm';
import type { PlanVocabularyRow } from './plan-vocabulary-row';

/** One table of a plan's own words (counselling_topics, activity_kinds), read and written in the caller's transaction. */
export class PlanVocabularyRepository {
  constructor(private readonly entity: new () => PlanVocabularyRow) {}

  ofPlan(manager: EntityManager, planId: string): Promise<PlanVocabularyRow[]> {
    return manager.getRepository(this.entity).find({ where: { planId }, order: { key: 'ASC' } });
  }

  has(manager: EntityManager, planId: string, key: string): Promise<boolean> {
    return manager.getRepository(this.entity).existsBy({ planId, key });
  }

  /** The new row's id, or undefined when the key exists (the table's unique (plan_id, key)). */
  async insert(manager: EntityManager, planId: string, key: string, label: string): Promise<string | undefined> {
    const result = await manager.createQueryBuilder().insert().into(this.entity).values({ planId, key, label }).orIgnore().returning(['id']).execute();
    return (result.raw as { id: string }[])[0]?.id;
  }
}
