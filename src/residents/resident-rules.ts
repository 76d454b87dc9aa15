import { isCalendarDate } from '../common/calendar';
import type { ProblemItem } from '../common/domain-errors';
import { todayInPlanZone } from '../common/time';

export interface IdentityFields {
  firstName?: string | null;
  lastName?: string | null;
  birthDate?: string | null;
  birthYear?: number | null;
  phone?: string | null;
  email?: string | null;
}

/** Fields that identify a person; an anonymous resident may carry none of them (data minimisation). */
export const IDENTIFYING_FIELDS = ['firstName', 'lastName', 'birthDate', 'phone', 'email'] as const;

/** Checks a resident's identity fields as they will be stored; returns every problem, by field. */
export function identityProblems(anonymous: boolean, fields: IdentityFields, today = todayInPlanZone()): ProblemItem[] {
  const problems: ProblemItem[] = [];
  if (anonymous) {
    for (const field of IDENTIFYING_FIELDS) {
      if (fields[field] !== undefined && fields[field] !== null) {
        problems.push({ field, message: `an anonymous resident has no ${field}` });
      }
    }
  } else if (!fields.firstName && !fields.lastName) {
    problems.push({ field: 'firstName', message: 'a named resident needs a first or last name (or register the resident as anonymous)' });
  }
  if (fields.birthDate) {
    if (!isCalendarDate(fields.birthDate)) {
      problems.push({ field: 'birthDate', message: 'birthDate is not a calendar date' });
    } else if (fields.birthDate > today) {
      problems.push({ field: 'birthDate', message: 'birthDate is in the future' });
    } else if (fields.birthYear !== undefined && fields.birthYear !== null && Number(fields.birthDate.slice(0, 4)) !== fields.birthYear) {
      problems.push({ field: 'birthYear', message: 'birthYear does not match birthDate' });
    }
  }
  if (fields.birthYear && fields.birthYear > Number(today.slice(0, 4))) {
    problems.push({ field: 'birthYear', message: 'birthYear is in the future' });
  }
  return problems;
}
