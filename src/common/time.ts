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

const wallClockFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: PLAN_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** The plan zone's offset from UTC at an instant, in milliseconds (one hour in winter, two in summer). */
export function planZoneOffsetMs(epochMs: number): number {
  const whole = epochMs - (((epochMs % 1000) + 1000) % 1000);
  const part = Object.fromEntries(wallClockFormat.formatToParts(new Date(whole)).map((p) => [p.type, p.value]));
  const wall = Date.UTC(Number(part.year), Number(part.month) - 1, Number(part.day), Number(part.hour), Number(part.minute), Number(part.second));
  return wall - whole;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The instant a Danish wall-clock time names, given as that wall-clock time read as if it were
 * UTC (Date.UTC of its fields). A time in the spring-forward gap (2026-03-29T02:30) names no
 * instant: undefined. A time in the autumn fall-back hour (2026-10-25T02:30) names two: the
 * earlier one (still summer time, +02:00) is taken, as Temporal's default "compatible"
 * disambiguation does and as a person writing it down during that hour most likely meant the
 * first time the clock showed it.
 */
export function instantOfPlanWallClock(wallAsUtcMs: number): Date | undefined {
  // A zone changes its offset at most once within a day either side, so the offsets in force a
  // day before and a day after are the only candidates.
  const offsets = new Set([planZoneOffsetMs(wallAsUtcMs - DAY_MS), planZoneOffsetMs(wallAsUtcMs + DAY_MS)]);
  const candidates = [...offsets].map((offset) => wallAsUtcMs - offset).filter((at) => planZoneOffsetMs(at) === wallAsUtcMs - at);
  return candidates.length ? new Date(Math.min(...candidates)) : undefined;
}

/** The calendar date (YYYY-MM-DD) an instant falls on in the plan's time zone. */
export function planDateOf(instant: Date): string {
  return todayInPlanZone(instant);
}

/** The ISO instant of a local midnight in the plan's time zone, for the report's `period`. */
export function localMidnightIso(date: string): string {
  const utcGuess = new Date(`${date}T00:00:00Z`);
  const offsetMinutes = Math.round(planZoneOffsetMs(utcGuess.getTime()) / 60000);
  const sign = offsetMinutes >= 0 ? '+' : '-';
  const abs = Math.abs(offsetMinutes);
  return `${date}T00:00:00${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
