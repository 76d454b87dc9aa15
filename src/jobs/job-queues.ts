import { getQueueToken } from '@nestjs/bullmq';
import { Logger, type Provider } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { QUEUES } from './queues';

/**
 * The BullMQ queues by name, as outbox rows name them: every queue of QUEUES, found by its name, so a
 * queue added to QUEUES is relayed without a second list to keep in step (a queue once missing here
 * held every later job back).
 */
export class JobQueues {
  private readonly byName: Map<string, Queue>;

  /** Nest gives the queues in QUEUES' order (jobsQueuesProvider). */
  constructor(queues: Queue[]) {
    this.byName = new Map(QUEUES.map((name, index) => [name, queues[index]]));
    // Without a listener BullMQ prints every failed reconnection attempt (one a second while Redis is down) to stderr.
    const logger = new Logger(JobQueues.name);
    for (const [name, queue] of this.byName) queue.on('error', redisErrorLogger(logger, `queue ${name}`));
  }

  get(name: string): Queue | undefined {
    return this.byName.get(name);
  }

  names(): string[] {
    return [...this.byName.keys()];
  }

  all(): Queue[] {
    return [...this.byName.values()];
  }
}

export const jobQueuesProvider: Provider = {
  provide: JobQueues,
  inject: QUEUES.map((name) => getQueueToken(name)),
  useFactory: (...queues: Queue[]) => new JobQueues(queues),
};

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
