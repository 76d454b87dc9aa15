/** Why a resident's rights refuse a request: code → when it is answered. */
export const RESIDENT_RIGHTS_PROBLEMS = {
  programme_running: 'The youth\'s leisure-job programme is still running; end it (or let it reach an ordinary job) before erasing their data',
} as const;

export type ResidentRightsProblem = keyof typeof RESIDENT_RIGHTS_PROBLEMS;

declare module '../common/problem-code' {
  interface ProblemCodeRegistry extends Record<keyof typeof RESIDENT_RIGHTS_PROBLEMS, true> {}
}
