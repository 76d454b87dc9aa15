/** The refusals of the employers module: code → when it is answered. */
export const EMPLOYERS_PROBLEMS = {
  invalid_cvr: 'The CVR is not 8 digits or fails the modulus-11 check',
  duplicate_cvr: 'The plan already has an employer with this CVR; `existingEmployerId` names it',
  stale_version: 'The employer has changed since you read it; `currentVersion` says the current version',
  agreement_rules_unmet: 'The agreement ends before it starts, or is signed in the future',
  contact_in_future: 'An employer contact is logged once it has taken place: `at` is in the future',
  network_period_unmet: 'The network membership ends before it begins',
  network_membership_overlaps: 'The employer is already in the network for part of that period; `existingMembershipId` names the membership',
  network_membership_ended: 'The network membership has ended already',
  csr_award_exists: 'The plan has given the CSR prize for that year already (one winner a year); `existingAwardId` names it',
  csr_year_unmet: 'The CSR prize is for a year that has not begun',
  unknown_employers: 'An employer named is not one of your plan\'s; `errors` lists each',
} as const;

export type EmployersProblem = keyof typeof EMPLOYERS_PROBLEMS;

declare module '../common/problem-code' {
  interface ProblemCodeRegistry extends Record<keyof typeof EMPLOYERS_PROBLEMS, true> {}
}
