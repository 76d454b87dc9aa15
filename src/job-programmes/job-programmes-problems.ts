/** The refusals of the job-programmes module: code → when it is answered. */
export const JOB_PROGRAMMES_PROBLEMS = {
  programme_already_running: 'The youth already has an open job programme; `existingProgrammeId` names it',
  programme_not_eligible: "The youth is outside the plan's age range on the start day, has no birth date, or does not live in an eligible housing area",
  programme_finished: 'The programme is finished (ordinary_job or ended) and takes no more changes',
  stale_version: 'The programme or match has changed since you read it; `currentVersion` says the current version',
  guard_unmet: 'The phase change is not allowed from this phase, or its guards are not met; `errors` lists every unmet one',
  transition_timing: 'The phase change is dated in the future or before the previous phase change',
  guard_passed: 'The change would undo a requirement the programme met to reach its phase; `errors` names each',
  conversation_in_future: 'The conversation has not taken place yet',
  employer_not_in_plan: 'The employer is not one of your plan',
  another_match_accepted: 'Another match of the programme is accepted; `acceptedMatchId` names it',
  employment_rules_unmet: 'The employment breaks a rule of the plan or names an employer, guardian or dates it may not; `errors` lists each',
  timesheets_outside_employment: 'Recorded timesheets would fall outside the employment; `weeks` lists them',
  timesheet_week_recorded: 'The week already has a timesheet; `existingTimesheetId` names it',
  no_employment: 'No employment is recorded yet: record it before its timesheets',
  timesheet_week_outside_employment: 'The week is before the employment starts, after it ended, or has not begun',
} as const;

export type JobProgrammesProblem = keyof typeof JOB_PROGRAMMES_PROBLEMS;

declare module '../common/problem-code' {
  interface ProblemCodeRegistry extends Record<keyof typeof JOB_PROGRAMMES_PROBLEMS, true> {}
}
