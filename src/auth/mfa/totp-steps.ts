/** RFC 6238's time step, as every authenticator app has it. */
export const TOTP_PERIOD_SECONDS = 30;
// One 30-second step either side: a phone clock a little off, or a code typed as it turned over.
export const TOLERANCE_SECONDS = 30;

/** The latest time step a code may be from at `epochSeconds` (now, one step of tolerance ahead). */
export function latestAcceptableStep(epochSeconds: number): number {
  return Math.floor((epochSeconds + TOLERANCE_SECONDS) / TOTP_PERIOD_SECONDS);
}

/**
 * The step a new code must come after: the last accepted one, so that no code (nor an earlier one)
 * is accepted twice. When the server's clock has gone back since that step was accepted (an NTP
 * correction, a restored VM) the last step can lie beyond every step acceptable now; it is then
 * capped at the latest acceptable one, so that nothing is accepted until the clock has caught up
 * (the code is refused with 401, not a 500 from the verifier, which throws for such a step).
 */
export function stepToFollow(lastTimeStep: number | null, epochSeconds: number): number | undefined {
  if (lastTimeStep === null) return undefined;
  return Math.max(0, Math.min(lastTimeStep, latestAcceptableStep(epochSeconds)));
}
