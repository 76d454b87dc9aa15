/** Sign-in's refusals: code → when it is answered. */
export const AUTH_PROBLEMS = {
  invalid_credentials: 'Wrong e-mail or password (or, changing one\'s password, a wrong current password)',
  refresh_token_invalid: 'The refresh token is unknown, expired, used or revoked',
  session_ended: 'The session has ended or the account is no longer active; sign in again',
  token_invalid: 'The access token lacks its expiry or session',
  unauthenticated: 'No valid access token',
  throttled: 'Too many attempts for this account or address; Retry-After says how long to wait',
} as const;

export type AuthProblem = keyof typeof AUTH_PROBLEMS;
