/** The plans module's refusals: code → when it is answered. */
export const PLANS_PROBLEMS = {
  provisioned_by_admin: 'Only the platform admin adds housing areas and organisations to a plan (the leader edits them)',
  plan_period: 'A plan\'s validTo is before its validFrom',
  duplicate_housing_area: 'The plan already has a housing area with this name',
  duplicate_organisation: 'The plan already has an organisation with this name',
  plan_settings_range: "A range in the plan's settings (programme ages, hours a week, months) has its max below its min",
  approver_not_eligible: "The plan's named approver (approverUserId) is not an active leader, counsellor or social worker of the plan, or is waiting for approval themselves",
} as const;

export type PlansProblem = keyof typeof PLANS_PROBLEMS;

declare module '../common/problem-code' {
  interface ProblemCodeRegistry extends Record<keyof typeof PLANS_PROBLEMS, true> {}
}
