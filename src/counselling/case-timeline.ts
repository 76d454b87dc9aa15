import type { ProblemItem } from '../common/domain-errors';
import { isInFuture } from '../common/time';

/**
 * When things may be recorded on a counselling case. A contact or referral belongs to the
 * matter it is recorded on, so it cannot predate the case; nothing is recorded ahead of time.
 */
export function activityTimeProblems(field: string, at: Date, caseOpenedAt: Date, now = new Date()): ProblemItem[] {
  if (at.getTime() < caseOpenedAt.getTime()) {
    return [{ field, rule: 'not_before_case_opened', message: `${field} is before the case was opened (${caseOpenedAt.toISOString()})` }];
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
