/**
 * Whether an error means Redis cannot be reached, as ioredis reports it with our settings
 * (redis.module.ts: one retry per command, a command timeout): the command gave up, or the
 * connection is gone. Such errors answer 503 with Retry-After, like an unreachable database,
 * never 500; a command Redis itself refused (a ReplyError) is none of these.
 */
const GONE_MESSAGES = ['Connection is closed', 'Command timed out', "Stream isn't writeable"];

export function isRedisUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return error.name === 'MaxRetriesPerRequestError' || GONE_MESSAGES.some((m) => error.message.startsWith(m));
}
