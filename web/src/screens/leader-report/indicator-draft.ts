import { leaderReport } from '../../text/leader-report';
import type { Indicator } from './leader-report-api';
import { parseDanishNumber } from './numbers';

const text = leaderReport.indicators;

/** The form's fields as typed: numbers as a person writes them in Danish, empty for "none". */
export interface IndicatorDraft {
  goal: string;
  indicator: string;
  unit: string;
  dataSource: string;
  baseline: string;
  baselineYear: string;
  baselineSource: string;
  target: string;
  targetYear: string;
  targetKind: string;
  description: string;
  metric: string;
}

export type DraftField = keyof IndicatorDraft;

/** What the API takes: a new indicator's body, every field but the required four optional. */
export interface IndicatorValues {
  goal: string;
  indicator: string;
  unit: string;
  dataSource: string;
  baseline: number | null;
  baselineYear: number | null;
  baselineSource: string | null;
  target: number | null;
  targetYear: number | null;
  targetKind: 'yearly' | 'half_yearly' | 'quarterly' | 'level' | null;
  description: string | null;
  metric: string | null;
}

export const emptyDraft: IndicatorDraft = { goal: '', indicator: '', unit: '', dataSource: '', baseline: '', baselineYear: '', baselineSource: '', target: '', targetYear: '', targetKind: '', description: '', metric: '' };

// Every decimal the API keeps (up to four), with the Danish comma and no grouping, as a person would type it.
const numberText = (n: number | null) => (n === null ? '' : String(n).replace('.', ','));

export function draftOf(i: Indicator): IndicatorDraft {
  return {
    goal: i.goal,
    indicator: i.indicator,
    unit: i.unit,
    dataSource: i.dataSource,
    baseline: numberText(i.baseline),
    baselineYear: i.baselineYear === null ? '' : String(i.baselineYear),
    baselineSource: i.baselineSource ?? '',
    target: numberText(i.target),
    targetYear: i.targetYear === null ? '' : String(i.targetYear),
    targetKind: i.targetKind,
    description: i.description ?? '',
    metric: i.metric ?? '',
  };
}

const LENGTHS: Partial<Record<DraftField, number>> = { goal: 500, indicator: 500, unit: 50, dataSource: 200, baselineSource: 200, description: 2000 };
const REQUIRED: Partial<Record<DraftField, string>> = { goal: text.goalLabel, indicator: text.indicatorLabel, unit: text.unitLabel, dataSource: text.dataSourceLabel };

/** The draft read as the API's values, with a Danish sentence at each field that is not right. */
export function parseDraft(d: IndicatorDraft): { values: IndicatorValues; errors: Partial<Record<DraftField, string>> } {
  const errors: Partial<Record<DraftField, string>> = {};
  const str = (f: DraftField): string | null => {
    const v = d[f].trim();
    if (!v && REQUIRED[f]) errors[f] = text.required(REQUIRED[f]!);
    else if (v.length > (LENGTHS[f] ?? Infinity)) errors[f] = text.tooLong(LENGTHS[f]!);
    return v || null;
  };
  const num = (f: DraftField): number | null => {
    if (!d[f].trim()) return null;
    const n = parseDanishNumber(d[f]);
    if (n === null || Math.abs(n) > 1_000_000_000 || Math.round(n * 10_000) / 10_000 !== n) errors[f] = text.invalidNumber;
    return n;
  };
  const year = (f: DraftField): number | null => {
    const v = d[f].trim();
    if (!v) return null;
    if (!/^\d{4}$/.test(v) || Number(v) < 1990 || Number(v) > 2100) errors[f] = text.invalidYear;
    return Number(v);
  };
  const values: IndicatorValues = {
    goal: str('goal') ?? '',
    indicator: str('indicator') ?? '',
    unit: str('unit') ?? '',
    dataSource: str('dataSource') ?? '',
    baseline: num('baseline'),
    baselineYear: year('baselineYear'),
    baselineSource: str('baselineSource'),
    target: num('target'),
    targetYear: year('targetYear'),
    targetKind: (d.targetKind || null) as IndicatorValues['targetKind'],
    description: str('description'),
    metric: d.metric || null,
  };
  if (!errors.baselineYear && !errors.targetYear && values.baselineYear && values.targetYear && values.targetYear < values.baselineYear) errors.targetYear = text.yearsOrder;
  return { values, errors };
}

/** A new indicator: the fields left empty are left out, so the API chooses the target kind from the unit. */
export function addBody(v: IndicatorValues) {
  return Object.fromEntries(Object.entries(v).filter(([, value]) => value !== null)) as Partial<IndicatorValues> & Pick<IndicatorValues, 'goal' | 'indicator' | 'unit' | 'dataSource'>;
}

/** Only what changed, `null` where a field was emptied; the metric is never changed. */
export function changes(original: Indicator, v: IndicatorValues): Partial<Omit<IndicatorValues, 'metric'>> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(v) as (keyof IndicatorValues)[]) {
    if (key === 'metric') continue;
    // The target kind is always shown chosen; an empty choice cannot arise when editing.
    if (key === 'targetKind' && v.targetKind === null) continue;
    if (v[key] !== original[key]) out[key] = v[key];
  }
  return out;
}
