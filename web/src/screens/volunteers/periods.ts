/** The periods the counts are shown for, as Danish calendar days (both included). */
export const PERIODS = ['half', 'previousHalf', 'month', 'year'] as const;
export type PeriodChoice = (typeof PERIODS)[number];

const pad = (n: number) => String(n).padStart(2, '0');
const lastDayOf = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** From and to of a period around `today` (YYYY-MM-DD, Danish time). */
export function periodDays(choice: PeriodChoice, today: string): { from: string; to: string } {
  const [year, month] = today.split('-').map(Number);
  const firstHalf = month <= 6;
  switch (choice) {
    case 'half':
      return { from: `${year}-${firstHalf ? '01' : '07'}-01`, to: today };
    case 'previousHalf':
      return firstHalf ? { from: `${year - 1}-07-01`, to: `${year - 1}-12-31` } : { from: `${year}-01-01`, to: `${year}-06-30` };
    case 'month':
      return { from: `${year}-${pad(month)}-01`, to: `${year}-${pad(month)}-${pad(lastDayOf(year, month))}` };
    case 'year':
      return { from: `${year}-01-01`, to: `${year}-12-31` };
  }
}
