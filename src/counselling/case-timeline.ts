import type { ProblemItem } from '../common/domain-errors';
import { isInFuture, planDateOf } from '../common/time';

/**
 * Whether a contact or referral at `at` is before its case, judged by Danish calendar day: only
 * one on an earlier day than the case was opened is. At the drop-in the case is opened after the
 * conversation (at 10:00 for the talk at 09:58), so comparing instants refused the very contact
 * the case was opened for (issue 12, part 9). A day is whole inside one half-year (H1 ends at
 * midnight Danish time, 30 June/1 July), so a contact is never counted in a half-year before the
 * one its case counts in: the counting rule (domain.md) and the report's "only cases opened
 * before a period add residents through a contact" still hold. The database checks the same rule
 * (migration 1733830000000).
 */
export function isBeforeCaseDay(at: Date, caseOpenedAt: Date): boolean {
  return planDateOf(at) < planDateOf(caseOpenedAt);
}

/**
 * When things may be recorded on a counselling case. A contact or referral belongs to the
 * matter it is recorded on, so it cannot predate the case's day; nothing is recorded ahead of time.
 */
export function activityTimeProblems(field: string, at: Date, caseOpenedAt: Date, now = new Date()): ProblemItem[] {
  if (isBeforeCaseDay(at, caseOpenedAt)) {
    return [{ field, rule: 'not_before_case_opened', message: `${field} is on a day before the case was opened (${planDateOf(caseOpenedAt)}, Danish time)` }];
  }
  if (isInFuture(at, now)) {
    return [{ field, rule: 'not_in_future', message: `${field} is in the future` }];
  }
  return [];
}

export function openedAtProblems(openedAt: Date, now = new Date()): ProblemItem[] {
  return isInFuture(openedAt, now) ? [{ field: 'openedAt', rule: 'not_in_future', message: 'openedAt is in the future' }] : [];
}

export function closedAtProblems(closedAt: Date, openedAt: Date, lastActivityAt: Date | null, now = new Date()): ProblemItem[] {
  const problems: ProblemItem[] = [];
  if (closedAt.getTime() < openedAt.getTime()) {
    problems.push({ field: 'closedAt', rule: 'not_before_case_opened', message: 'closedAt is before the case was opened' });
  }
  if (lastActivityAt && closedAt.getTime() < lastActivityAt.getTime()) {
    problems.push({ field: 'closedAt', rule: 'not_before_last_contact', message: `closedAt is before the case's last contact or referral (${lastActivityAt.toISOString()})` });
  }
  if (isInFuture(closedAt, now)) problems.push({ field: 'closedAt', rule: 'not_in_future', message: 'closedAt is in the future' });
  return problems;
}
