import type { ProblemItem } from '../common/domain-errors';
import { ageOn } from '../common/time';
import { addMonths } from '../common/calendar';
import { rangeText, type Range } from '../plans/plan-settings';
import type { WeekKind } from '../school-holidays/school-weeks';

/**
 * The plan's ranges for a leisure job and the Danish rules for young workers.
 *
 * The ranges are the plan's settings (Ishøj, 001_* "Fritidsjob": about 3-5 months of 2-6 hours a
 * week); going outside them needs a reason the social worker writes down. The young-worker rules
 * below are the law's, the same in every plan.
 *
 * The working-environment rules for youth under 18 (Arbejdstilsynet, "Unges arbejdstid, hviletid
 * og fridøgn"; bekendtgørelse om unges arbejde) depend on age and on whether the youth is still in
 * compulsory schooling (undervisningspligtig):
 * - 13-14: at most 2 hours on a school day and 7 on other days, 12 hours in a week with school
 *   days and 35 in a week that is entirely school-free;
 * - 15-17 in compulsory schooling: 2 hours on a school day and 8 on other days, 12 hours in a
 *   school week and 40 in a school-free week;
 * - 15-17 no longer in school: 8 hours a day and 40 a week;
 * - everyone in school: no work between 20:00 and 06:00.
 * The system sees hours per week, not the daily schedule, so these are warnings, never refusals;
 * the plan's school calendar says which weeks are school-free. Users read them, so they are Danish.
 */

/** Under this age the rules for the youngest workers (13-14 years) apply. */
export const YOUNG_WORKER_BELOW_AGE = 15;
/** From this age the rules for young workers no longer apply. */
export const ADULT_AGE = 18;

export interface Warning {
  rule: string;
  message: string;
}

export interface PlannedEmployment {
  startDate: string;
  endDate: string;
  hoursPerWeek: number;
}

/** The plan's settings for a programme's employment: hours a week and length in calendar months. */
export interface EmploymentRanges {
  hoursPerWeek: Range;
  months: Range;
}

/** Every one of the plan's ranges the employment is outside of; each needs an exceptionReason. */
export function planRangeViolations(e: PlannedEmployment, ranges: EmploymentRanges): ProblemItem[] {
  const problems: ProblemItem[] = [];
  const { hoursPerWeek: hours, months } = ranges;
  if (e.hoursPerWeek < hours.min || e.hoursPerWeek > hours.max) {
    problems.push({
      field: 'hoursPerWeek',
      rule: 'hours_per_week_range',
      message: `${e.hoursPerWeek} hours a week is outside the plan's ${rangeText(hours)} hours a week: give an exceptionReason`,
    });
  }
  const earliestEnd = addMonths(e.startDate, months.min);
  const latestEnd = addMonths(e.startDate, months.max);
  if (e.endDate < earliestEnd || e.endDate > latestEnd) {
    const side = e.endDate < earliestEnd ? `shorter than ${months.min} months` : `longer than ${months.max} months`;
    problems.push({
      field: 'endDate',
      rule: 'duration_range',
      message: `the employment from ${e.startDate} to ${e.endDate} is ${side}, outside the plan's ${rangeText(months)} months: give an exceptionReason`,
    });
  }
  return problems;
}

/** The plan's ranges, unless the social worker has written why this employment goes outside them. */
export function employmentRangeProblems(e: PlannedEmployment, ranges: EmploymentRanges, exceptionReason: string | undefined): ProblemItem[] {
  return exceptionReason?.trim() ? [] : planRangeViolations(e, ranges);
}

/** Which set of young-worker rules applies to the youth on a day. */
export type YouthGroup = 'under_15' | 'in_school_15_17' | 'out_of_school_15_17';

interface Limits {
  /** How the warnings name the group, in Danish. */
  who: string;
  /** Hours a week: in a week with school days, and in a week entirely free of school. */
  weekHours: Record<WeekKind, number>;
  /** The limits in words for the employment's standing warning. */
  summary: string;
}

