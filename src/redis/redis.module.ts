import { Global, Inject, Injectable, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { Redis, type Command } from 'ioredis';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { redisErrorLogger } from '../jobs/job-queues';
import { REDIS_RETRY_MS } from '../jobs/redis-connection';

export const REDIS = Symbol('REDIS');

@Injectable()
class RedisShutdown implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}
  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}

/**
 * How long a request waits for Redis at most. Everything the request path asks Redis is a key or a
 * short script that answers in a millisecond; a Redis that does not answer in this time is treated
 * as down. Without a bound a login waited 2 s per command (4 s in all) and /health/ready 2 s while
 * Redis was down, past a load balancer's 1-2 s probe timeout.
 */
export const REDIS_COMMAND_TIMEOUT_MS = 500;
/** How long a starting process waits for Redis before it serves requests without it (degraded). */
const REDIS_START_WAIT_MS = 3000;

/**
 * A Redis that holds the connection but answers nothing (overloaded, paused) would cost every
 * request the full command timeout. The first command that times out drops the connection, so
 * the next ones fail at once (no offline queue) while it reconnects; it is ready again as soon as
 * Redis answers the reconnection's ready check.
 */
class FailFastRedis extends Redis {
  override sendCommand(command: Command, stream?: Parameters<Redis['sendCommand']>[1]): unknown {
    const sent = super.sendCommand(command, stream);
    command.promise.catch((error: unknown) => {
      if ((error as Error)?.message === 'Command timed out' && this.status === 'ready') this.disconnect(true);
    });
    return sent;
  }
}

/**
 * The request path's connection. No offline queue: while the connection is down a command fails
 * at once (503, or the documented fallback: sign-in throttling pauses) instead of waiting for a
 * reconnection; a command on a live connection that gets no answer fails after
 * REDIS_COMMAND_TIMEOUT_MS. It reconnects on the same schedule as BullMQ's connections (at most
 * 1 s apart), so readiness and throttling return with the queues.
 */
async function requestPathRedis(config: AppConfig): Promise<Redis> {
  const redis = new FailFastRedis(config.redisUrl, {
    keyPrefix: `${config.redisPrefix}:`,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: REDIS_COMMAND_TIMEOUT_MS,
    connectTimeout: 3000,
    retryStrategy: REDIS_RETRY_MS,
  });
  // While Redis is down, one line every 30 s rather than one per reconnection attempt.
  redis.on('error', redisErrorLogger(new Logger('Redis'), 'the request path\'s connection'));
  // Without an offline queue, a request arriving before the first connection is up would be
  // refused: wait for it, a bounded time, so a start with Redis down still comes up (degraded).
  await new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      redis.off('ready', done);
      resolve();
    };
    const timer = setTimeout(done, REDIS_START_WAIT_MS).unref();
    redis.once('ready', done);
  });
  return redis;
}

/** One shared Redis connection for small keyed state (login throttling, single-use challenges); BullMQ opens its own. */
@Global()
@Module({
  providers: [
    {
      provide: REDIS,
      inject: [APP_CONFIG],
      useFactory: requestPathRedis,
    },
    RedisShutdown,
  ],
  exports: [REDIS],
})
export class RedisModule {}
