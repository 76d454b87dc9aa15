import type { IndicatorPeriodValue } from '../indicators/indicator-value.entity';
import { halfYearTarget } from '../indicators/indicator-targets';
import type { IndicatorMetric, PlanIndicator } from '../indicators/plan-indicator.entity';
import type { HalfYearResult, IndicatorValue } from './half-year-result';

/**
 * An indicator as the half-year report stores it: baseline, the value for the half-year and the
 * target for the half-year. Stored in the snapshot, so a value corrected later does not change a
 * report already run.
 */
export function indicatorSnapshot(i: PlanIndicator, recorded: IndicatorPeriodValue | null, report: Omit<HalfYearResult, 'indicators'>): IndicatorValue {
  const computed = i.metric !== null;
  const target = halfYearTarget(i.target, i.targetKind);
  return {
    id: i.id,
    goal: i.goal,
    indicator: i.indicator,
    unit: i.unit,
    baseline: i.baseline,
    baselineYear: i.baselineYear,
    baselineSource: i.baselineSource,
    target: i.target,
    targetYear: i.targetYear,
    targetKind: i.targetKind,
    periodTarget: target.value,
    targetBasis: target.basis,
    dataSource: i.dataSource,
    metric: i.metric,
    value: computed ? metricValue(i.metric as IndicatorMetric, report) : (recorded?.value ?? null),
    recordedValue: !computed && recorded ? { source: recorded.source, note: recorded.note, revision: recorded.revision, recordedAt: recorded.recordedAt.toISOString() } : null,
  };
}

function metricValue(metric: IndicatorMetric, r: Omit<HalfYearResult, 'indicators'>): number | null {
  switch (metric) {
    case 'job_programmes_started':
      return r.jobProgrammes.started;
    case 'ordinary_job_share':
      return r.jobProgrammes.ordinaryJobShare;
    case 'counselling_cases_started':
      return r.counselling.casesStarted;
    case 'counselling_unique_residents':
      return r.counselling.uniqueResidents;
    case 'active_volunteers':
      // 003_*: "antal frivillige i støttegruppen", as volunteers who recorded help in the half-year.
      return r.volunteers?.activeVolunteers ?? null;
    // 004_*: "Antal beboere omfattet af det fremskudte jobcenter" and "Aktiveringsgrad blandt de ledige".
    case 'jobcentre_covered':
      return r.jobcentre?.covered ?? null;
    case 'jobcentre_activation_rate':
      return r.jobcentre?.activationRate ?? null;
    // 003_*: "Antallet af beboere i alderen 30 - 64 år der er i småjobs": småjobs started in the half-year by residents 30-64 on the first day.
    case 'small_jobs_started_30_64':
      return r.smallJobs ? (r.smallJobs.byAgeGroup['30-64'] ?? 0) : null;
  }
}
