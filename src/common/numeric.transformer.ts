import type { ValueTransformer } from 'typeorm';

/** PostgreSQL numeric comes back as a string (it may exceed a JS number); hours fit a number exactly. */
export const NUMERIC_AS_NUMBER: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};
