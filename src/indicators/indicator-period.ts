/**
 * The periods indicator values are reported for: a calendar year ("2026"), a half-year
 * ("2026-H1" January-June, "2026-H2" July-December), as the plans report to LBF, or a quarter
 * ("2026-Q1" January-March … "2026-Q4"), as the job centre reports its caseload (004_* Sønderborg:
 * "Antal beboere omfattet af det fremskudte jobcenter … Kvartalsvis").
 */
export const INDICATOR_PERIOD_PATTERN = /^(19|20|21)\d{2}(-H[12]|-Q[1-4])?$/;

export const INDICATOR_PERIOD_MESSAGE = 'period must be a year (2026), a half-year (2026-H1, 2026-H2) or a quarter (2026-Q1 … 2026-Q4)';

export interface IndicatorPeriod {
  year: number;
  /** null for a whole year; for a quarter, the half-year it lies in (a quarter never crosses one). */
  half: 1 | 2 | null;
  /** null for a year or a half-year. */
  quarter: 1 | 2 | 3 | 4 | null;
}

export function parseIndicatorPeriod(period: string): IndicatorPeriod {
  if (!INDICATOR_PERIOD_PATTERN.test(period)) throw new Error(`not an indicator period: ${period}`);
  const [year, part] = period.split('-');
  if (part === undefined) return { year: Number(year), half: null, quarter: null };
  if (part.startsWith('H')) return { year: Number(year), half: Number(part.slice(1)) as 1 | 2, quarter: null };
  const quarter = Number(part.slice(1)) as 1 | 2 | 3 | 4;
  return { year: Number(year), half: quarter <= 2 ? 1 : 2, quarter };
}

export function halfYearPeriod(year: number, half: 1 | 2): string {
  return `${year}-H${half}`;
}

/** The period's first day and the first day after it (YYYY-MM-DD): the half-open range of its days. */
export function periodBounds(period: string): { fromDate: string; toDate: string } {
  const { year, half, quarter } = parseIndicatorPeriod(period);
  const month = (m: number) => String(m).padStart(2, '0');
  if (quarter !== null) {
    const first = (quarter - 1) * 3 + 1;
    return { fromDate: `${year}-${month(first)}-01`, toDate: quarter === 4 ? `${year + 1}-01-01` : `${year}-${month(first + 3)}-01` };
  }
  if (half === 1) return { fromDate: `${year}-01-01`, toDate: `${year}-07-01` };
  if (half === 2) return { fromDate: `${year}-07-01`, toDate: `${year + 1}-01-01` };
  return { fromDate: `${year}-01-01`, toDate: `${year + 1}-01-01` };
}

/** The first day of the period (YYYY-MM-DD). */
export function periodStart(period: string): string {
  return periodBounds(period).fromDate;
}
