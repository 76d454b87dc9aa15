import type { ConnectionOptions, WorkerOptions } from 'bullmq';
import type { AppConfig } from '../config/app-config';

/**
 * How quickly a BullMQ connection comes back after Redis does. BullMQ's own default backs off
 * exponentially up to 20 s between attempts, so work resumed anywhere from 0.1 to 18 s after
 * Redis returned (measured here after 5-30 s outages). Retrying every 250 ms, then every second,
 * resumes it within about a second (measured 0.5 s), at the cost of one connection attempt a
 * second per connection while Redis is down.
 */
export const REDIS_RETRY_MS = (attempt: number) => Math.min(250 * attempt, 1000);

/** BullMQ's connection from REDIS_URL. Workers need `maxRetriesPerRequest: null` to wait out a Redis restart. */
export function bullConnection(redisUrl: string): ConnectionOptions {
  const url = new URL(redisUrl);
  return {
    host: url.hostname,
    port: Number(url.port || 6379),
    username: url.username ? decodeURIComponent(url.username) : undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
    db: url.pathname.length > 1 ? Number(url.pathname.slice(1)) : 0,
    tls: url.protocol === 'rediss:' ? {} : undefined,
    maxRetriesPerRequest: null,
    retryStrategy: REDIS_RETRY_MS,
    // An unreachable host (rather than a refused port) is noticed after 3 s, not ioredis' 10 s.
    connectTimeout: 3000,
  };
}

/**
 * How long a job of a crashed worker waits before another worker takes it over. The worker holds
 * a lock on each job for `jobLockMs` and renews it every half of that; a stalled-job check runs
 * every third of it. A killed worker's job is taken over between jobLockMs/2 and 4/3 x jobLockMs
 * after the kill: 7.5-20 s with the default 15 s (BullMQ's defaults gave 30-60 s), 1.5-4 s with
 * the tests' 3 s. A job stalled twice (two workers died running it) is given up on, not retried
 * again: it may be what kills them. After a Redis error the worker tries again after 1 s, not 15 s.
 */
export function workerTuning(config: Pick<AppConfig, 'jobLockMs'>): Pick<WorkerOptions, 'lockDuration' | 'stalledInterval' | 'maxStalledCount' | 'runRetryDelay'> {
  return {
    lockDuration: config.jobLockMs,
    stalledInterval: Math.max(1000, Math.round(config.jobLockMs / 3)),
    maxStalledCount: 1,
    runRetryDelay: 1000,
  };
}
