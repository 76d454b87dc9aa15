/** The plan's time zone: periods, ages and "a month before" are computed here (api.md conventions). */
export const PLAN_TIME_ZONE = 'Europe/Copenhagen';

/** Tolerated clock difference between a counsellor's device and the server when rejecting "future" instants. */
export const CLOCK_SKEW_MS = 5 * 60 * 1000;

export function isInFuture(instant: Date, now = new Date()): boolean {
  return instant.getTime() > now.getTime() + CLOCK_SKEW_MS;
}

/** Today's calendar date (YYYY-MM-DD) in the plan's time zone. */
export function todayInPlanZone(now = new Date()): string {
  return now.toLocaleDateString('sv-SE', { timeZone: PLAN_TIME_ZONE });
}

/** Whole years between a birth date and a calendar date, both YYYY-MM-DD. */
export function ageOn(birthDate: string, onDate: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [y, m, d] = onDate.split('-').map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}
