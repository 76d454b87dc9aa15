/** The refusals of the volunteers module: code → when it is answered. */
export const VOLUNTEERS_PROBLEMS = {
  volunteer_help_time_unmet: 'occurredAt is in the future, or more than 31 days ago: help is recorded on the day or soon after',
  unknown_volunteer_topic: 'The topic is neither a built-in volunteer-help topic nor one of your plan\'s own (GET /volunteer-help-topics)',
  volunteer_topic_exists: 'A volunteer-help topic with this key exists in your plan',
  volunteer_activity_not_in_plan: 'activityId is not a volunteer-group activity of your plan that is running on the day of the help',
  volunteer_help_not_today: 'Only an entry of today (Danish time) can be corrected or removed; later, ask the plan\'s leader',
  coordinator_not_eligible: 'The volunteers\' coordinator must be an active counsellor or social worker of the plan',
  not_volunteer_coordinator: 'Only the plan\'s leader and the volunteers\' coordinator see the volunteers\' counts',
  volunteer_period_invalid: 'from must be before to, and the period at most two years',
} as const;

export type VolunteersProblem = keyof typeof VOLUNTEERS_PROBLEMS;

declare module '../common/problem-code' {
  interface ProblemCodeRegistry extends Record<keyof typeof VOLUNTEERS_PROBLEMS, true> {}
}
