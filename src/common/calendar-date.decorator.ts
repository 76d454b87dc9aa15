import { ValidateBy, type ValidationArguments } from 'class-validator';
import { FIRST_YEAR, isCalendarDate, isMonday, LAST_YEAR } from './calendar';

/** A date, YYYY-MM-DD (api.md conventions). */
export const IsCalendarDate = () =>
  ValidateBy({
    name: 'isCalendarDate',
    validator: {
      validate: (value: unknown) => isCalendarDate(value),
      defaultMessage: (args?: ValidationArguments) => `${args?.property} must be a date (YYYY-MM-DD) from ${FIRST_YEAR} to ${LAST_YEAR}`,
    },
  });

/** A Monday, YYYY-MM-DD: timesheet weeks run Monday to Sunday (ISO weeks, as in Denmark). */
export const IsMonday = () =>
  ValidateBy({
    name: 'isMonday',
    validator: {
      validate: (value: unknown) => isCalendarDate(value) && isMonday(value),
      defaultMessage: (args?: ValidationArguments) => `${args?.property} must be the Monday a week starts on (YYYY-MM-DD)`,
    },
  });
