import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsDate, ValidationArguments } from 'class-validator';
import { FIRST_YEAR, isCalendarDate, LAST_YEAR } from './calendar';
import { instantOfPlanWallClock } from './time';

/*
 * api.md: instants are ISO 8601 ("2026-06-30T23:30+02:00" or "...Z"). Without an offset
 * ("2026-03-05T10:15") the time is Danish wall-clock time (Europe/Copenhagen), as a counsellor
 * at the drop-in reads it off the wall (issue 12, part 9): +01:00 in winter, +02:00 in summer.
 * A time the clocks skip in spring (2026-03-29T02:30) is refused; one the clocks show twice in
 * autumn (2026-10-25T02:30) is the first of the two, still summer time (time.ts).
 */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})?$/;

/** What the Transform hands the validator for a Danish time the clocks skip, so the message can say so. */
const SKIPPED_LOCAL_TIME = 'skipped-local-time';

/**
 * Date's parser rolls impossible values over (30 February becomes 2 March, 24:00 the next day);
 * a typo must be refused, not silently moved.
 */
function isRealClockTime(value: string): boolean {
  if (!isCalendarDate(value.slice(0, 10), { anyYear: true })) return false;
  const [hours, minutes, seconds] = [value.slice(11, 13), value.slice(14, 16), value.slice(17, 19)].map(Number);
  if (hours > 23 || minutes > 59 || (value[16] === ':' && seconds > 59)) return false;
  const offset = /([+-])(\d{2}):(\d{2})$/.exec(value);
  return !offset || (Number(offset[2]) <= 14 && Number(offset[3]) <= 59);
}

/** Years an instant may fall in: what is recorded (calendar.ts), or a search bound ("until 2999"). */
const RECORDED = { first: FIRST_YEAR, last: LAST_YEAR };
const SEARCH_BOUND = { first: 1000, last: 9000 };

/** The wall-clock fields of an offset-less time, read as if they were UTC. */
function wallClockAsUtc(value: string): number {
  const [date, time] = value.split('T');
  const [y, mo, d] = date.split('-').map(Number);
  const [h, mi, rest = '0'] = time.split(':');
  const [s, fraction = ''] = rest.split('.');
  return Date.UTC(y, mo - 1, d, Number(h), Number(mi), Number(s), Math.floor(Number(`0.${fraction || '0'}`) * 1000));
}

function readInstant(value: unknown, years: { first: number; last: number }): Date | typeof SKIPPED_LOCAL_TIME | undefined {
  if (typeof value !== 'string' || !INSTANT.test(value) || !isRealClockTime(value)) return undefined;
  const hasOffset = /(Z|[+-]\d{2}:\d{2})$/.test(value);
  const at = hasOffset ? new Date(value) : instantOfPlanWallClock(wallClockAsUtc(value));
  if (!at) return SKIPPED_LOCAL_TIME;
  if (Number.isNaN(at.getTime())) return undefined;
  const year = at.getUTCFullYear();
  return year >= years.first && year <= years.last ? at : undefined;
}

/**
 * A real instant written as ISO 8601, with an offset or in Danish time, in the years dates may
 * have (calendar.ts).
 */
export function parseInstant(value: unknown, years = RECORDED): Date | undefined {
  const at = readInstant(value, years);
  return at instanceof Date ? at : undefined;
}

/**
 * An ISO 8601 instant (with an offset, or Danish time without one), turned into a Date. `searchBound`: a from/to filter, where a
 * far-off year only means "no limit", so a wider range is taken.
 */
export const IsInstant = (options: { searchBound?: boolean } = {}) => {
  const years = options.searchBound ? SEARCH_BOUND : RECORDED;
  return applyDecorators(
    Transform(({ value }) => (value === undefined ? undefined : (readInstant(value, years) ?? 'invalid'))),
    IsDate({
      message: (args: ValidationArguments) =>
        args.value === SKIPPED_LOCAL_TIME
          ? `${args.property} is a time the clocks skip in Denmark when summer time starts (02:00 becomes 03:00); give the time with its offset or the time the clock showed`
          : `${args.property} must be an ISO 8601 instant from ${years.first} to ${years.last}, with an offset or in Danish time, e.g. 2026-06-30T23:30:00+02:00 or 2026-06-30T23:30`,
    }),
  );
};
