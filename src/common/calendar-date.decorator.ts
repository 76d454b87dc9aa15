import { ValidateBy, type ValidationArguments } from 'class-validator';
import { isCalendarDate, isMonday } from './calendar';

/** A date, YYYY-MM-DD (api.md conventions). */
export const IsCalendarDate = () =>
  ValidateBy({
    name: 'isCalendarDate',
    validator: {
      validate: isCalendarDate,
      defaultMessage: (args?: ValidationArguments) => `${args?.property} must be a date (YYYY-MM-DD)`,
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
