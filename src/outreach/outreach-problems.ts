/** The refusals of the outreach module: code → when it is answered. */
export const OUTREACH_PROBLEMS = {
  outreach_list_expired: 'The list is past its retention: its names have been (or are about to be) deleted, so no one can be added or visited from it',
  outreach_case_needs_talk: 'A counselling case is opened from a talk at the door: the attempt\'s outcome must be `talked` or `offer_accepted`',
  outreach_person_has_case: 'A counselling case was already opened for this person from the list; `residentId` and `caseId` name them',
  outreach_attempt_in_future: 'The attempt is in the future; record a visit when it has happened',
} as const;

export type OutreachProblem = keyof typeof OUTREACH_PROBLEMS;

declare module '../common/problem-code' {
  interface ProblemCodeRegistry extends Record<keyof typeof OUTREACH_PROBLEMS, true> {}
}
