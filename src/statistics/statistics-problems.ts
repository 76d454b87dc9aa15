/** The half-year statistics' refusals: code → when it is answered. */
export const STATISTICS_PROBLEMS = {
  period_not_begun: 'The requested half-year has not begun; the running half-year can be requested at any time',
  report_requests_throttled: 'The plan already has as many requested reports queued or running as it may have at once; retry after the Retry-After seconds',
  report_not_completed: 'The report is queued, running or failed; it can be exported when it is completed',
} as const;

export type StatisticsProblem = keyof typeof STATISTICS_PROBLEMS;

declare module '../common/problem-code' {
  interface ProblemCodeRegistry extends Record<keyof typeof STATISTICS_PROBLEMS, true> {}
}
