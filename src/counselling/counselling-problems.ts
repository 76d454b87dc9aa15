/** Why the counselling module refuses a request: code → when it is answered. */
export const COUNSELLING_PROBLEMS = {
  duplicate_open_case: 'The resident already has an open case on this topic (`existingCaseId`); a new case is only for a new matter (001_* footnote 7)',
  case_closed: 'The counselling case is closed; reopen it first, or open a new case if this is a new matter',
  case_already_closed: 'The counselling case is already closed',
  case_already_open: 'The counselling case is already open',
  stale_version: 'The case changed since you read it (`version`); read it again and retry',
  consent_required: 'Referring to an organisation needs the resident\'s active share_counselling consent naming it; `latestConsent` names the consent that comes nearest ({id, status: pending | withdrawn | expired | active, scope, givenAt, expiresAt, withdrawnAt, recipientOrganisationIds, namesRecipient}) or is null when none was given',
  referral_recipient_required: 'A referral names a recipient: organisationId or recipientName',
  organisation_not_in_plan: 'The organisation is not one of your plan\'s',
  activity_time_out_of_range: 'The time is on a day (Danish time) before the case was opened, in the future, or before its last activity',
  referral_transition_refused: 'The referral cannot move to that status from the one it has (sent → accepted | rejected | revoked; accepted → completed | revoked); `allowed` lists where it can go',
  referral_status_not_yours: 'A counsellor only revokes a referral; only the receiving organisation\'s caseworker accepts, rejects or completes it',
  unknown_topic: 'The topic is neither built in nor one of your plan\'s own',
  topic_exists: 'A topic with this key exists already',
} as const;

export type CounsellingProblem = keyof typeof COUNSELLING_PROBLEMS;

declare module '../common/problem-code' {
  interface ProblemCodeRegistry extends Record<keyof typeof COUNSELLING_PROBLEMS, true> {}
}
