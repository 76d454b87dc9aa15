import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { PlanActor } from '../access/actor';
import { AuditWriter } from '../audit/audit-writer';
import { RuleViolation } from '../common/domain-errors';
import type { Page } from '../common/pagination';
import { todayInPlanZone } from '../common/time';
import { UnitOfWork } from '../database/unit-of-work';
import type { IndicatorValueQuery, RecordIndicatorValueDto } from './dto/indicator-value.dto';
import type { IndicatorPeriodValueResponse } from './dto/indicator-value-response.dto';
import { periodStart } from './indicator-period';
import type { IndicatorPeriodValue } from './indicator-value.entity';
import { IndicatorValuesRepository } from './indicator-values.repository';
import { indicatorValueView } from './indicator-views';
import type { IndicatorsProblem } from './indicators-problems';
import { IndicatorsRepository } from './indicators.repository';

const PURPOSE = 'indicator_follow_up';

const reported = (v: IndicatorPeriodValue | null) => (v ? { value: v.value, source: v.source, note: v.note, revision: v.revision } : {});

/**
 * Values of the plan's indicators per year or half-year. A leader correcting a value is normal:
 * the correction is the next revision, the earlier ones stay as history, and each is audited
 * with what it replaced.
 */
@Injectable()
export class IndicatorValuesService {
  constructor(
    private readonly uow: UnitOfWork,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly indicators: IndicatorsRepository,
    private readonly values: IndicatorValuesRepository,
    private readonly audit: AuditWriter,
  ) {}

  async record(actor: PlanActor, indicatorId: string, dto: RecordIndicatorValueDto): Promise<IndicatorPeriodValueResponse> {
    return this.uow.run(async (manager) => {
      // The lock makes two corrections of one indicator take turns, so each gets its own revision.
      const indicator = await this.indicators.find(manager, actor.planId, indicatorId, true);
      const problems = [];
      if (indicator.metric) {
        problems.push({ field: 'period', rule: 'indicator_value_computed', message: `The system computes this indicator from the half-year report (${indicator.metric}); it is not entered by hand` });
      }
      if (periodStart(dto.period) > todayInPlanZone()) {
        problems.push({ field: 'period', rule: 'indicator_period_not_started', message: `${dto.period} has not begun yet` });
      }
      if (problems.length) throw new RuleViolation(problems, problems[0].rule as IndicatorsProblem);
      const previous = await this.values.latest(manager, actor.planId, indicatorId, dto.period);
      const saved = await this.values.insert(manager, {
        planId: actor.planId,
        indicatorId,
        period: dto.period,
        revision: (previous?.revision ?? 0) + 1,
        value: dto.value,
        source: dto.source ?? null,
        note: dto.note ?? null,
        recordedBy: actor.userId,
      });
      await this.audit.record(
        actor,
        {
          action: previous ? 'indicator_value.corrected' : 'indicator_value.recorded',
          purpose: PURPOSE,
          entityType: 'indicator_value',
          entityId: saved.id,
          changes: { before: reported(previous), after: reported(saved) },
        },
        manager,
      );
      return indicatorValueView(saved);
    });
  }

  async list(actor: PlanActor, indicatorId: string, query: IndicatorValueQuery): Promise<Page<IndicatorPeriodValueResponse>> {
    const manager = this.dataSource.manager;
    await this.indicators.find(manager, actor.planId, indicatorId);
    return this.values.page(manager, actor.planId, indicatorId, { period: query.period, history: query.history }, query, indicatorValueView);
  }

  /** Each indicator's current value for a period ("2026-H1"), for the half-year report. */
  currentForPeriod(planId: string, period: string): Promise<Map<string, IndicatorPeriodValue>> {
    return this.values.currentForPeriod(this.dataSource.manager, planId, period);
  }
}
