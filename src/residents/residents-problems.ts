/** Why the residents module refuses a request: code → when it is answered. */
export const RESIDENTS_PROBLEMS = {
  identity_not_allowed: 'An anonymous resident carries no name, birth date, phone or e-mail; a named one needs a name; dates must be possible',
  housing_area_not_in_plan: 'The housing area is not one of your plan\'s',
  not_a_compartment_owner: 'Only counsellors, social workers and caseworkers register residents',
  anonymous_has_no_guardians: 'An anonymous resident cannot have registered guardians; register the resident by name first',
  resident_erased: 'The resident\'s data was erased; nothing new is recorded on the record (register the person anew if they come back)',
  possible_duplicate: 'A resident in your compartment has the same name and birth date, or the same phone (`duplicateIds`); use that record, or send `confirmNotDuplicate: true` to register a different person',
  stale_version: 'The resident changed since you read it (`version`); read it again and retry',
} as const;

export type ResidentsProblem = keyof typeof RESIDENTS_PROBLEMS;

declare module '../common/problem-code' {
  interface ProblemCodeRegistry extends Record<keyof typeof RESIDENTS_PROBLEMS, true> {}
}
