import type { ProblemItem } from '../common/domain-errors';

/** A period of membership in the plan's employer network: first and last day (both included); no end while it runs. */
export interface NetworkPeriod {
  validFrom: string;
  validTo: string | null;
}

/** Two periods share a day (both ends included; an open end runs for ever). */
export function periodsOverlap(a: NetworkPeriod, b: NetworkPeriod): boolean {
  return (a.validTo === null || a.validTo >= b.validFrom) && (b.validTo === null || b.validTo >= a.validFrom);
}

/** The first of `existing` the new period would overlap, if any: an employer is in the network once at a time. */
export function overlappingPeriod<T extends NetworkPeriod>(existing: readonly T[], period: NetworkPeriod): T | undefined {
  return existing.find((p) => periodsOverlap(p, period));
}

/** Whether the employer is a member on the day (both ends included). */
export function isMemberOn(period: NetworkPeriod, onDate: string): boolean {
  return period.validFrom <= onDate && (period.validTo === null || period.validTo >= onDate);
}

/** A period that ends before it starts (422). */
export function networkPeriodProblems(period: NetworkPeriod): ProblemItem[] {
  if (period.validTo !== null && period.validTo < period.validFrom) {
    return [{ field: 'to', rule: 'network_period', message: 'to must not be before from' }];
  }
  return [];
}
