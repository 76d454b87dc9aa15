import type { ProblemItem } from '../common/domain-errors';
import { ageOn } from '../common/time';

export const INTERNSHIP_OUTCOMES = ['job', 'education', 'ended'] as const;
export type InternshipOutcome = (typeof INTERNSHIP_OUTCOMES)[number];

/** The outcomes in Danish, for what people read (the resident's copy, reports): the one label source. */
export const INTERNSHIP_OUTCOME_LABELS: Record<InternshipOutcome, string> = {
  job: 'Job',
  education: 'Uddannelse',
  ended: 'Afsluttet uden job eller uddannelse',
};

/**
 * An internship's hours a week: at least one (a first step for someone far from the labour market,
 * 004_* "afprøve sig selv i forhold til både timetal og opgaver") and at most a full-time week (37).
 */
export const INTERNSHIP_HOURS = { min: 1, max: 37 } as const;

/** Internships are for adults (004_*: "udsatte ledige"); leisure jobs are the youth's programme. */
export const ADULT_AGE = 18;

export interface InternshipPlan {
  startsOn: string;
  endsOn: string;
  hoursPerWeek: number;
}

/** What is known of the resident's age: an exact birth date, or only a birth year (anonymous residents). */
export interface AgeFacts {
  birthDate: string | null;
  birthYear: number | null;
}

/** Every unmet rule of a new internship; empty when it may be recorded. */
export function internshipProblems(plan: InternshipPlan, resident: AgeFacts): ProblemItem[] {
  const problems: ProblemItem[] = [];
  if (plan.endsOn <= plan.startsOn) {
    problems.push({ field: 'endsOn', rule: 'ends_after_start', message: 'endsOn must be after startsOn' });
  }
  if (plan.hoursPerWeek < INTERNSHIP_HOURS.min || plan.hoursPerWeek > INTERNSHIP_HOURS.max) {
    problems.push({ field: 'hoursPerWeek', rule: 'hours_per_week', message: `hoursPerWeek must be from ${INTERNSHIP_HOURS.min} to ${INTERNSHIP_HOURS.max}` });
  }
  problems.push(...adultProblems(resident, plan.startsOn));
  return problems;
}

/**
 * The resident must be 18 on the first day. With only a birth year the resident counts as adult
 * from the last day of the year they turn 18, the latest their birthday can be: a 17-year-old is
 * never placed in an adult internship by a guess.
 */
export function adultProblems(resident: AgeFacts, startsOn: string, what = 'internships'): ProblemItem[] {
  if (resident.birthDate) {
    const age = ageOn(resident.birthDate, startsOn);
    return age >= ADULT_AGE ? [] : [{ field: 'residentId', rule: 'adult', message: `the resident is ${age} on ${startsOn}; ${what} are for residents of ${ADULT_AGE} or over` }];
  }
  if (resident.birthYear) {
    const certainlyAdultFrom = `${resident.birthYear + ADULT_AGE}-12-31`;
    return startsOn >= certainlyAdultFrom
      ? []
      : [{ field: 'residentId', rule: 'adult', message: `with only the birth year ${resident.birthYear} known, the resident is certainly ${ADULT_AGE} only from ${certainlyAdultFrom}; add the birth date` }];
  }
  return [{ field: 'residentId', rule: 'birth_date_needed', message: `the resident's birth date or birth year is needed to check they are ${ADULT_AGE} or over` }];
}

/** The rule of ending: not before the internship started. */
export function endProblems(startsOn: string, endedOn: string): ProblemItem[] {
  return endedOn < startsOn ? [{ field: 'endedOn', rule: 'ended_not_before_start', message: `endedOn must not be before the internship started (${startsOn})` }] : [];
}
