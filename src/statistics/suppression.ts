/**
 * Statistical disclosure control for exported tables, so no resident can be recognised.
 *
 * Primary suppression hides counts from 1 to threshold-1 (shown as "<5" with the default
 * threshold). Zero is always shown: a zero identifies nobody. Secondary suppression then hides
 * more cells (shown as "skjult") until no total (row, column or the table's "I alt") has exactly
 * one hidden cell behind it, since such a cell could be worked out as total minus the shown cells.
 * The same holds across tables: several tables of one total share it (`suppressBreakdowns`), and
 * a headline printed with a part of it must not give a small rest by subtraction (`suppressPart`).
 *
 * Pure functions; the exporters decide how to draw a hidden cell (`display`).
 */

export const DEFAULT_THRESHOLD = 5;

/**
 * The label of a count hidden only to protect another. It is not "<5": the count may be any
 * size, and labelling it "<5" would tell the reader something false.
 */
export const SECONDARY_LABEL = 'skjult';

export interface CountCell {
  key: string;
  value: number;
}

/** Why a count is hidden: it is small itself, or it is hidden to protect a small one. */
export type SuppressionReason = 'small' | 'secondary';

export interface ShownCount {
  value: number;
  suppressed: boolean;
  reason: SuppressionReason | null;
  /** What to print: the count, `<threshold` for a small count, or {@link SECONDARY_LABEL}. */
  display: string;
}

export interface ShownCell extends ShownCount {
  key: string;
}

export interface Suppressed1d {
  cells: ShownCell[];
  /** The table's total ("I alt"); null when the table is shown without one. */
  total: ShownCount | null;
}

export interface Suppressed2d {
  cells: ShownCount[][];
  rowTotals: ShownCount[];
  columnTotals: ShownCount[];
  grandTotal: ShownCount;
}

export function assertThreshold(threshold: number): void {
  if (!Number.isInteger(threshold) || threshold < 1) {
    throw new RangeError(`Suppression threshold must be a whole number of at least 1, got ${threshold}`);
  }
}

/** The label a hidden count gets, e.g. "<5". */
export function hiddenLabel(threshold: number): string {
  return `<${threshold}`;
}

/** True when a count is small enough to identify someone (1..threshold-1). */
export function isSmallCount(value: number, threshold: number): boolean {
  return value > 0 && value < threshold;
}

/** Primary suppression of one count (a headline figure, or a cell before secondary suppression). */
export function suppressCount(value: number, threshold: number = DEFAULT_THRESHOLD): ShownCount {
  assertThreshold(threshold);
  return shown(slot(value, threshold), threshold);
}

/** Mutable working state for one count during secondary suppression. */
interface Slot {
  value: number;
  suppressed: boolean;
  reason: SuppressionReason | null;
  /**
   * A member of a line that is never printed (the cases a breakdown leaves out). It must not be
   * worked out when it is small, but hiding it protects nothing, so it is never picked to hide.
   */
  unprinted?: boolean;
}

function shown({ value, suppressed, reason }: Slot, threshold: number): ShownCount {
  const display = reason === 'small' ? hiddenLabel(threshold) : reason === 'secondary' ? SECONDARY_LABEL : String(value);
  return { value, suppressed, reason, display };
}

function hide(s: Slot): void {
  s.suppressed = true;
  s.reason = 'secondary';
}

/**
 * One linear relation "cells add up to total". If exactly one member is hidden, it could be
 * recovered, so hide one more: the smallest shown non-zero cell, or else the total.
 * Returns true when it hid something.
 */
function protectLine(cells: Slot[], total: Slot): boolean {
  const hidden = cells.filter((c) => c.suppressed).length + (total.suppressed ? 1 : 0);
  if (hidden !== 1) return false;
  const candidates = cells.filter((c) => !c.suppressed && !c.unprinted && c.value !== 0);
  if (candidates.length > 0) {
    // Smallest first; on ties the first in table order, so the result is deterministic.
    const smallest = candidates.reduce((a, b) => (b.value < a.value ? b : a));
    hide(smallest);
    return true;
  }
  if (!total.suppressed && total.value !== 0) {
    hide(total);
    return true;
  }
  return false;
}

function slot(value: number, threshold: number): Slot {
  if (!Number.isFinite(value) || value < 0) throw new RangeError(`Counts must be non-negative numbers, got ${value}`);
  const small = isSmallCount(value, threshold);
  return { value, suppressed: small, reason: small ? 'small' : null };
}

/**
 * A one-way table (e.g. counselling cases by topic).
 * @param total the total shown with the table; defaults to the sum of the cells. Pass null for
 *   a table shown without any total (then only primary suppression applies).
 */
export function suppress1d(
  cells: CountCell[],
  threshold: number = DEFAULT_THRESHOLD,
  total: number | null = cells.reduce((sum, c) => sum + c.value, 0),
): Suppressed1d {
  assertThreshold(threshold);
  if (total === null) {
    return { cells: cells.map((c) => ({ key: c.key, ...shown(slot(c.value, threshold), threshold) })), total: null };
  }
  const { tables, total: shownTotal } = suppressBreakdowns([cells], total, threshold);
  return { cells: tables[0], total: shownTotal };
}

