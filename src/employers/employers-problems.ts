/** The refusals of the employers module: code → when it is answered. */
export const EMPLOYERS_PROBLEMS = {
  invalid_cvr: 'The CVR is not 8 digits or fails the modulus-11 check',
  duplicate_cvr: 'The plan already has an employer with this CVR; `existingEmployerId` names it',
  stale_version: 'The employer has changed since you read it; `currentVersion` says the current version',
  agreement_rules_unmet: 'The agreement ends before it starts, or is signed in the future',
} as const;

export type EmployersProblem = keyof typeof EMPLOYERS_PROBLEMS;

declare module '../common/problem-code' {
  interface ProblemCodeRegistry extends Record<keyof typeof EMPLOYERS_PROBLEMS, true> {}
}
