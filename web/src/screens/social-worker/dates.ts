/** Today as YYYY-MM-DD in the browser's time zone (the staff are in Denmark, as the plan is). */
export function todayIso(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Now as a datetime-local value (minutes), for "when did it happen" fields. */
export function nowLocal(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${todayIso(now)}T${pad(now.getHours())}:${pad(now.getMinutes())}`;
}

/** The Monday of the week a YYYY-MM-DD day is in. */
export function mondayOf(day: string): string {
  const d = new Date(`${day}T12:00:00`);
  d.setDate(d.getDate() - ((d.getDay() + 6) % 7));
  return todayIso(d);
}

/** Calendar months from start to end, to one decimal: the plan's range is in months. */
export function monthsBetween(start: string, end: string): number {
  const [sy, sm, sd] = start.split('-').map(Number);
  const [ey, em, ed] = end.split('-').map(Number);
  return Math.round(((ey - sy) * 12 + (em - sm) + (ed - sd) / 30) * 10) / 10;
}

/** Whole years between a birth date and a day (both YYYY-MM-DD), as the API judges the programme's age range. */
export function ageOn(birthDate: string, day: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [y, m, d] = day.split('-').map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}
