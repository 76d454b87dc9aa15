import type { ProblemItem } from '../common/domain-errors';
import { ageOn } from '../common/time';
import { addMonths } from '../common/calendar';

/**
 * The plan's ranges for a leisure job and the Danish rules for young workers.
 *
 * The plan (001_* "Fritidsjob"; domain.md) aims at about 3-5 months of 2-6 hours a week; going
 * outside needs a reason the social worker writes down. The working-environment rules for
 * youth under 15 (Arbejdstilsynet, bekendtgørelse om unges arbejde) allow light work only, at
 * most 2 hours on a school day and 12 hours in a school week, between 06:00 and 20:00. The
 * system sees hours per week, not the daily schedule, so these are warnings, never refusals.
 */

export const PLAN_HOURS_PER_WEEK = { min: 2, max: 6 } as const;
export const PLAN_DURATION_MONTHS = { min: 3, max: 5 } as const;

/** Under this age the rules for the youngest workers (13-14 years) apply. */
export const YOUNG_WORKER_BELOW_AGE = 15;
export const YOUNG_WORKER_MAX_HOURS_PER_SCHOOL_WEEK = 12;

export interface Warning {
  rule: string;
  message: string;
}

export interface PlannedEmployment {
  startDate: string;
  endDate: string;
  hoursPerWeek: number;
}

/** Every one of the plan's ranges the employment is outside of; each needs an exceptionReason. */
export function planRangeViolations(e: PlannedEmployment): ProblemItem[] {
  const problems: ProblemItem[] = [];
  const { min: minHours, max: maxHours } = PLAN_HOURS_PER_WEEK;
  if (e.hoursPerWeek < minHours || e.hoursPerWeek > maxHours) {
    problems.push({
      field: 'hoursPerWeek',
      rule: 'hours_per_week_range',
      message: `${e.hoursPerWeek} hours a week is outside the plan's ${minHours}-${maxHours} hours a week: give an exceptionReason`,
    });
  }
  const { min: minMonths, max: maxMonths } = PLAN_DURATION_MONTHS;
  const earliestEnd = addMonths(e.startDate, minMonths);
  const latestEnd = addMonths(e.startDate, maxMonths);
  if (e.endDate < earliestEnd || e.endDate > latestEnd) {
    const side = e.endDate < earliestEnd ? `shorter than ${minMonths} months` : `longer than ${maxMonths} months`;
    problems.push({
      field: 'endDate',
      rule: 'duration_range',
      message: `the employment from ${e.startDate} to ${e.endDate} is ${side}, outside the plan's ${minMonths}-${maxMonths} months: give an exceptionReason`,
    });
  }
  return problems;
}

/** The plan's ranges, unless the social worker has written why this employment goes outside them. */
export function employmentRangeProblems(e: PlannedEmployment, exceptionReason: string | undefined): ProblemItem[] {
  return exceptionReason?.trim() ? [] : planRangeViolations(e);
}

/**
 * Whether the young-worker rules apply on a day. Without a birth date the youth is taken as
 * under 15: the programme is for 13-15-year-olds, and a needless reminder is cheaper than a
 * missed one.
 */
export function isYoungWorker(birthDate: string | null, onDate: string): boolean {
  return birthDate === null || ageOn(birthDate, onDate) < YOUNG_WORKER_BELOW_AGE;
}

/** Warnings for an employment of a youth under 15 at its start. */
export function employmentWarnings(birthDate: string | null, e: PlannedEmployment): Warning[] {
  if (!isYoungWorker(birthDate, e.startDate)) return [];
  const warnings: Warning[] = [];
  if (e.hoursPerWeek > YOUNG_WORKER_MAX_HOURS_PER_SCHOOL_WEEK) {
    warnings.push({
      rule: 'young_worker_weekly_hours',
      message: `the youth is under 15 at the start: at most ${YOUNG_WORKER_MAX_HOURS_PER_SCHOOL_WEEK} hours in a school week, and ${e.hoursPerWeek} hours a week are planned`,
    });
  }
  warnings.push({
    rule: 'young_worker_school_days',
    message:
      'the youth is under 15: light work only, at most 2 hours on a school day and only between 06:00 and 20:00; the system cannot see the daily schedule, so agree it with the employer',
  });
  return warnings;
}

/** Warnings for one timesheet week of a youth under 15 in that week. */
export function timesheetWarnings(birthDate: string | null, weekStart: string, hours: number): Warning[] {
  if (!isYoungWorker(birthDate, weekStart) || hours <= YOUNG_WORKER_MAX_HOURS_PER_SCHOOL_WEEK) return [];
  return [
    {
      rule: 'young_worker_weekly_hours',
      message: `the youth is under 15: at most ${YOUNG_WORKER_MAX_HOURS_PER_SCHOOL_WEEK} hours in a school week, and ${hours} hours are recorded for the week of ${weekStart}`,
    },
  ];
}
