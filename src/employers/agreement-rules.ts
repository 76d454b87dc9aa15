import type { ProblemItem } from '../common/domain-errors';

export interface AgreementPeriod {
  signedAt: string;
  validFrom: string;
  validTo?: string | null;
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
