/** Danish formatting shared by the exporters. Dates are shown in Danish time. */

const TIME_ZONE = 'Europe/Copenhagen';

/** Printed where there is no value (not computed, no baseline). */
export const NO_VALUE = '–';

const decimal = new Intl.NumberFormat('da-DK', { useGrouping: false, maximumFractionDigits: 4 });
const grouped = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 2 });
const percent1 = new Intl.NumberFormat('da-DK', { minimumFractionDigits: 1, maximumFractionDigits: 1, useGrouping: false });
const dateLong = new Intl.DateTimeFormat('da-DK', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' });
const dateTimeLong = new Intl.DateTimeFormat('da-DK', { timeZone: TIME_ZONE, dateStyle: 'long', timeStyle: 'short' });

/** A number as Danish Excel reads it: decimal comma, no thousands separator ("0,75", "1234"). */
export function csvNumber(n: number): string {
  return decimal.format(n);
}

/** A number for people: "1.234", "0,75". */
export function readableNumber(n: number): string {
  return grouped.format(n);
}

/** A share (0..1) as percent with one decimal and no sign: 0.75 → "75,0". */
export function percentNumber(share: number): string {
  return percent1.format(share * 100);
}

/** A share (0..1) as "75,0 %" (ordinary space, which every font and program handles). */
export function percentText(share: number): string {
  return `${percentNumber(share)} %`;
}

/** "H1 2026". */
export function halfLabel(year: number, half: 1 | 2): string {
  return `H${half} ${year}`;
}

/** The calendar date (YYYY-MM-DD) an ISO timestamp was written in, as a UTC midnight Date. */
function calendarDate(iso: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) throw new RangeError(`Not an ISO date: ${iso}`);
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
}

/**
 * The period as people say it: "1. januar 2026 – 30. juni 2026". `to` is the exclusive end
 * (midnight after the last day) as the report stores it; a `to` with a time of day is taken as
 * the last day itself.
 */
export function periodText(from: string, to: string): string {
  const end = calendarDate(to);
  if (/T00:00(:00(\.0+)?)?/.test(to) || /^\d{4}-\d{2}-\d{2}$/.test(to)) end.setUTCDate(end.getUTCDate() - 1);
  return `${dateLong.format(calendarDate(from))} – ${dateLong.format(end)}`;
}

/** "22. november 2026 kl. 23.39" in Danish time. */
export function dateTimeText(d: Date): string {
  return dateTimeLong.format(d);
}

/** Units that mean a share (0..1), shown as percent. ("procent" values are already percent.) */
export function isShareUnit(unit: string): boolean {
  return /\bandel\b/i.test(unit);
}

/** Units that count people (or things about them), so small values are suppressed. */
export function isCountUnit(unit: string): boolean {
  return !isShareUnit(unit) && !/procent|%|kr\.?|kroner|score|gennemsnit|point|timer/i.test(unit);
}
