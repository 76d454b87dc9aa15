/** The refusals of the job centre's caseload: code → when it is answered. */
export const JOBCENTRE_PROBLEMS = {
  jobcentre_enrolment_rules_unmet: 'The enrolment starts in the future; `errors` lists each unmet rule',
  jobcentre_enrolment_already_running: 'The person already has a running enrolment in this effort; `existingEnrolmentId` names it',
  jobcentre_enrolment_already_ended: 'The enrolment has already been ended',
  jobcentre_end_rules_unmet: 'The end is before the start or in the future, or a quarter after it is marked active; `errors` lists each',
  jobcentre_quarter_outside_enrolment: 'The enrolment does not run in that quarter, or the quarter has not begun',
} as const;

export type JobcentreProblem = keyof typeof JOBCENTRE_PROBLEMS;

declare module '../common/problem-code' {
  interface ProblemCodeRegistry extends Record<keyof typeof JOBCENTRE_PROBLEMS, true> {}
}