const LIMITS: Record<YouthGroup, Limits> = {
  under_15: {
    who: 'Den unge er under 15 år',
    weekHours: { school: 12, school_free: 35 },
    summary:
      'kun let arbejde, højst 2 timer på skoledage og 7 timer på andre dage, højst 12 timer i uger med skoledage og 35 timer i helt skolefri uger, og intet arbejde mellem kl. 20 og 6',
  },
  in_school_15_17: {
    who: 'Den unge er 15-17 år og undervisningspligtig',
    weekHours: { school: 12, school_free: 40 },
    summary: 'højst 2 timer på skoledage og 8 timer på andre dage, højst 12 timer i uger med skoledage og 40 timer i helt skolefri uger, og intet arbejde mellem kl. 20 og 6',
  },
  out_of_school_15_17: {
    who: 'Den unge er 15-17 år og ikke længere undervisningspligtig',
    weekHours: { school: 40, school_free: 40 },
    summary: 'højst 8 timer om dagen og 40 timer om ugen',
  },
};

/** What the rules need to know about the youth. */
export interface YoungWorker {
  birthDate: string | null;
  /** What the social worker has said (or the default): whether the youth is still in compulsory schooling. */
  inCompulsorySchooling: boolean;
}

/**
 * Whether the youth can still be in compulsory schooling on a day. It ends on 31 July after 9th
 * grade, and at the latest on 31 July of the year the youth turns 17 (folkeskoleloven § 34), so
 * only the latest end is certain. Without a birth date the youth is taken to be in school.
 */
export function mayBeInCompulsorySchooling(birthDate: string | null, onDate: string): boolean {
  return birthDate === null || onDate <= `${Number(birthDate.slice(0, 4)) + 17}-07-31`;
}

/**
 * The rules that apply on a day, or null from 18. Without a birth date the youth is taken as under
 * 15, whatever ages the plan's programme takes: those limits are the strictest, and a needless
 * reminder is cheaper than a missed one.
 */
export function youthGroupOn(youth: YoungWorker, onDate: string): YouthGroup | null {
  if (youth.birthDate === null) return 'under_15';
  const age = ageOn(youth.birthDate, onDate);
  if (age < YOUNG_WORKER_BELOW_AGE) return 'under_15';
  if (age >= ADULT_AGE) return null;
  return youth.inCompulsorySchooling && mayBeInCompulsorySchooling(youth.birthDate, onDate) ? 'in_school_15_17' : 'out_of_school_15_17';
}

/** 13.5 as Danes write it: 13,5. */
const hours = (n: number) => String(n).replace('.', ',');
/** 2026-04-06 as Danes write it: 06-04-2026. */
const danishDate = (date: string) => date.split('-').reverse().join('-');
const inWeekOf = (group: YouthGroup, kind: WeekKind) =>
  group === 'out_of_school_15_17' ? 'om ugen' : kind === 'school' ? 'i en skoleuge' : 'i en skolefri uge';

/**
 * Warnings for an employment, judged on its start date: the limits that apply, and a warning when
 * the planned weekly hours exceed them. `weekKinds` are the kinds of the employment's weeks; the
 * school-week limit applies as soon as one of them has school days.
 */
export function employmentWarnings(youth: YoungWorker, e: PlannedEmployment, weekKinds: readonly WeekKind[]): Warning[] {
  const group = youthGroupOn(youth, e.startDate);
  if (group === null) return [];
  const limits = LIMITS[group];
  const kind: WeekKind = weekKinds.length > 0 && weekKinds.every((k) => k === 'school_free') ? 'school_free' : 'school';
  const warnings: Warning[] = [];
  if (e.hoursPerWeek > limits.weekHours[kind]) {
    warnings.push({
      rule: 'young_worker_weekly_hours',
      message: `${limits.who} ved ansættelsens start: højst ${limits.weekHours[kind]} timer ${inWeekOf(group, kind)}, og der er planlagt ${hours(e.hoursPerWeek)} timer om ugen`,
    });
  }
  warnings.push({
    rule: group === 'out_of_school_15_17' ? 'young_worker_working_hours' : 'young_worker_school_days',
    message: `${limits.who}: ${limits.summary}. Systemet kender ikke den daglige arbejdstid, så aftal den med arbejdsgiveren`,
  });
  return warnings;
}

/** Warnings for one timesheet week, by the youth's age on its Monday and whether the week had school days. */
export function timesheetWarnings(youth: YoungWorker, weekStart: string, recorded: number, kind: WeekKind): Warning[] {
  const group = youthGroupOn(youth, weekStart);
  if (group === null) return [];
  const limit = LIMITS[group].weekHours[kind];
  if (recorded <= limit) return [];
  return [
    {
      rule: 'young_worker_weekly_hours',
      message: `${LIMITS[group].who}: højst ${limit} timer ${inWeekOf(group, kind)}, og der er registreret ${hours(recorded)} timer i ugen fra ${danishDate(weekStart)}`,
    },
  ];
}
