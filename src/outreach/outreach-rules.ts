import type { ProblemItem } from '../common/domain-errors';

export const ATTEMPT_OUTCOMES = ['not_home', 'talked', 'offer_accepted', 'referred', 'declined'] as const;
export type AttemptOutcome = (typeof ATTEMPT_OUTCOMES)[number];

/** The outcomes in Danish (the app and the report). */
export const ATTEMPT_OUTCOME_LABELS: Record<AttemptOutcome, string> = {
  not_home: 'Ikke hjemme',
  talked: 'Talte sammen',
  offer_accepted: 'Tog imod et tilbud',
  referred: 'Henvist videre',
  declined: 'Sagde nej tak',
};

/** A counselling case is opened from a conversation at the door: only a talk or an accepted offer can open one. */
export const CASE_OPENING_OUTCOMES: readonly AttemptOutcome[] = ['talked', 'offer_accepted'];

/**
 * Outcomes in which the door was opened and someone talked with the young person: every outcome
 * but `not_home`. The report's `talked` counts these, so an accepted offer is also a talk.
 */
export const REACHED_OUTCOMES: readonly AttemptOutcome[] = ['talked', 'offer_accepted', 'referred', 'declined'];

/**
 * A list's own retention, in days from when it was created: short, because the names come from
 * the municipality for one round of door-to-door outreach (001_* Ishøj); at most half a year.
 */
export const OUTREACH_RETENTION_DAYS = { min: 1, max: 180 } as const;

/** When a list's names are due for deletion. */
export function namesDueAt(createdAt: Date, retentionDays: number): Date {
  return new Date(createdAt.getTime() + retentionDays * 24 * 60 * 60 * 1000);
}

export function isPastRetention(list: { createdAt: Date; retentionDays: number; namesDeletedAt: Date | null }, now = new Date()): boolean {
  return list.namesDeletedAt !== null || namesDueAt(list.createdAt, list.retentionDays).getTime() <= now.getTime();
}

/** The rule of an attempt that opens a case: it must come from a talk. */
export function openCaseProblems(outcome: AttemptOutcome, opensCase: boolean): ProblemItem[] {
  if (!opensCase || CASE_OPENING_OUTCOMES.includes(outcome)) return [];
  return [{ field: 'openCase', rule: 'case_from_talk', message: `a case is opened from a talk: outcome must be ${CASE_OPENING_OUTCOMES.join(' or ')} (was ${outcome})` }];
}

/** "Amira Hassan Ali" → first names "Amira Hassan", last name "Ali"; a single name is a first name. */
export function splitName(name: string): { firstName: string; lastName?: string } {
  const parts = name.trim().split(/\s+/);
  if (parts.length === 1) return { firstName: parts[0] };
  return { firstName: parts.slice(0, -1).join(' '), lastName: parts[parts.length - 1] };
}
