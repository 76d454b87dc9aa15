import type { ProblemItem } from '../common/domain-errors';
import { instantOfPlanWallClock, planZoneOffsetMs } from '../common/time';

const DAY_MS = 24 * 60 * 60 * 1000;

/** A fixed weekly time, e.g. Sønderborg's open counselling Mon/Tue/Thu 12-17 (004_*): ISO weekday 1 = Monday. */
export interface WeeklySlot {
  weekday: number;
  start: string;
  end: string;
}

/** A moment as a wall clock in Denmark shows it. */
export interface DanishMoment {
  date: string;
  /** ISO weekday, 1 = Monday ... 7 = Sunday. */
  weekday: number;
  /** Minutes since local midnight. */
  minutes: number;
}

export const minutesOf = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

export function danishMoment(at: Date): DanishMoment {
  // The Danish wall clock, read through the UTC fields of the instant shifted by the offset in force.
  const wall = new Date(at.getTime() + planZoneOffsetMs(at.getTime()));
  const weekday = ((wall.getUTCDay() + 6) % 7) + 1;
  return { date: wall.toISOString().slice(0, 10), weekday, minutes: wall.getUTCHours() * 60 + wall.getUTCMinutes() };
}

/**
 * The instant a Danish wall clock shows `hhmm` on `date`. In the autumn hour that happens twice
 * the first is taken; a time the spring change skips (02:30 on the last Sunday of March) is read
 * with the winter offset, i.e. as 03:30 summer time, the moment a clock left at winter time shows it.
 */
export function danishInstant(date: string, hhmm: string): Date {
  const wall = Date.parse(`${date}T${hhmm}:00Z`);
  return instantOfPlanWallClock(wall) ?? new Date(wall - planZoneOffsetMs(wall - DAY_MS));
}

/** Every way the slots are impossible: a slot that ends before it starts, or two that overlap on a weekday. */
export function slotProblems(slots: readonly WeeklySlot[]): ProblemItem[] {
  const problems: ProblemItem[] = [];
  slots.forEach((s, i) => {
    if (minutesOf(s.end) <= minutesOf(s.start)) {
      problems.push({ field: `weeklySlots.${i}`, rule: 'end_after_start', message: `weeklySlots.${i} ends (${s.end}) before or when it starts (${s.start})` });
    }
  });
  for (let weekday = 1; weekday <= 7; weekday++) {
    const day = slots.map((s, i) => ({ ...s, i })).filter((s) => s.weekday === weekday).sort((a, b) => minutesOf(a.start) - minutesOf(b.start));
    for (let k = 1; k < day.length; k++) {
      if (minutesOf(day[k].start) < minutesOf(day[k - 1].end)) {
        problems.push({ field: `weeklySlots.${day[k].i}`, rule: 'no_overlap', message: `weeklySlots.${day[k].i} (${day[k].start}-${day[k].end}) overlaps weeklySlots.${day[k - 1].i} (${day[k - 1].start}-${day[k - 1].end}) on weekday ${weekday}` });
      }
    }
  }
  return problems;
}

export interface SlotOccurrence {
  slot: WeeklySlot;
  date: string;
  startsAt: Date;
  endsAt: Date;
}

/**
 * The occurrence of a weekly slot that `at` falls in, judged on the Danish wall clock: a visit at
 * 23:30 on 30 June belongs to 30 June's slot whatever UTC says, and a slot across the change to or
 * from summer time is the hours its clock shows. A slot runs from its start up to its end; a visitor
 * recorded at the very minute it ends still counts in it, unless another slot starts then.
 */
export function slotContaining(slots: readonly WeeklySlot[], at: Date): SlotOccurrence | undefined {
  const local = danishMoment(at);
  const today = slots.filter((s) => s.weekday === local.weekday);
  const slot =
    today.find((s) => minutesOf(s.start) <= local.minutes && local.minutes < minutesOf(s.end)) ??
    today.find((s) => local.minutes === minutesOf(s.end));
  if (!slot) return undefined;
  return { slot, date: local.date, startsAt: danishInstant(local.date, slot.start), endsAt: danishInstant(local.date, slot.end) };
}

/** Whether a date (YYYY-MM-DD) is within the activity's dates; an open end is no limit. */
export function withinDates(date: string, startsOn: string | null, endsOn: string | null): boolean {
  return (startsOn === null || date >= startsOn) && (endsOn === null || date <= endsOn);
}

/** The occurrences of the weekly slots on a Danish day (YYYY-MM-DD), in the order they start. */
export function occurrencesOn(slots: readonly WeeklySlot[], date: string): SlotOccurrence[] {
  const weekday = ((new Date(`${date}T12:00:00Z`).getUTCDay() + 6) % 7) + 1;
  return slots
    .filter((s) => s.weekday === weekday)
    .sort((a, b) => minutesOf(a.start) - minutesOf(b.start))
    .map((slot) => ({ slot, date, startsAt: danishInstant(date, slot.start), endsAt: danishInstant(date, slot.end) }));
}
