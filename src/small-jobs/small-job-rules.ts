import type { ProblemItem } from '../common/domain-errors';
import { ageOn } from '../common/time';
import { adultProblems, type AgeFacts } from '../internships/internship-rules';

export const SMALL_JOB_OUTCOMES = ['more_hours', 'ordinary_job', 'ended'] as const;
export type SmallJobOutcome = (typeof SMALL_JOB_OUTCOMES)[number];

/** The outcomes in Danish, for what people read (the resident's copy, reports): the one label source. */
export const SMALL_JOB_OUTCOME_LABELS: Record<SmallJobOutcome, string> = {
  more_hours: 'Flere timer',
  ordinary_job: 'Ordinært job',
  ended: 'Afsluttet',
};

/**
 * A småjob is "få timer" (all four seeds: "småjobs bestående af få timer"): at least one hour a
 * week and at most 15, well under a part-time job; more hours is the outcome `more_hours`.
 */
export const SMALL_JOB_HOURS = { min: 1, max: 15 } as const;

/**
 * Age groups of the report, by age on the first day. 30-64 is the seeds' group (003_* Holstebro:
 * "Antallet af beboere i alderen 30 - 64 år der er i småjobs stiger"); 18-29 and 65+ are the rest
 * of the adults, and `unknown` a resident with only a birth year whose age on the day is not certain.
 */
export const SMALL_JOB_AGE_GROUPS = ['18-29', '30-64', '65+', 'unknown'] as const;
export type SmallJobAgeGroup = (typeof SMALL_JOB_AGE_GROUPS)[number];

export const SMALL_JOB_AGE_GROUP_LABELS: Record<SmallJobAgeGroup, string> = {
  '18-29': '18-29 år',
  '30-64': '30-64 år',
  '65+': '65 år og derover',
  unknown: 'Ukendt alder',
};

export interface SmallJobPlan {
  startsOn: string;
  hoursPerWeek: number;
}

/** Every unmet rule of a new småjob except the resident's age (refused with its own code); empty when it may be recorded. */
export function smallJobProblems(plan: SmallJobPlan): ProblemItem[] {
  if (plan.hoursPerWeek < SMALL_JOB_HOURS.min || plan.hoursPerWeek > SMALL_JOB_HOURS.max) {
    return [{ field: 'hoursPerWeek', rule: 'hours_per_week', message: `hoursPerWeek must be from ${SMALL_JOB_HOURS.min} to ${SMALL_JOB_HOURS.max}: a småjob is a few hours a week` }];
  }
  return [];
}

/** Småjobs are for adults: a youth under 18 has the leisure-job programme (the same rule as internships). */
export function smallJobAgeProblems(resident: AgeFacts, startsOn: string): ProblemItem[] {
  return adultProblems(resident, startsOn, 'småjobs');
}

/** The age group of a resident on the first day; with only a birth year, a group only when the whole year falls in it. */
export function ageGroupOn(resident: AgeFacts, startsOn: string): SmallJobAgeGroup {
  if (resident.birthDate) return groupOf(ageOn(resident.birthDate, startsOn));
  if (!resident.birthYear) return 'unknown';
  const startYear = Number(startsOn.slice(0, 4));
  const youngest = groupOf(startYear - resident.birthYear - 1);
  const oldest = groupOf(startYear - resident.birthYear);
  return youngest === oldest ? youngest : 'unknown';
}

function groupOf(age: number): SmallJobAgeGroup {
  if (age < 30) return '18-29';
  if (age < 65) return '30-64';
  return '65+';
}

/** The rule of ending: not before the småjob started. */
export function endProblems(startsOn: string, endedOn: string): ProblemItem[] {
  return endedOn < startsOn ? [{ field: 'endedOn', rule: 'ended_not_before_start', message: `endedOn must not be before the småjob started (${startsOn})` }] : [];
}
