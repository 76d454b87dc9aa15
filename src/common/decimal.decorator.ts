import { ValidateBy, type ValidationArguments } from 'class-validator';

export interface DecimalOptions {
  /** Digits after the decimal point the column keeps (numeric(…, scale)). */
  places: number;
  min: number;
  max: number;
}

/**
 * Whether a number is one the column stores exactly: finite, within [min, max], and with no more
 * decimals than `places`. Checked arithmetically, because "5e-324" or "1e+21" have no decimal
 * point for a text check to count (class-validator's maxDecimalPlaces lets 5e-324 through).
 */
export function isDecimal(value: unknown, { places, min, max }: DecimalOptions): value is number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) return false;
  const scale = 10 ** places;
  return Math.abs(Math.round(value * scale) / scale - value) < 1e-9 * Math.max(1, Math.abs(value));
}

/** A number with at most `places` decimals between `min` and `max`. */
export const IsDecimal = (options: DecimalOptions) =>
  ValidateBy({
    name: 'isDecimal',
    constraints: [options],
    validator: {
      validate: (value: unknown) => isDecimal(value, options),
      defaultMessage: (args?: ValidationArguments) =>
        `${args?.property} must be a number from ${options.min} to ${options.max} with at most ${options.places} decimal${options.places === 1 ? '' : 's'}`,
    },
  });
