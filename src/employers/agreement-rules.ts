import type { ProblemItem } from '../common/domain-errors';

export interface AgreementPeriod {
  signedAt: string;
  validFrom: string;
  validTo?: string | null;
}

/** Whether a YYYY-MM-DD string names a day that exists (not 2026-02-30). */
export function isCalendarDate(value: string): boolean {
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

/** Dates that are well formed but name no real day: bad input (400), by field. */
export function agreementDateProblems(period: AgreementPeriod): ProblemItem[] {
  const fields = ['signedAt', 'validFrom', 'validTo'] as const;
  return fields
    .filter((field) => period[field] && !isCalendarDate(period[field] as string))
    .map((field) => ({ field, message: `${field} is not a calendar date` }));
}

/** The rules a samarbejdsaftale must meet (422), every unmet one listed; `today` is the plan's day. */
export function agreementRuleProblems(period: AgreementPeriod, today: string): ProblemItem[] {
  const problems: ProblemItem[] = [];
  if (period.validTo && period.validTo < period.validFrom) {
    problems.push({ field: 'validTo', rule: 'agreement_period', message: 'validTo must not be before validFrom' });
  }
  if (period.signedAt > today) {
    problems.push({ field: 'signedAt', rule: 'signed_not_in_future', message: 'signedAt cannot be in the future; record the agreement once it is signed' });
  }
  return problems;
}

/** An agreement covers a day from its first day to its last, both included; no end means open-ended. */
export function isAgreementActive(period: { validFrom: string; validTo: string | null }, onDate: string): boolean {
  return period.validFrom <= onDate && (period.validTo === null || period.validTo >= onDate);
}
