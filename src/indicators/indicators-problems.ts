/** Why the indicators module refuses a request: code → when it is answered. */
export const INDICATORS_PROBLEMS = {
  indicator_value_computed: "The system computes this indicator's value from the half-year report (`metric`); a value is not entered by hand",
  indicator_period_not_started: 'A value is for a year or half-year that has begun (Danish time)',
  indicator_years: "The indicator's target year is before its baseline year",
} as const;

export type IndicatorsProblem = keyof typeof INDICATORS_PROBLEMS;

declare module '../common/problem-code' {
  interface ProblemCodeRegistry extends Record<keyof typeof INDICATORS_PROBLEMS, true> {}
}
