/**
 * Statistical disclosure control for exported tables, so no resident can be recognised.
 *
 * Primary suppression hides counts from 1 to threshold-1 (shown as "<5" with the default
 * threshold). Zero is always shown: a zero identifies nobody. Secondary suppression then hides
 * more cells (shown as "skjult") until no total (row, column or the table's "I alt") has exactly
 * one hidden cell behind it, since such a cell could be worked out as total minus the shown cells.
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
  const candidates = cells.filter((c) => !c.suppressed && c.value !== 0);
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
  const slots = cells.map((c) => slot(c.value, threshold));
  const totalSlot = total === null ? null : slot(total, threshold);
  if (totalSlot) {
    while (protectLine(slots, totalSlot)) {
      // keep going until the total gives no single hidden cell away
    }
  }
  return {
    cells: cells.map((c, i) => ({ key: c.key, ...shown(slots[i], threshold) })),
    total: totalSlot ? shown(totalSlot, threshold) : null,
  };
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
