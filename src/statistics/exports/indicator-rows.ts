import type { IndicatorValue } from '../half-year-result';
import { TARGET_BASIS_LABELS, targetBasisText } from '../../indicators/indicator-labels';
import type { IndicatorMetric } from '../../indicators/plan-indicator.entity';
import { hiddenLabel, isSmallCount, SECONDARY_LABEL } from '../suppression';
import { isCountUnit, isShareUnit, NO_VALUE, percentText, readableNumber } from './format';

export interface IndicatorRow {
  goal: string;
  indicator: string;
  unit: string;
  isShare: boolean;
  baseline: number | null;
  baselineYear: number | null;
  /** The target for the report's half-year (half of a yearly target, or the level); older snapshots: the yearly target. */
  target: number | null;
  /** How the target was derived, in Danish: "Mål (halvdelen af årsmålet): årsmål 18". */
  targetBasis: string;
  /** The target's short label for a chart: "Mål (halvdelen af årsmålet)". */
  targetLabel: string;
  /** The value when it may be shown; null when unknown or hidden (see `valueDisplay`). */
  value: number | null;
  valueSuppressed: boolean;
  valueDisplay: string;
  /** Where the value comes from: a recorded value's own source, else the indicator's data source. */
  dataSource: string;
}

/** A figure of the report as the exports print it, for the indicators computed from it. */
export interface PrintedFigure {
  /** The figure as computed (the snapshot's number). */
  value: number | null;
  hidden: boolean;
  /** What is printed for it, e.g. "<5" or "skjult" when hidden. */
  display: string;
}

export type PrintedFigures = Record<IndicatorMetric, PrintedFigure>;

const SHARE_METRICS: IndicatorMetric[] = ['ordinary_job_share', 'jobcentre_activation_rate'];
const COUNT_METRICS: IndicatorMetric[] = ['job_programmes_started', 'counselling_cases_started', 'counselling_unique_residents', 'jobcentre_covered', 'active_volunteers', 'small_jobs_started_30_64'];

/** Stands in for the source of a computed value that cannot be identified: hidden, to be safe. */
const UNKNOWN_SOURCE: PrintedFigure = { value: null, hidden: true, display: SECONDARY_LABEL };

/**
 * The figure a computed value repeats, when that figure is hidden. An indicator with a metric is
 * that figure printed again, so it is hidden exactly when and as the figure is.
 *
 * Snapshots from before the metric was recorded only say the value: every value the system
 * computed came from one of these figures, so it is hidden when any figure of its kind with the
 * same number is hidden, and when it matches none (its source is then unknown).
 */
function hiddenSource(i: IndicatorValue, figures: PrintedFigures, isShare: boolean, threshold: number): PrintedFigure | undefined {
  // With a threshold of 1 the report hides nothing, so nothing needs hiding for its sake.
  if (i.value === null || i.metric === null || threshold <= 1) return undefined;
  const known = i.metric !== undefined ? figures[i.metric] : undefined;
  if (known) return known.hidden ? known : undefined;
  const candidates = (isShare ? SHARE_METRICS : COUNT_METRICS).map((metric) => figures[metric]).filter((f) => f.value === i.value);
  if (candidates.length === 0) return UNKNOWN_SOURCE;
  return candidates.find((f) => f.hidden);
}

/** The plan's indicators, with a value computed from the report shown only as that figure is shown. */
export function indicatorRows(indicators: IndicatorValue[], figures: PrintedFigures, threshold: number): IndicatorRow[] {
  return indicators.map((i) => {
    const isShare = isShareUnit(i.unit);
    const source = hiddenSource(i, figures, isShare, threshold);
    // A value from outside that counts people (a register, a survey) is suppressed on its own.
    const small = i.value !== null && isCountUnit(i.unit) && Number.isInteger(i.value) && isSmallCount(i.value, threshold);
    const hide = source !== undefined || small;
    const shownValue = hide ? null : i.value;
    let valueDisplay = NO_VALUE;
    if (source) valueDisplay = source.display;
    else if (small) valueDisplay = hiddenLabel(threshold);
    else if (shownValue !== null) valueDisplay = isShare ? percentText(shownValue) : readableNumber(shownValue);
    return {
      goal: i.goal,
      indicator: i.indicator,
      unit: i.unit,
      isShare,
      baseline: i.baseline,
      baselineYear: i.baselineYear,
      ...periodTarget(i, isShare),
      value: shownValue,
      valueSuppressed: hide,
      valueDisplay,
      dataSource: i.recordedValue?.source ?? i.dataSource,
    };
  });
}

/** Never a whole year's target next to half a year's value: the snapshot's half-year target, or an older snapshot's yearly one said as such. */
function periodTarget(i: IndicatorValue, isShare: boolean): Pick<IndicatorRow, 'target' | 'targetBasis' | 'targetLabel'> {
  const yearly = i.target === null ? null : isShare ? percentText(i.target) : readableNumber(i.target);
  if (i.targetBasis === undefined || i.periodTarget === undefined) {
    return { target: i.target, targetBasis: targetBasisText('yearly_unscaled', yearly, null), targetLabel: TARGET_BASIS_LABELS.yearly_unscaled };
  }
  return { target: i.periodTarget, targetBasis: targetBasisText(i.targetBasis, yearly, i.targetYear ?? null), targetLabel: TARGET_BASIS_LABELS[i.targetBasis] };
}
