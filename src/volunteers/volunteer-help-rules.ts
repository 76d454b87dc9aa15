import { addDays } from '../common/calendar';
import type { ProblemItem } from '../common/domain-errors';
import { isInFuture, planDateOf, todayInPlanZone } from '../common/time';

/**
 * How far back help may be recorded: a volunteer notes it on the day or within the month after
 * (a volunteer who logs on Fridays, or comes back from holiday). Older help would change a
 * half-year report the leader may already have sent to the board.
 */
export const RECORD_BACK_DAYS = 31;

/** The longest period the counts are asked for at once: two years. */
export const LONGEST_SUMMARY_DAYS = 2 * 366;

/** When help may have happened: not ahead of time (beyond clock skew) and not before the bound above. */
export function helpTimeProblems(occurredAt: Date, now = new Date()): ProblemItem[] {
  if (isInFuture(occurredAt, now)) {
    return [{ field: 'occurredAt', rule: 'not_in_future', message: 'occurredAt is in the future' }];
  }
  if (planDateOf(occurredAt) < addDays(todayInPlanZone(now), -RECORD_BACK_DAYS)) {
    return [{ field: 'occurredAt', rule: 'recent', message: `occurredAt is more than ${RECORD_BACK_DAYS} days ago (Danish time)` }];
  }
  return [];
}

/**
 * Whether a volunteer may still correct or remove an entry: only while it is of today and was
 * recorded today (Danish time). A slip on the phone is mended at once; what has been reported stays.
 */
export function isCorrectable(entry: { occurredAt: Date; createdAt: Date }, now = new Date()): boolean {
  const today = todayInPlanZone(now);
  return planDateOf(entry.occurredAt) === today && planDateOf(entry.createdAt) === today;
}

/** A summary period: both days included, from not after to, at most two years. Default: the half-year so far. */
export function summaryPeriod(query: { from?: string; to?: string }, now = new Date()): { from: string; to: string } | ProblemItem[] {
  const today = todayInPlanZone(now);
  const from = query.from ?? `${today.slice(0, 4)}-${Number(today.slice(5, 7)) <= 6 ? '01' : '07'}-01`;
  const to = query.to ?? today;
  if (from > to) return [{ field: 'from', rule: 'before_to', message: 'from is after to' }];
  if (addDays(from, LONGEST_SUMMARY_DAYS) < to) return [{ field: 'to', rule: 'at_most_two_years', message: 'the period is longer than two years' }];
  return { from, to };
}
