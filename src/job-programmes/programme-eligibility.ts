import type { ProblemItem } from '../common/domain-errors';
import { ageOn } from '../common/time';

/** The programme is for youth aged 13-15 (domain.md "The leisure-job programme"; 001_* "Fritidsjob"). */
export const PROGRAMME_AGE = { min: 13, max: 15 } as const;

export interface EligibilityFacts {
  birthDate: string | null;
  /** The programme's start, YYYY-MM-DD: age is judged on this day. */
  startedAt: string;
  housingArea: { name: string; jobProgrammeEligible: boolean };
}

/** Every reason the youth cannot start a programme on `startedAt`; empty when they can. */
export function eligibilityProblems(facts: EligibilityFacts): ProblemItem[] {
  const problems: ProblemItem[] = [];
  const { min, max } = PROGRAMME_AGE;
  if (!facts.birthDate) {
    problems.push({
      field: 'residentId',
      rule: 'birth_date_needed',
      message: `the youth's birth date is needed to check the programme's age range (${min}-${max}); add it to the resident first`,
    });
  } else {
    const age = ageOn(facts.birthDate, facts.startedAt);
    if (age < min || age > max) {
      problems.push({
        field: 'residentId',
        rule: 'programme_age',
        message: `the youth is ${age} on ${facts.startedAt}; the programme is for ${min}-${max}-year-olds`,
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
