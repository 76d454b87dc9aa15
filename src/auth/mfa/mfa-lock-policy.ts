/**
 * After this many wrong second factors in a row at sign-in (authenticator codes, recovery codes
 * and passkey answers together), the user's second factor locks until their leader or the admin
 * resets it (POST /users/:id/mfa/reset); a proved factor starts the count again.
 *
 * Why 10: NIST SP 800-63B §5.2.2 allows at most 100 consecutive failures, and far fewer is usual.
 * Whoever tries holds the password already. A six-digit code accepted in a window of three time
 * steps is guessed with 3 in 1,000,000 per try: 10 tries give 0.003 %, where Redis's back-off
 * alone still let about 12 % through in a month. The real user, who types a code or two wrong
 * now and then and is back-off-throttled after five, does not reach ten in a row.
 */
export const MFA_LOCK_AFTER_FAILURES = 10;
