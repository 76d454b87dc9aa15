import { PLAN_TIME_ZONE } from '../common/time';

export interface HalfYear {
  year: number;
  half: 1 | 2;
}

/**
 * A half-year's bounds as local dates in the plan's time zone: H1 is January-June, H2 July-December.
 * The SQL turns these into instants with `AT TIME ZONE 'Europe/Copenhagen'`, so a contact at
 * 23:30 on 30 June (summer time, 21:30 UTC) falls in H1 and one at 00:15 on 1 July in H2.
 */
export function periodDates({ year, half }: HalfYear): { fromDate: string; toDate: string } {
  return half === 1 ? { fromDate: `${year}-01-01`, toDate: `${year}-07-01` } : { fromDate: `${year}-07-01`, toDate: `${year + 1}-01-01` };
}

/** The half-year a moment falls in, in the plan's time zone. */
export function halfYearOf(at: Date): HalfYear {
  const [year, month] = at.toLocaleDateString('sv-SE', { timeZone: PLAN_TIME_ZONE }).split('-').map(Number);
  return { year, half: month <= 6 ? 1 : 2 };
}

export function previousHalfYear(at: Date): HalfYear {
  const current = halfYearOf(at);
  return current.half === 2 ? { year: current.year, half: 1 } : { year: current.year - 1, half: 2 };
}

export type PeriodState = 'past' | 'running' | 'future';

/** A report of the running half-year is interim: its numbers can still change. */
export function periodState(period: HalfYear, now = new Date()): PeriodState {
  const current = halfYearOf(now);
  const key = (p: HalfYear) => p.year * 2 + p.half;
  if (key(period) < key(current)) return 'past';
  return key(period) === key(current) ? 'running' : 'future';
}
