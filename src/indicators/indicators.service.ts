import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../access/actor';
import { auditChanges } from '../audit/audit-changes';
import { AuditWriter, type AuditActor } from '../audit/audit-writer';
import { refuseStaleVersion, RuleViolation } from '../common/domain-errors';
import { UnitOfWork } from '../database/unit-of-work';
import type { AddIndicatorDto, UpdateIndicatorDto } from './dto/indicator.dto';
import type { IndicatorList, IndicatorResponse } from './dto/indicator-response.dto';
import { indicatorView } from './indicator-views';
import type { IndicatorsProblem } from './indicators-problems';
import { IndicatorsRepository } from './indicators.repository';
import { defaultTargetKind, type PlanIndicator } from './plan-indicator.entity';

const PURPOSE = 'indicator_follow_up';

/** What an edit may change; the metric stays, so reports computed from it keep their meaning. */
const EDITABLE = ['goal', 'indicator', 'unit', 'description', 'baseline', 'baselineYear', 'baselineSource', 'dataSource', 'target', 'targetYear', 'targetKind'] as const;

function refuseYearsOutOfOrder(i: Pick<PlanIndicator, 'baselineYear' | 'targetYear'>): void {
  if (i.baselineYear !== null && i.targetYear !== null && i.targetYear < i.baselineYear) {
    throw new RuleViolation(
      [{ field: 'targetYear', rule: 'indicator_years', message: `The target year (${i.targetYear}) is before the baseline year (${i.baselineYear})` }],
      'indicator_years' satisfies IndicatorsProblem,
    );
  }
}

/** The plan's goals and indicators (delmål og indikatorer) that reports show against their baselines. */
@Injectable()
export class IndicatorsService {
  constructor(
    private readonly uow: UnitOfWork,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly indicators: IndicatorsRepository,
    private readonly audit: AuditWriter,
  ) {}

  /** Adds an indicator; audited when a caller adds it (the demo seed adds its own unaudited). */
  async add(planId: string, dto: AddIndicatorDto, actor?: AuditActor): Promise<IndicatorResponse> {
    const values = {
      planId,
      ...dto,
      description: dto.description ?? null,
      baseline: dto.baseline ?? null,
      baselineYear: dto.baselineYear ?? null,
      baselineSource: dto.baselineSource ?? null,
      target: dto.target ?? null,
      targetYear: dto.targetYear ?? null,
      targetKind: dto.targetKind ?? defaultTargetKind(dto.unit),
      metric: dto.metric ?? null,
    };
    refuseYearsOutOfOrder(values);
    return this.uow.run(async (manager) => {
      const saved = await this.indicators.insert(manager, values);
      if (actor) await this.audit.record(actor, { action: 'indicator.added', purpose: PURPOSE, entityType: 'indicator', entityId: saved.id }, manager);
      return indicatorView(saved);
    });
  }

  async list(planId: string): Promise<IndicatorList> {
    return { items: (await this.forPlan(planId)).map(indicatorView), nextCursor: null };
  }

  /**
   * The plan's leader (or the admin, for any plan) edits an indicator, e.g. fills in the baseline
   * the plan promised during its first year. Audited with what changed.
   */
  async update(actor: Actor, id: string, dto: UpdateIndicatorDto): Promise<IndicatorResponse> {
    return this.uow.run(async (manager) => {
      const current = await this.indicators.find(manager, actor.role === 'admin' ? null : actor.planId, id, true);
      refuseStaleVersion('The indicator', dto.version, current.version);
      const before = { ...current };
      const changed: PlanIndicator = { ...current };
      for (const field of EDITABLE) {
        if (dto[field] !== undefined) (changed as unknown as Record<string, unknown>)[field] = dto[field];
      }
      refuseYearsOutOfOrder(changed);
      changed.version += 1;
      const saved = await this.indicators.save(manager, changed);
      await this.audit.record(
        { ...actor, planId: current.planId },
        { action: 'indicator.updated', purpose: PURPOSE, entityType: 'indicator', entityId: id, changes: auditChanges(before, saved, EDITABLE) },
        manager,
      );
      return indicatorView(saved);
    });
  }

  /** For the half-year report: the plan's indicators, in the order they were added. */
  forPlan(planId: string): Promise<PlanIndicator[]> {
    return this.indicators.ofPlan(this.dataSource.manager, { planId });
  }
}
