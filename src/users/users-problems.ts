/** The users module's refusals (users, invitations, sessions): code → when it is answered. */
export const USERS_PROBLEMS = {
  password_not_allowed: 'A password was given for a new user: staff are invited and set their own, so nobody else (not the leader, not the platform admin) ever knows it',
  weak_password: 'The password is short, common, repetitive or built from the person\'s name or e-mail',
  email_in_use: 'An account (or, for an invitation, a user of the plan) already has this e-mail',
  invitation_pending: 'The e-mail already has an open invitation to the plan; send it again instead',
  invitation_closed: 'The invitation was already accepted or withdrawn',
  invitation_invalid: 'The invitation link was used, withdrawn or has expired',
  password_reset_link_invalid: 'The link to choose a new password (e-mailed at a reset of the second factor) was used, replaced by a newer reset\'s or has expired, or the account was deactivated',
  not_yourself: 'A user tried to deactivate themselves or change their own role',
  role_across_organisations: 'A caseworker would become the plan\'s own staff, or the reverse',
  role_organisation_mismatch: 'The role does not fit the organisation: a caseworker needs a municipal one, the plan\'s own staff none',
  organisation_not_in_plan: 'organisationId is not an organisation of the plan',
  approval_by_requester: 'The one who asked for a grant tried to approve it: another leader, the plan\'s named approver or the platform admin must',
  approval_of_self: 'A user tried to approve or refuse a grant to themselves',
  not_an_approver: 'The caller is neither a leader of the plan, its named approver nor the platform admin',
  no_pending_approval: 'The user has no grant waiting for approval',
} as const;

export type UsersProblem = keyof typeof USERS_PROBLEMS;

declare module '../common/problem-code' {
  interface ProblemCodeRegistry extends Record<keyof typeof USERS_PROBLEMS, true> {}
}
