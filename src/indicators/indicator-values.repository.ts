import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { paginate, type Page, type PageQuery } from '../common/pagination';
import { inPlan } from '../database/plan-scope';
import { IndicatorPeriodValue } from './indicator-value.entity';

export type CurrentValue = IndicatorPeriodValue & { current: boolean };

/** Revisions of indicator values: inserted and read, never changed (the app role may not). */
@Injectable()
export class IndicatorValuesRepository {
  /** The current (highest) revision of a period, or null; call with the indicator locked. */
  latest(manager: EntityManager, planId: string, indicatorId: string, period: string): Promise<IndicatorPeriodValue | null> {
    return inPlan(manager, IndicatorPeriodValue, 'v', { planId })
      .andWhere('v.indicator_id = :indicatorId AND v.period = :period', { indicatorId, period })
      .orderBy('v.revision', 'DESC')
      .getOne();
  }

  async insert(manager: EntityManager, values: Pick<IndicatorPeriodValue, 'planId' | 'indicatorId' | 'period' | 'revision' | 'value' | 'source' | 'note' | 'recordedBy'>): Promise<IndicatorPeriodValue> {
    const repo = manager.getRepository(IndicatorPeriodValue);
    const { identifiers } = await repo.insert(repo.create(values));
    return repo.findOneByOrFail({ id: identifiers[0].id as string });
  }

  /** Newest first; only each period's current value unless `history`. */
  async page<R>(manager: EntityManager, planId: string, indicatorId: string, filter: { period?: string; history?: boolean }, query: PageQuery, toView: (v: CurrentValue) => R): Promise<Page<R>> {
    const qb = inPlan(manager, IndicatorPeriodValue, 'v', { planId }).andWhere('v.indicator_id = :indicatorId', { indicatorId });
    if (filter.period) qb.andWhere('v.period = :period', { period: filter.period });
    if (!filter.history) {
      qb.andWhere(`NOT EXISTS (SELECT 1 FROM indicator_values later WHERE later.indicator_id = v.indicator_id AND later.period = v.period AND later.revision > v.revision)`);
    }
    // An indicator has a value for a handful of periods: their latest revisions fit in one small query.
    const latest: { period: string; revision: number }[] = await manager.query(
      `SELECT period, max(revision)::int AS revision FROM indicator_values WHERE plan_id = $1 AND indicator_id = $2 GROUP BY period`,
      [planId, indicatorId],
    );
    const currentRevision = new Map(latest.map((l) => [l.period, l.revision]));
    return paginate(qb, query, 'v.recorded_at', 'v.id', (v) => toView({ ...v, current: currentRevision.get(v.period) === v.revision }), (v) => ({ at: v.recordedAt, id: v.id }));
  }

  /** Each indicator's current value for one period, for the half-year report. */
  async currentForPeriod(manager: EntityManager, planId: string, period: string): Promise<Map<string, IndicatorPeriodValue>> {
    const rows = await inPlan(manager, IndicatorPeriodValue, 'v', { planId })
      .andWhere('v.period = :period', { period })
      .distinctOn(['v.indicator_id'])
      .orderBy('v.indicator_id')
      .addOrderBy('v.revision', 'DESC')
      .getMany();
    return new Map(rows.map((v) => [v.indicatorId, v]));
  }
}
