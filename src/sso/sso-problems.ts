/** Single sign-on's refusals: code → when it is answered. */
export const SSO_PROBLEMS = {
  sso_provider_unknown: 'No single sign-on provider with this id is configured',
  sso_state_invalid: 'The sign-in was not started here, has expired (10 minutes) or was completed already; start again',
  sso_assertion_invalid: 'The provider\'s answer could not be verified (signature, issuer, audience, nonce or expiry)',
  sso_no_role: 'The provider gave none of the roles or privileges mapped to a role here; ask your administrator for access',
  sso_ambiguous_role: 'The provider gave privileges that map to more than one role here; a user has one role',
  sso_no_plan: 'The provider\'s organisation (or CVR) is not mapped to a plan, and there is no invitation for you',
  sso_role_conflict: 'The provider\'s role cannot replace your role here (municipal and boligsocial roles never turn into each other)',
  sso_account_exists: 'An account with your e-mail exists here but is not linked to this provider: sign in with your password and link it (POST /auth/sso/:provider/link); accounts are never linked by e-mail',
  sso_loa_too_low: 'The sign-in\'s NSIS assurance level is below what this plan requires (Betydelig by default)',
  sso_account_inactive: 'Your account here is deactivated; ask your leader to reactivate it',
  sso_profile_incomplete: 'The provider did not give the e-mail address a new account needs; ask your administrator to release the e-mail claim',
  sso_provider_refused: 'The provider did not sign you in (you cancelled, or it refused); start again',
  sso_link_invalid: 'The link to your account is unknown, expired (10 minutes), used or for another provider; start linking again while signed in',
  sso_identity_in_use: 'This provider identity is linked to another account here',
  sso_other_plan: 'The provider signs people in to another plan than your account\'s',
  sso_reauthentication_unproven:
    'The provider did not prove a fresh sign-in for the step-up: its ID token must carry auth_time (Entra ID: the optional claim auth_time), and a recent one',
  sso_logout_token_invalid: 'The back-channel logout token failed its checks (signature, issuer, audience, age, events, sub or sid, nonce) or was used already',
  exchange_code_invalid: 'The one-time sign-in code is unknown, expired (60 seconds) or was used already',
} as const;

export type SsoProblem = keyof typeof SSO_PROBLEMS;

declare module '../common/problem-code' {
  interface ProblemCodeRegistry extends Record<keyof typeof SSO_PROBLEMS, true> {}
}
