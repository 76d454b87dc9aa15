import type { ProblemItem } from './domain-errors';

/**
 * A refusal is bounded whatever was sent: a body of 6,000 unknown keys answered a 608 KB list of
 * them (each named again in `detail`), so a few KB of request bought a hundred times as much
 * answer. Every refusal with a list (validation, rule lists) shows the first items, says how many
 * it left out, and shortens what it quotes (a field name is whatever key the client sent).
 */
export const MAX_PROBLEM_ITEMS = 20;
const MAX_TEXT = 200;
const MAX_DETAIL = 1000;

export interface BoundedItems {
  errors: ProblemItem[];
  /** How many items there were in all, and how many are not shown: present only when some are left out. */
  errorCount?: number;
  errorsOmitted?: number;
}

export function shorten(text: string, max = MAX_TEXT): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export function boundItems(errors: readonly ProblemItem[]): BoundedItems {
  const shown = errors.slice(0, MAX_PROBLEM_ITEMS).map((item) => ({
    ...(item.field !== undefined ? { field: shorten(item.field) } : {}),
    ...(item.rule !== undefined ? { rule: shorten(item.rule) } : {}),
    message: shorten(item.message),
  }));
  if (errors.length <= MAX_PROBLEM_ITEMS) return { errors: shown };
  return { errors: shown, errorCount: errors.length, errorsOmitted: errors.length - shown.length };
}

/** `detail` for a list that was cut: the shown items' sentences, then how many more; never longer than MAX_DETAIL. */
export function boundDetail(detail: string, bounded: BoundedItems, describe: (item: ProblemItem) => string): string {
  const text = bounded.errorsOmitted ? `${bounded.errors.map(describe).join('; ')}; and ${bounded.errorsOmitted} more (see errorCount)` : detail;
  return shorten(text, MAX_DETAIL);
}
