import { Controller, Get, Inject, Res } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { Public } from '../access/allow.decorator';
import { withTimeout } from '../jobs/job-queues';
import { REDIS } from '../redis/redis.module';

type Check = { status: 'up' } | { status: 'down'; reason: string };

const PROBE_TIMEOUT_MS = 2000;

async function probe(run: () => Promise<unknown>): Promise<Check> {
  try {
    await withTimeout(run(), PROBE_TIMEOUT_MS, 'no answer');
    return { status: 'up' };
  } catch (error) {
    // Our own words: a driver message may quote connection details.
    return { status: 'down', reason: (error as Error)?.message === `no answer within ${PROBE_TIMEOUT_MS} ms` ? 'no answer in time' : 'not reachable' };
  }
}

@ApiTags('Health')
@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  /** The process is up. */
  @Get('live')
  @Public()
  live() {
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
  @ApiOkResponse({ description: '`{status: "ok" | "degraded", checks: {postgres, redis}}`' })
  @ApiServiceUnavailableResponse({ description: 'PostgreSQL is down' })
  async ready(@Res({ passthrough: true }) reply: FastifyReply) {
    const [postgres, redis] = await Promise.all([probe(() => this.dataSource.query('SELECT 1')), probe(() => this.redis.ping())]);
    const status = postgres.status === 'down' ? 'unavailable' : redis.status === 'down' ? 'degraded' : 'ok';
    if (status === 'unavailable') void reply.status(503).header('Retry-After', '5');
    void reply.header('Cache-Control', 'no-store');
    return { status, checks: { postgres, redis } };
  }
}
