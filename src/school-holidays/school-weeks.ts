import { addDays, mondayOf } from '../common/calendar';

/** A school holiday of the plan's school calendar, both days included (YYYY-MM-DD). */
export interface HolidayPeriod {
  startsOn: string;
  endsOn: string;
}

/** A week with at least one school day, or one whose weekdays are all school holidays. */
export type WeekKind = 'school' | 'school_free';

const WEEKDAYS = 5;

/**
 * Whether the week starting on `monday` is entirely school-free: every weekday Monday to Friday
 * falls within a holiday. The young-worker limits for weeks "without school days" apply only
 * then (Arbejdstilsynet, "Unges arbejdstid, hviletid og fridøgn"); one school day makes it a
 * school week. Holidays may meet or overlap (e.g. "Vinterferie" and a bridge day).
 */
export function weekKind(monday: string, holidays: readonly HolidayPeriod[]): WeekKind {
  for (let i = 0; i < WEEKDAYS; i += 1) {
    const day = addDays(monday, i);
    if (!holidays.some((h) => h.startsOn <= day && day <= h.endsOn)) return 'school';
  }
  return 'school_free';
}

/** The Mondays of every week that has at least one day from `from` to `to`, in order. */
export function weeksBetween(from: string, to: string): string[] {
  const weeks: string[] = [];
  for (let monday = mondayOf(from); monday <= to; monday = addDays(monday, 7)) weeks.push(monday);
  return weeks;
}
