import type { ProblemItem } from '../common/domain-errors';
import { isInFuture, localMidnightIso } from '../common/time';

/**
 * When things happened in a programme, as opposed to when they were typed. The half-year report
 * counts phase changes by when they happened (domain.md "Half-year statistics"), so a December
 * event entered in January must carry its December date.
 */

/** The instant a plan-zone calendar day begins (local midnight in Europe/Copenhagen). */
export function startOfDayInPlanZone(date: string): Date {
  return new Date(localMidnightIso(date));
}

/**
 * Every reason a phase change cannot be dated `occurredAt`: not in the future (beyond the clock
 * skew the rest of the API tolerates), and not before the change before it, so the history reads
 * in the order it happened and "the phase at the end of a period" is well defined.
 */
export function transitionTimingProblems(occurredAt: Date, previousOccurredAt: Date | null, now = new Date()): ProblemItem[] {
  if (isInFuture(occurredAt, now)) {
    return [{ field: 'occurredAt', rule: 'not_in_future', message: 'occurredAt is in the future: record a phase change once it has happened' }];
  }
  if (previousOccurredAt && occurredAt.getTime() < previousOccurredAt.getTime()) {
    return [
      {
        field: 'occurredAt',
        rule: 'not_before_previous_transition',
        message: `occurredAt is before the programme's previous phase change (${previousOccurredAt.toISOString()})`,
      },
    ];
  }
  return [];
}
