/** Sign-in's refusals: code → when it is answered. */
export const AUTH_PROBLEMS = {
  invalid_credentials: 'Wrong e-mail or password (or, changing one\'s password, a wrong current password)',
  refresh_token_invalid: 'The refresh token is unknown, expired, used or revoked',
  session_ended: 'The session has ended or the account is no longer active; sign in again',
  token_invalid: 'The access token lacks its expiry or session',
  unauthenticated: 'No valid access token',
  throttled: 'Too many attempts for this account or address; Retry-After says how long to wait',
  single_sign_on_account: 'The account signs in through single sign-on and has no password here',
  mfa_token_invalid: 'The mfaToken is unknown, expired or its sign-in was completed already; sign in again',
  mfa_code_invalid: 'The authenticator code is wrong, expired or was used already',
  recovery_code_invalid: 'The recovery code is wrong or was used already',
  mfa_not_enrolled: 'You have no second factor of this kind; enrol one first',
  totp_already_enrolled: 'You already have an authenticator app; it must be reset before another is enrolled',
  passkey_invalid: 'The passkey\'s answer could not be verified (wrong challenge, origin, signature or an unknown key)',
  passkey_already_registered: 'The passkey is registered already; it is not registered twice',
  step_up_required: 'This read needs a recent sign-in with a second factor; step up with it (POST /auth/step-up) or sign in again, and retry',
  step_up_without_factor: 'You have no second factor to step up with (your role need not use one) (409); sign in again instead',
  mfa_enrolment_closed: 'A second factor was enrolled since this sign-in began (its enrolment is over); sign in again and use that factor',
  last_second_factor: 'Removing this passkey would leave a user whose role must use a second factor with none (409); add another first, or ask your leader to reset',
  csrf_refused: 'A browser-session request (POST /auth/session/*) without `X-Token-Transport: cookie`, or from another site\'s Origin (403)',
  mfa_locked: 'Your second factor is locked after 10 wrong attempts in a row (403); ask your leader (or the admin) to reset it (POST /users/:id/mfa/reset)',
} as const;

export type AuthProblem = keyof typeof AUTH_PROBLEMS;

declare module '../common/problem-code' {
  interface ProblemCodeRegistry extends Record<keyof typeof AUTH_PROBLEMS, true> {}
}
