import type { TargetKind } from './plan-indicator.entity';

/**
 * How the target shown next to a half-year's value was derived from the indicator's target:
 * - `half_of_yearly`: half of a yearly amount (18 youth a year → 9 in a half-year);
 * - `half_yearly`: an amount per half-year, as it is;
 * - `level`: a share or level to reach, the same in every period;
 * - `twice_quarterly`: an amount per quarter, twice it for the half-year's two quarters;
 * - `yearly_unscaled`: an older report that stored only the yearly target; shown as a yearly target.
 */
export const TARGET_BASES = ['half_of_yearly', 'half_yearly', 'twice_quarterly', 'level', 'yearly_unscaled'] as const;
export type TargetBasis = (typeof TARGET_BASES)[number];

export interface PeriodTarget {
  value: number | null;
  basis: TargetBasis;
}

/** The target for one half-year: never a whole year's amount next to half a year's value. */
export function halfYearTarget(target: number | null, kind: TargetKind): PeriodTarget {
  if (kind === 'level' || kind === 'half_yearly') return { value: target, basis: kind };
  if (kind === 'quarterly') return { value: target === null ? null : target * 2, basis: 'twice_quarterly' };
  return { value: target === null ? null : target / 2, basis: 'half_of_yearly' };
}

/** How the target shown next to a quarter's value was derived from the indicator's target. */
export const QUARTER_TARGET_BASES = ['quarter_of_yearly', 'half_of_half_yearly', 'quarterly', 'level'] as const;
export type QuarterTargetBasis = (typeof QUARTER_TARGET_BASES)[number];

/** The target for one quarter (004_*: the job centre's indicators are followed "Kvartalsvis"). */
export function quarterTarget(target: number | null, kind: TargetKind): { value: number | null; basis: QuarterTargetBasis } {
  const scaled = (divisor: number) => (target === null ? null : target / divisor);
  switch (kind) {
    case 'level':
      return { value: target, basis: 'level' };
    case 'quarterly':
      return { value: target, basis: 'quarterly' };
    case 'half_yearly':
      return { value: scaled(2), basis: 'half_of_half_yearly' };
    case 'yearly':
      return { value: scaled(4), basis: 'quarter_of_yearly' };
  }
}
