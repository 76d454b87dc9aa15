import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { UnitOfWork } from '../database/unit-of-work';
import type { AddIndicatorDto } from './dto/indicator.dto';
import { PlanIndicator } from './plan-indicator.entity';

export const indicatorView = (i: PlanIndicator) => ({
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
    @InjectRepository(PlanIndicator) private readonly indicators: Repository<PlanIndicator>,
  ) {}

  async add(planId: string, dto: AddIndicatorDto) {
    return this.uow.run(async (manager) => {
      const indicators = manager.getRepository(PlanIndicator);
      const saved = await indicators.save(
        indicators.create({ planId, ...dto, baseline: dto.baseline ?? null, baselineYear: dto.baselineYear ?? null, target: dto.target ?? null, metric: dto.metric ?? null }),
      );
      return indicatorView(saved);
    });
  }

  async list(planId: string) {
    return { items: (await this.forPlan(planId)).map(indicatorView), nextCursor: null };
  }

  forPlan(planId: string): Promise<PlanIndicator[]> {
    return this.indicators.find({ where: { planId }, order: { createdAt: 'ASC' } });
  }
}
