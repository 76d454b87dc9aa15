import type { Counts } from '../half-year-result';
import { suppress1d, suppressBreakdowns, type ShownCell, type ShownCount } from '../suppression';

/*
 * The building blocks of the report's sections (report-model.ts, activities-model.ts): headline
 * figures and one-way count tables, suppressed before any exporter sees them.
 */

/** A headline figure. Counts of residents are suppressed; other figures (targets, employers) are not. */
export interface Figure {
  label: string;
  count: ShownCount;
}

export interface TableRow {
  label: string;
  count: ShownCount;
  /** The row's share of the table total; null when the row or the total is hidden. */
  share: number | null;
}

/** A one-way count table after suppression, with its total ("I alt"). */
export interface CountTable {
  /** Short name used as the CSV section and the category column header, e.g. "Emne". */
  section: string;
  /** Heading for people, e.g. "Rådgivninger fordelt på emne". */
  title: string;
  /** Header of the category column, e.g. "Emne", "Kanal". */
  categoryHeader: string;
  rows: TableRow[];
  total: ShownCount;
}

export const TOTAL_LABEL = 'I alt';

/** A figure that is not about residents (a target, a number of employers): shown as it is. */
export function plain(value: number): ShownCount {
  return { value, suppressed: false, reason: null, display: String(value) };
}

/** Known keys in the labels' order, then any others in the order the result gave them. */
export function orderedKeys(counts: Counts, order: readonly string[]): string[] {
  const keys = Object.keys(counts);
  return [...order.filter((k) => keys.includes(k)), ...keys.filter((k) => !order.includes(k))];
}

export interface TableDef {
  section: string;
  title: string;
  categoryHeader?: string;
  labels?: Record<string, string>;
  /** For keys that are not in `labels`. */
  labelOf?: (key: string) => string;
  order?: readonly string[];
}

export function tableCells(def: TableDef, counts: Counts): { key: string; value: number }[] {
  return orderedKeys(counts, def.order ?? Object.keys(def.labels ?? {})).map((key) => ({ key, value: counts[key] }));
}

/** A table from cells already suppressed together with everything else they relate to. */
export function countTable({ section, title, categoryHeader, labels, labelOf }: TableDef, cells: ShownCell[], total: ShownCount): CountTable {
  const label = (key: string) => labels?.[key] ?? labelOf?.(key) ?? key;
  return {
    section,
    title,
    categoryHeader: categoryHeader ?? section,
    rows: cells.map((c) => ({
      label: label(c.key),
      count: c,
      // A share next to a hidden total would give the total back (count / share).
      share: c.suppressed || total.suppressed || total.value === 0 ? null : c.value / total.value,
    })),
    total,
  };
}

/** Tables that break down one headline total: suppressed together, so they all show it alike. */
export function breakdownTables(defs: [TableDef, Counts][], total: number, threshold: number): { tables: CountTable[]; total: ShownCount } {
  const cells = defs.map(([def, counts]) => tableCells(def, counts));
  const suppressed = suppressBreakdowns(cells, total, threshold);
  return { tables: defs.map(([def], i) => countTable(def, suppressed.tables[i], suppressed.total)), total: suppressed.total };
}

export function ownTotalTable(def: TableDef, counts: Counts, threshold: number): CountTable {
  const suppressed = suppress1d(tableCells(def, counts), threshold);
  return countTable(def, suppressed.cells, suppressed.total as ShownCount);
}
