import { isDatabaseUnavailable } from '../database/availability';

/** BullMQ's reason for a job whose workers died while running it more often than `maxStalledCount` allows. */
const STALLED_TOO_OFTEN = 'job stalled more than allowable limit';

/**
 * Why a job was given up on, in words a user can pass on to support: infrastructure failures are
 * named as such (they are not the user's doing, and asking again later helps); a failure of the
 * work itself keeps its own message, which the services word for people.
 */
export function readableFailure(message: string | undefined): string {
  const text = message ?? 'no reason was recorded';
  if (text.includes(STALLED_TOO_OFTEN)) {
    return 'the worker computing it stopped unexpectedly twice (it may have run out of memory or been restarted)';
  }
  if (isDatabaseUnavailable({ message: text }) || /\b(ECONNREFUSED|ECONNRESET|ETIMEDOUT)\b/.test(text)) {
    return 'the database could not be reached while it was being computed';
  }
  return text;
}
