import type { JobcentreFigures } from '../../jobcentre/jobcentre-figures';
import { LABELS } from '../half-year-result';
import { SECONDARY_LABEL, suppressCount, suppressPart, type ShownCount } from '../suppression';
import { breakdownTables, type CountTable, type Figure, type TableDef } from './count-tables';
import { NO_VALUE, percentText } from './format';

/** A share as the exports print it (the same shape as report-model's RateFigure). */
export interface RateFigure {
  label: string;
  /** The share (0..1) when it may be shown, else null. */
  value: number | null;
  display: string;
  suppressed: boolean;
}

export interface JobcentreModel {
  figures: Figure[];
  /** The figures an indicator may repeat (covered, the activation rate), as printed here. */
  printed: { covered: { value: number; shown: ShownCount }; activationRate: RateFigure };
  activationRate: RateFigure;
  tables: CountTable[];
}

const TABLES = {
  targetGroups: { section: 'Omfattet fordelt på målgruppe', title: 'Borgere omfattet af det fremskudte jobcenter fordelt på målgruppe', categoryHeader: 'Målgruppe', labels: LABELS.targetGroups },
  endReasons: { section: 'Afsluttede forløb fordelt på årsag', title: 'Afsluttede jobcenterforløb fordelt på afslutningsårsag', categoryHeader: 'Afslutningsårsag', labels: LABELS.jobcentreEndReasons },
} satisfies Record<string, TableDef>;

/**
 * The job centre's caseload. The people covered are one total, shown with its breakdown by
 * target group as one figure; the active are a part of them (suppressed as a part, since covered
 * minus active is the inactive); the ended are their own total with the breakdown by reason. The
 * activation rate is shown only where both its counts are.
 */
export function jobcentreModel(j: JobcentreFigures, t: number): JobcentreModel {
  const covered = breakdownTables([[TABLES.targetGroups, j.byTargetGroup]], j.covered, t);
  const active = suppressPart(j.active, j.covered, t);
  const endedTotal = Object.values(j.endedByReason).reduce((a, b) => a + b, 0);
  const ended = breakdownTables([[TABLES.endReasons, j.endedByReason]], endedTotal, t);
  const coveredShown = covered.total.suppressed ? covered.total : active.whole;
  const activationRate = rate(j.activationRate, coveredShown.suppressed || active.part.suppressed);
  return {
    printed: { covered: { value: j.covered, shown: coveredShown }, activationRate },
    figures: [
      { label: 'Borgere omfattet af det fremskudte jobcenter', count: coveredShown },
      { label: 'Heraf aktive i mindst ét kvartal', count: active.part },
      { label: 'Forløb påbegyndt', count: suppressCount(j.started, t) },
      { label: 'Forløb afsluttet', count: ended.total },
    ],
    activationRate,
    tables: [...covered.tables, ...ended.tables],
  };
}

function rate(value: number | null, hidden: boolean): RateFigure {
  const label = 'Aktiveringsgrad';
  if (value === null) return { label, value: null, display: NO_VALUE, suppressed: false };
  if (hidden) return { label, value: null, display: SECONDARY_LABEL, suppressed: true };
  return { label, value, display: percentText(value), suppressed: false };
}
