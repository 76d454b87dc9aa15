/** The refusals of the småjobs module: code → when it is answered. */
export const SMALL_JOBS_PROBLEMS = {
  small_job_rules_unmet: 'The småjob\'s hours a week are outside 1-15 (a småjob is a few hours); `errors` lists each unmet rule',
  small_job_resident_not_adult: 'Småjobs are for adults: the resident is under 18 on the first day, or their age is not known well enough to tell',
  small_job_employer_not_in_plan: 'The employer is not one of your plan\'s; register the employer first',
  small_job_already_running: 'The resident already has a running småjob with this employer; `existingSmallJobId` names it',
  small_job_already_ended: 'The småjob has already been ended',
  small_job_end_out_of_range: 'The småjob cannot end before it started, nor in the future',
} as const;

export type SmallJobsProblem = keyof typeof SMALL_JOBS_PROBLEMS;

declare module '../common/problem-code' {
  interface ProblemCodeRegistry extends Record<keyof typeof SMALL_JOBS_PROBLEMS, true> {}
}
