import type { Session } from './leader-admin-api';

export interface MonthCount {
  /** `2026-12`, in Danish time */
  month: string;
  sessions: number;
  total: number;
  /** null: no session of the month recorded this breakdown (unknown, not zero). */
  women: number | null;
  men: number | null;
  youth: number | null;
  adults: number | null;
}

const add = (sum: number | null, value: number | null): number | null => (value === null ? sum : (sum ?? 0) + value);

const monthOf = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', timeZone: 'Europe/Copenhagen' });
const monthName = new Intl.DateTimeFormat('da-DK', { year: 'numeric', month: 'long', timeZone: 'UTC' });

const monthShort = new Intl.DateTimeFormat('da-DK', { month: 'short', timeZone: 'UTC' });

/** `dec. 26` for `2026-12`: short enough for under a bar. */
export const monthShortLabel = (month: string): string => {
  const [year, m] = month.split('-').map(Number);
  return `${monthShort.format(new Date(Date.UTC(year, m - 1, 15)))} ${String(year).slice(2)}`;
};

/** `december 2026` for `2026-12`. */
export const monthLabel = (month: string): string => {
  const [year, m] = month.split('-').map(Number);
  return monthName.format(new Date(Date.UTC(year, m - 1, 15)));
};

/**
 * Sessions added up by the Danish month they started in, newest month first. A breakdown left
 * out (null) adds nothing, so the month's women and men may add up to less than its total; a
 * breakdown no session of the month recorded stays null.
 */
export function countsByMonth(sessions: Session[]): MonthCount[] {
  const months = new Map<string, MonthCount>();
  for (const s of sessions) {
    const parts = monthOf.formatToParts(new Date(s.startsAt));
    const month = `${parts.find((p) => p.type === 'year')!.value}-${parts.find((p) => p.type === 'month')!.value}`;
    const m = months.get(month) ?? { month, sessions: 0, total: 0, women: null, men: null, youth: null, adults: null };
    const h = s.headcount;
    m.sessions += 1;
    m.total += h.total;
    m.women = add(m.women, h.women);
    m.men = add(m.men, h.men);
    m.youth = add(m.youth, h.youth);
    m.adults = add(m.adults, h.adults);
    months.set(month, m);
  }
  return [...months.values()].sort((a, b) => b.month.localeCompare(a.month));
}
