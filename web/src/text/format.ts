/** Danish formats of dates, times and numbers; always Danish time (the plans are in Denmark, whatever the device says). */
const ZONE = 'Europe/Copenhagen';

const dateFormat = new Intl.DateTimeFormat('da-DK', { day: 'numeric', month: 'short', year: 'numeric', timeZone: ZONE });
const timeFormat = new Intl.DateTimeFormat('da-DK', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: ZONE });
const numberFormat = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 2 });

const asDate = (value: Date | string): Date => (typeof value === 'string' ? new Date(value) : value);

/** `7. dec. 2026` */
export function formatDate(value: Date | string): string {
  return dateFormat.format(asDate(value));
}

/** A calendar date of the API (`2026-12-07`, no time of day): `7. dec. 2026`, without a shift across midnight. */
export function formatCalendarDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  return formatDate(new Date(Date.UTC(year, month - 1, day, 12)));
}

/** `14.05` */
export function formatTime(value: Date | string): string {
  return timeFormat.format(asDate(value)).replace(':', '.');
}

/** `7. dec. 2026 kl. 14.05` */
export function formatDateTime(value: Date | string): string {
  return `${formatDate(value)} kl. ${formatTime(value)}`;
}

/** `1.234,5` (decimal comma, dot between thousands) */
export function formatNumber(value: number, fractionDigits?: number): string {
  if (fractionDigits === undefined) return numberFormat.format(value);
  return new Intl.NumberFormat('da-DK', { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits }).format(value);
}
