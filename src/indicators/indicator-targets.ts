import type { TargetKind } from './plan-indicator.entity';

/**
 * How the target shown next to a half-year's value was derived from the indicator's target:
 * - `half_of_yearly`: half of a yearly amount (18 youth a year → 9 in a half-year);
 * - `half_yearly`: an amount per half-year, as it is;
 * - `level`: a share or level to reach, the same in every period;
 * - `yearly_unscaled`: an older report that stored only the yearly target; shown as a yearly target.
 */
export const TARGET_BASES = ['half_of_yearly', 'half_yearly', 'level', 'yearly_unscaled'] as const;
export type TargetBasis = (typeof TARGET_BASES)[number];

export interface PeriodTarget {
  value: number | null;
  basis: TargetBasis;
}

/** The target for one half-year: never a whole year's amount next to half a year's value. */
export function halfYearTarget(target: number | null, kind: TargetKind): PeriodTarget {
  if (kind === 'level' || kind === 'half_yearly') return { value: target, basis: kind };
  return { value: target === null ? null : target / 2, basis: 'half_of_yearly' };
}
