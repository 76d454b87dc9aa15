import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsDate, ValidationArguments } from 'class-validator';

// api.md: instants are ISO 8601 with an offset ("2026-06-30T23:30+02:00" or "...Z"); a bare
// local time would be ambiguous around the change to and from summer time.
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;

/** An ISO 8601 instant with offset, turned into a Date. */
export const IsInstant = () =>
  applyDecorators(
    Transform(({ value }) => (typeof value === 'string' && INSTANT.test(value) ? new Date(value) : value === undefined ? undefined : 'invalid')),
    IsDate({ message: (args: ValidationArguments) => `${args.property} must be an ISO 8601 instant with offset, e.g. 2026-06-30T23:30:00+02:00` }),
  );
