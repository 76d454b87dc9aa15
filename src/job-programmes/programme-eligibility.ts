import type { ProblemItem } from '../common/domain-errors';
import { ageOn } from '../common/time';
import { rangeText, type Range } from '../plans/plan-settings';

export interface EligibilityFacts {
  birthDate: string | null;
  /** The programme's start, YYYY-MM-DD: age is judged on this day. */
  startedAt: string;
  housingArea: { name: string; jobProgrammeEligible: boolean };
}

/**
 * Every reason the youth cannot start a programme on `startedAt`; empty when they can. `ages` is
 * the plan's setting: plans differ (001_* Ishøj: 13-15; 002_* Varde: 13-18 år, i.e. 13-17).
 */
export function eligibilityProblems(facts: EligibilityFacts, ages: Range): ProblemItem[] {
  const problems: ProblemItem[] = [];
  const { min, max } = ages;
  if (!facts.birthDate) {
    problems.push({
      field: 'residentId',
      rule: 'birth_date_needed',
      message: `the youth's birth date is needed to check the programme's age range (${rangeText(ages)}); add it to the resident first`,
    });
  } else {
    const age = ageOn(facts.birthDate, facts.startedAt);
    if (age < min || age > max) {
      problems.push({
        field: 'residentId',
        rule: 'programme_age',
        message: `the youth is ${age} on ${facts.startedAt}; the programme is for ${rangeText(ages)}-year-olds`,
      });
    }
  }
  if (!facts.housingArea.jobProgrammeEligible) {
    problems.push({
      field: 'residentId',
      rule: 'eligible_housing_area',
      message: `${facts.housingArea.name} is not an eligible housing area for the leisure-job programme`,
    });
  }
  return problems;
}
