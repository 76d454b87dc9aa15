import type { Session } from './leader-admin-api';

export interface MonthCount {
  /** `2026-12`, in Danish time */
  month: string;
  sessions: number;
  total: number;
  women: number;
  men: number;
  youth: number;
  adults: number;
}

const monthOf = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', timeZone: 'Europe/Copenhagen' });
const monthName = new Intl.DateTimeFormat('da-DK', { year: 'numeric', month: 'long', timeZone: 'UTC' });

/** `december 2026` for `2026-12`. */
export const monthLabel = (month: string): string => {
  const [year, m] = month.split('-').map(Number);
  return monthName.format(new Date(Date.UTC(year, m - 1, 15)));
};

/**
 * Sessions added up by the Danish month they started in, newest month first. A breakdown left
 * out (null) counts as nothing: the month's women and men may add up to less than its total.
 */
export function countsByMonth(sessions: Session[]): MonthCount[] {
  const months = new Map<string, MonthCount>();
  for (const s of sessions) {
    const parts = monthOf.formatToParts(new Date(s.startsAt));
    const month = `${parts.find((p) => p.type === 'year')!.value}-${parts.find((p) => p.type === 'month')!.value}`;
    const m = months.get(month) ?? { month, sessions: 0, total: 0, women: 0, men: 0, youth: 0, adults: 0 };
    const h = s.headcount;
    m.sessions += 1;
    m.total += h.total;
    m.women += h.women ?? 0;
    m.men += h.men ?? 0;
    m.youth += h.youth ?? 0;
    m.adults += h.adults ?? 0;
    months.set(month, m);
  }
  return [...months.values()].sort((a, b) => b.month.localeCompare(a.month));
}
