/** The refusals of the internships module: code → when it is answered. */
export const INTERNSHIPS_PROBLEMS = {
  internship_rules_unmet: 'The internship ends before it starts, its hours a week are outside 1-37, or the resident is not 18 or over on the first day (or their age is unknown); `errors` lists each',
  internship_employer_not_in_plan: 'The employer is not one of your plan\'s; register the employer first',
  internship_already_running: 'The resident already has a running internship with this employer; `existingInternshipId` names it',
  internship_already_ended: 'The internship has already been ended',
  internship_end_before_start: 'The internship cannot end before it started',
} as const;

export type InternshipsProblem = keyof typeof INTERNSHIPS_PROBLEMS;

declare module '../common/problem-code' {
  interface ProblemCodeRegistry extends Record<keyof typeof INTERNSHIPS_PROBLEMS, true> {}
}
