/** Why the activities module refuses a request: code → when it is answered. */
export const ACTIVITIES_PROBLEMS = {
  unknown_activity_kind: 'The kind is neither built in nor one of your plan\'s own (GET /activity-kinds)',
  activity_kind_exists: 'An activity kind with this key exists already',
  invalid_weekly_slots: 'A weekly slot ends before it starts, or two slots of a weekday overlap',
  activity_dates_unmet: 'The date or time is outside the activity\'s dates, or the activity\'s new dates leave out what is recorded',
  headcount_unmet: 'A head count breakdown exceeds the total, or the total is below the number of named participants',
  session_exists: 'The activity already has a session starting at that time (`existingSessionId`)',
  visit_in_future: 'The visit is in the future; a visitor is recorded when they come',
  visit_outside_slots: 'The visit is not within any of the activity\'s weekly slots (Danish time)',
  enrolment_not_offered: 'The activity takes no enrolments: only courses and activities with rolling intake do',
  already_enrolled: 'The resident already has an open enrolment in the activity (`existingEnrolmentId`)',
  activity_full: 'The activity\'s open enrolments have reached its capacity',
  enrolment_already_ended: 'The enrolment has already ended',
  enrolment_dates_unmet: 'The enrolment ends before it started',
  capacity_below_enrolled: 'The new capacity is below the number of open enrolments',
  stale_version: 'The activity changed since you read it (`version`); read it again and retry',
} as const;

export type ActivitiesProblem = keyof typeof ACTIVITIES_PROBLEMS;

declare module '../common/problem-code' {
  interface ProblemCodeRegistry extends Record<keyof typeof ACTIVITIES_PROBLEMS, true> {}
}
