import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { ACCOUNT_MAIL_QUEUE, ACCOUNTS_QUEUE, INVITATION_MAIL_QUEUE, REMINDERS_QUEUE, RETENTION_QUEUE, STATISTICS_QUEUE } from './queues';

/** The BullMQ queues by name, as outbox rows name them. */
@Injectable()
export class JobQueues {
  private readonly byName: Map<string, Queue>;

  constructor(
    @InjectQueue(STATISTICS_QUEUE) statistics: Queue,
    @InjectQueue(REMINDERS_QUEUE) reminders: Queue,
    @InjectQueue(INVITATION_MAIL_QUEUE) invitationMail: Queue,
    @InjectQueue(RETENTION_QUEUE) retention: Queue,
    @InjectQueue(ACCOUNT_MAIL_QUEUE) accountMail: Queue,
    @InjectQueue(ACCOUNTS_QUEUE) accounts: Queue,
  ) {
    this.byName = new Map([
      [STATISTICS_QUEUE, statistics],
      [REMINDERS_QUEUE, reminders],
      [INVITATION_MAIL_QUEUE, invitationMail],
      [RETENTION_QUEUE, retention],
      [ACCOUNT_MAIL_QUEUE, accountMail],
      [ACCOUNTS_QUEUE, accounts],
    ]);
    // Without a listener BullMQ prints every failed reconnection attempt (one a second while Redis is down) to stderr.
    const logger = new Logger(JobQueues.name);
    for (const [name, queue] of this.byName) queue.on('error', redisErrorLogger(logger, `queue ${name}`));
  }

  get(name: string): Queue | undefined {
    return this.byName.get(name);
  }

  all(): Queue[] {
    return [...this.byName.values()];
  }
}

/** Redis answers within `ms` or the caller moves on: with `maxRetriesPerRequest: null` a command waits for ever while Redis is down. */
export function withTimeout<T>(promise: Promise<T>, ms: number, what = 'Redis did not answer'): Promise<T> {
  let timer: NodeJS.Timeout;
  // unref: a command left waiting on a closed connection must not keep the process alive.
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} within ${ms} ms`)), ms).unref()));
  promise.catch(() => undefined);
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** An 'error' listener for BullMQ: while Redis is down, one line every 30 s rather than one per reconnection attempt. */
export function redisErrorLogger(logger: Logger, what: string): (error: Error) => void {
  let lastLogged = 0;
  return (error) => {
    if (Date.now() - lastLogged < 30_000) return;
    lastLogged = Date.now();
    logger.warn({ errorMessage: error.message }, `${what}: error (BullMQ retries by itself; the next 30 s of errors are not logged)`);
  };
}
