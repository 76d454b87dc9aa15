import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsDate, ValidationArguments } from 'class-validator';
import { FIRST_YEAR, isCalendarDate, LAST_YEAR } from './calendar';

// api.md: instants are ISO 8601 with an offset ("2026-06-30T23:30+02:00" or "...Z"); a bare
// local time would be ambiguous around the change to and from summer time.
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;

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

/** A real instant written as ISO 8601 with offset, in the years dates may have (calendar.ts). */
export function parseInstant(value: unknown, years = RECORDED): Date | undefined {
  if (typeof value !== 'string' || !INSTANT.test(value) || !isRealClockTime(value)) return undefined;
  const at = new Date(value);
  if (Number.isNaN(at.getTime())) return undefined;
  const year = at.getUTCFullYear();
  return year >= years.first && year <= years.last ? at : undefined;
}

/**
 * An ISO 8601 instant with offset, turned into a Date. `searchBound`: a from/to filter, where a
 * far-off year only means "no limit", so a wider range is taken.
 */
export const IsInstant = (options: { searchBound?: boolean } = {}) => {
  const years = options.searchBound ? SEARCH_BOUND : RECORDED;
  return applyDecorators(
    Transform(({ value }) => (value === undefined ? undefined : (parseInstant(value, years) ?? 'invalid'))),
    IsDate({
      message: (args: ValidationArguments) =>
        `${args.property} must be an ISO 8601 instant with offset from ${years.first} to ${years.last}, e.g. 2026-06-30T23:30:00+02:00`,
    }),
  );
};
