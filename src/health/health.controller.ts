import { Controller, Get, Inject, Res } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Redis } from 'ioredis';
import type { EntityManager } from 'typeorm';
import { Public } from '../access/allow.decorator';
import { withTimeout } from '../jobs/job-queues';
import { REDIS } from '../redis/redis.module';
import { LiveResponse, ReadyResponse, type DependencyCheck } from './dto/health-response.dto';
import { HealthRepository } from './health.repository';

/**
 * How long readiness waits for each dependency. The answer must come well within a load
 * balancer's probe timeout (1-2 s), or the balancer drops an instance that is only degraded:
 * Redis gets 300 ms (its commands answer in a millisecond, and the connection fails fast while it
 * is down), PostgreSQL 1 s (a pool busy with real work should not make the process look dead).
 */
const PROBE_TIMEOUT_MS = { postgres: 1000, redis: 300 } as const;

async function probe(run: () => Promise<unknown>, timeoutMs: number): Promise<DependencyCheck> {
  try {
    await withTimeout(run(), timeoutMs, 'no answer');
    return { status: 'up' };
  } catch (error) {
    // Our own words: a driver message may quote connection details.
    return { status: 'down', reason: (error as Error)?.message === `no answer within ${timeoutMs} ms` ? 'no answer in time' : 'not reachable' };
  }
}

@ApiTags('Health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthRepository,
    @InjectEntityManager() private readonly manager: EntityManager,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  /** The process is up. */
  @Get('live')
  @Public()
  @ApiOkResponse({ type: LiveResponse })
  live(): LiveResponse {
    return { status: 'ok' };
  }

  /**
   * Whether this process can serve requests, and which dependency is down. Only PostgreSQL makes
   * it unready (503 with Retry-After): without Redis every write still works (background work
   * waits in the outbox, sign-in throttling pauses), so the process stays in rotation and says
   * it is degraded.
   */
  @Get('ready')
  @Public()
  @ApiOkResponse({ type: ReadyResponse, description: '`ok`, or `degraded` when Redis is down' })
  @ApiServiceUnavailableResponse({ type: ReadyResponse, description: 'PostgreSQL is down (`unavailable`)' })
  async ready(@Res({ passthrough: true }) reply: FastifyReply): Promise<ReadyResponse> {
    const [postgres, redis] = await Promise.all([
      probe(() => this.health.ping(this.manager), PROBE_TIMEOUT_MS.postgres),
      probe(() => this.redis.ping(), PROBE_TIMEOUT_MS.redis),
    ]);
    const status: ReadyResponse['status'] = postgres.status === 'down' ? 'unavailable' : redis.status === 'down' ? 'degraded' : 'ok';
    if (status === 'unavailable') void reply.status(503).header('Retry-After', '5');
    void reply.header('Cache-Control', 'no-store');
    return { status, checks: { postgres, redis } };
  }
}