export interface SuppressedBreakdowns {
  /** Each breakdown's cells, in the order given. */
  tables: ShownCell[][];
  /** The one total they share, shown the same way with every table and as a headline. */
  total: ShownCount;
}

/**
 * Several one-way tables that break down one and the same total (cases started by topic, by
 * form, by area, ...; the headline "Rådgivninger påbegyndt" is that total too). The total is one
 * figure, so it is hidden everywhere or nowhere; when one table needs it hidden, every other table
 * is protected again against the hidden total. A table whose cells add up to less than the total
 * leaves some cases out (e.g. a category not recorded): "I alt" minus the shown cells gives that
 * remainder, so a small remainder is protected like a hidden cell.
 * @param options.hideTotal hide the total from the start, e.g. because a part of it printed
 *   elsewhere would give a small difference (see {@link isSmallDifference}); the tables are then
 *   protected against the hidden total like any other.
 */
export function suppressBreakdowns(tables: CountCell[][], total: number, threshold: number = DEFAULT_THRESHOLD, options: { hideTotal?: boolean } = {}): SuppressedBreakdowns {
  assertThreshold(threshold);
  const totalSlot = slot(total, threshold);
  // The caller may need the total hidden for a reason outside these tables (a part of it printed elsewhere).
  if (options.hideTotal && !totalSlot.suppressed && total !== 0) hide(totalSlot);
  const lines = tables.map((cells) => {
    const slots = cells.map((c) => slot(c.value, threshold));
    const remainder = total - cells.reduce((sum, c) => sum + c.value, 0);
    return remainder > 0 ? [...slots, { ...slot(remainder, threshold), unprinted: true }] : slots;
  });
  let changed = true;
  while (changed) {
    changed = false;
    for (const line of lines) if (protectLine(line, totalSlot)) changed = true;
  }
  return {
    tables: tables.map((cells, i) => cells.map((c, j) => ({ key: c.key, ...shown(lines[i][j], threshold) }))),
    total: shown(totalSlot, threshold),
  };
}

/**
 * A headline and a part of it printed as a second headline ("Unikke beboere" and "Heraf anonyme").
 * The rest (whole minus part) is never printed, but anyone can subtract: when the rest is small
 * and both are shown, the part is hidden too. A hidden part cannot be worked out, since the rest
 * is not printed anywhere.
 */
export function suppressPart(part: number, whole: number, threshold: number = DEFAULT_THRESHOLD): { part: ShownCount; whole: ShownCount } {
  assertThreshold(threshold);
  const partSlot = slot(part, threshold);
  const wholeSlot = slot(whole, threshold);
  if (isSmallDifference(part, whole, threshold)) hide(partSlot);
  return { part: shown(partSlot, threshold), whole: shown(wholeSlot, threshold) };
}

/**
 * A two-way table (rows × columns) shown with row totals, column totals and a grand total.
 * Every row, every column, the row of column totals and the column of row totals are
 * protected in turn until a full pass hides nothing more.
 */
export function suppress2d(values: number[][], threshold: number = DEFAULT_THRESHOLD): Suppressed2d {
  assertThreshold(threshold);
  const columnCount = values[0]?.length ?? 0;
  if (values.some((row) => row.length !== columnCount)) throw new RangeError('All rows of a two-way table must have the same number of columns');
  const grid = values.map((row) => row.map((v) => slot(v, threshold)));
  const rowTotals = values.map((row) => slot(row.reduce((a, b) => a + b, 0), threshold));
  const columnTotals = Array.from({ length: columnCount }, (_, j) => slot(values.reduce((sum, row) => sum + row[j], 0), threshold));
  const grandTotal = slot(rowTotals.reduce((sum, t) => sum + t.value, 0), threshold);

  let changed = true;
  while (changed) {
    changed = false;
    grid.forEach((row, i) => {
      if (protectLine(row, rowTotals[i])) changed = true;
    });
    for (let j = 0; j < columnCount; j++) {
      const column = grid.map((row) => row[j]);
      if (protectLine(column, columnTotals[j])) changed = true;
    }
    if (protectLine(columnTotals, grandTotal)) changed = true;
    if (protectLine(rowTotals, grandTotal)) changed = true;
  }

  const out = (s: Slot) => shown(s, threshold);
  return {
    cells: grid.map((row) => row.map(out)),
    rowTotals: rowTotals.map(out),
    columnTotals: columnTotals.map(out),
    grandTotal: out(grandTotal),
  };
}

/**
 * True when a part and its whole, both shown, would give away the never-printed rest by
 * subtraction (23 residents of whom 21 anonymous: 2 named). One of the two must then be hidden.
 */
export function isSmallDifference(part: number, whole: number, threshold: number = DEFAULT_THRESHOLD): boolean {
  return !isSmallCount(part, threshold) && !isSmallCount(whole, threshold) && isSmallCount(whole - part, threshold);
}
