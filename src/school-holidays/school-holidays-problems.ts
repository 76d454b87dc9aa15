/** The refusals of the school calendar: code → when it is answered. */
export const SCHOOL_HOLIDAYS_PROBLEMS = {
  holiday_period: 'The holiday ends before it starts',
} as const;

export type SchoolHolidaysProblem = keyof typeof SCHOOL_HOLIDAYS_PROBLEMS;

declare module '../common/problem-code' {
  interface ProblemCodeRegistry extends Record<keyof typeof SCHOOL_HOLIDAYS_PROBLEMS, true> {}
}
