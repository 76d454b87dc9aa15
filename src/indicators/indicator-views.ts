import type { IndicatorPeriodValueResponse } from './dto/indicator-value-response.dto';
import type { IndicatorResponse } from './dto/indicator-response.dto';
import type { IndicatorPeriodValue } from './indicator-value.entity';
import type { PlanIndicator } from './plan-indicator.entity';

export const indicatorView = (i: PlanIndicator): IndicatorResponse => ({
  id: i.id,
  goal: i.goal,
  indicator: i.indicator,
  unit: i.unit,
  description: i.description,
  baseline: i.baseline,
  baselineYear: i.baselineYear,
  baselineSource: i.baselineSource,
  dataSource: i.dataSource,
  target: i.target,
  targetYear: i.targetYear,
  targetKind: i.targetKind,
  metric: i.metric,
  version: i.version,
});

export const indicatorValueView = (v: IndicatorPeriodValue & { current?: boolean }): IndicatorPeriodValueResponse => ({
  id: v.id,
  indicatorId: v.indicatorId,
  period: v.period,
  value: v.value,
  source: v.source,
  note: v.note,
  revision: v.revision,
  current: v.current ?? true,
  recordedBy: v.recordedBy,
  recordedAt: v.recordedAt.toISOString(),
});
