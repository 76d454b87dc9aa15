/** Calendar arithmetic on plain dates (YYYY-MM-DD), free of time zones and summer time. */

const DATE = /^\d{4}-\d{2}-\d{2}$/;

const toUtc = (date: string) => new Date(`${date}T00:00:00Z`);
const fromUtc = (d: Date) => d.toISOString().slice(0, 10);

/**
 * The years a date in this system can fall in: the oldest residents were born in the 1900s, and
 * nothing is planned past the 2100s. Outside this, a date is a typing error or an attack (year 1
 * and 9999 broke date arithmetic further on).
 */
export const FIRST_YEAR = 1900;
export const LAST_YEAR = 2199;

/** Whether a value is a real calendar date written YYYY-MM-DD (not 2026-02-30), in the years above. */
export function isCalendarDate(value: unknown, options: { anyYear?: boolean } = {}): value is string {
  if (typeof value !== 'string' || !DATE.test(value)) return false;
  const year = Number(value.slice(0, 4));
  if (!options.anyYear && (year < FIRST_YEAR || year > LAST_YEAR)) return false;
  const parsed = toUtc(value);
  return !Number.isNaN(parsed.getTime()) && fromUtc(parsed) === value;
}

export function isMonday(date: string): boolean {
  return toUtc(date).getUTCDay() === 1;
}

/** The Monday of the (ISO, Danish) week a date falls in. */
export function mondayOf(date: string): string {
  const d = toUtc(date);
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return fromUtc(d);
}

/** The date `days` days after `date` (negative: before). */
export function addDays(date: string, days: number): string {
  const d = toUtc(date);
  d.setUTCDate(d.getUTCDate() + days);
  return fromUtc(d);
}

/** The date `months` calendar months after `date`; the 31st becomes the month's last day. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const monthIndex = m - 1 + months;
  const year = y + Math.floor(monthIndex / 12);
  const month = ((monthIndex % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return `${year}-${String(month + 1).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}
