import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { UnitOfWork } from '../database/unit-of-work';
import type { AddIndicatorDto } from './dto/indicator.dto';
import type { IndicatorList, IndicatorResponse } from './dto/indicator-response.dto';
import { IndicatorsRepository } from './indicators.repository';
import type { PlanIndicator } from './plan-indicator.entity';

export const indicatorView = (i: PlanIndicator): IndicatorResponse => ({
  id: i.id,
  goal: i.goal,
  indicator: i.indicator,
  unit: i.unit,
  baseline: i.baseline,
  baselineYear: i.baselineYear,
  dataSource: i.dataSource,
  target: i.target,
  metric: i.metric,
});

/** The plan's goals and indicators (delmål og indikatorer) that reports show against their baselines. */
@Injectable()
export class IndicatorsService {
  constructor(
    private readonly uow: UnitOfWork,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly indicators: IndicatorsRepository,
  ) {}

  async add(planId: string, dto: AddIndicatorDto): Promise<IndicatorResponse> {
    return this.uow.run(async (manager) => {
      const saved = await this.indicators.insert(manager, {
        planId,
        ...dto,
        baseline: dto.baseline ?? null,
        baselineYear: dto.baselineYear ?? null,
        target: dto.target ?? null,
        metric: dto.metric ?? null,
      });
      return indicatorView(saved);
    });
  }

  async list(planId: string): Promise<IndicatorList> {
    return { items: (await this.forPlan(planId)).map(indicatorView), nextCursor: null };
  }

  /** For the half-year report: the plan's indicators, in the order they were added. */
  forPlan(planId: string): Promise<PlanIndicator[]> {
    return this.indicators.ofPlan(this.dataSource.manager, { planId });
  }
}
