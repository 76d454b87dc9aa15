import type { ProblemItem } from '../common/domain-errors';

/** A session's head count as the plans report it (004_*: visitors; women/men, youth/adults). */
export interface Headcount {
  total: number;
  women?: number | null;
  men?: number | null;
  youth?: number | null;
  adults?: number | null;
}

/**
 * A breakdown is a split of the total, never more than it; and the named participants were there,
 * so the total counts at least them.
 */
export function headcountProblems(headcount: Headcount, namedParticipants: number): ProblemItem[] {
  const problems: ProblemItem[] = [];
  const sum = (a?: number | null, b?: number | null) => (a ?? 0) + (b ?? 0);
  if (sum(headcount.women, headcount.men) > headcount.total) {
    problems.push({ field: 'headcount', rule: 'gender_within_total', message: `women and men (${sum(headcount.women, headcount.men)}) exceed the total (${headcount.total})` });
  }
  if (sum(headcount.youth, headcount.adults) > headcount.total) {
    problems.push({ field: 'headcount', rule: 'age_within_total', message: `youth and adults (${sum(headcount.youth, headcount.adults)}) exceed the total (${headcount.total})` });
  }
  if (headcount.total < namedParticipants) {
    problems.push({ field: 'headcount.total', rule: 'total_covers_participants', message: `the total (${headcount.total}) is below the ${namedParticipants} named participants` });
  }
  return problems;
}

/** An enrolment ends on or after the day it started. */
export function enrolmentEndProblems(startedOn: string, endedOn: string): ProblemItem[] {
  if (endedOn >= startedOn) return [];
  return [{ field: 'endedOn', rule: 'not_before_start', message: `endedOn (${endedOn}) is before the enrolment started (${startedOn})` }];
}
