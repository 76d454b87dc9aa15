/**
 * The periods indicator values are reported for: a calendar year ("2026") or a half-year
 * ("2026-H1" January-June, "2026-H2" July-December), as the plans report to LBF.
 */
export const INDICATOR_PERIOD_PATTERN = /^(19|20|21)\d{2}(-H[12])?$/;

export interface IndicatorPeriod {
  year: number;
  /** null for a whole year. */
  half: 1 | 2 | null;
}

export function parseIndicatorPeriod(period: string): IndicatorPeriod {
  if (!INDICATOR_PERIOD_PATTERN.test(period)) throw new Error(`not an indicator period: ${period}`);
  const [year, half] = period.split('-H');
  return { year: Number(year), half: half === undefined ? null : (Number(half) as 1 | 2) };
}

export function halfYearPeriod(year: number, half: 1 | 2): string {
  return `${year}-H${half}`;
}

/** The first day of the period (YYYY-MM-DD). */
export function periodStart(period: string): string {
  const { year, half } = parseIndicatorPeriod(period);
  return `${year}-${half === 2 ? '07' : '01'}-01`;
}
