import { Controller, Get, Inject, Req, Res } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Redis } from 'ioredis';
import type { EntityManager } from 'typeorm';
import { Public } from '../access/allow.decorator';
import { AccessTokenVerifier } from '../auth/access-token-verifier';
import { withTimeout } from '../jobs/job-queues';
import { REDIS } from '../redis/redis.module';
import { SsoHealth } from '../sso/sso-health';
import { LiveResponse, ReadyResponse, type DependencyCheck, type ReadyDetails } from './dto/health-response.dto';
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
    private readonly tokens: AccessTokenVerifier,
    private readonly sso: SsoHealth,
  ) {}

  /** The process is up. */
  @ApiOperation({ summary: 'Liveness: the process is up' })
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
   * it is degraded. With the platform admin's access token it also says what needs the operator's
   * attention (`details`): single sign-on credentials about to expire, a providers file not taken
   * into use. Anyone else, a probe included, gets the same answer as without a token.
   */
  @ApiOperation({ summary: 'Readiness: can this process serve requests' })
  @Get('ready')
  @Public()
  @ApiOkResponse({ type: ReadyResponse, description: '`ok`, or `degraded` when Redis is down' })
  @ApiServiceUnavailableResponse({ type: ReadyResponse, description: 'PostgreSQL is down (`unavailable`)' })
  async ready(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<ReadyResponse> {
    const [postgres, redis] = await Promise.all([
      probe(() => this.health.ping(this.manager), PROBE_TIMEOUT_MS.postgres),
      probe(() => this.redis.ping(), PROBE_TIMEOUT_MS.redis),
    ]);
    const status: ReadyResponse['status'] = postgres.status === 'down' ? 'unavailable' : redis.status === 'down' ? 'degraded' : 'ok';
    if (status === 'unavailable') void reply.status(503).header('Retry-After', '5');
    void reply.header('Cache-Control', 'no-store');
    const details = await this.detailsFor(request.headers.authorization);
    return { status, checks: { postgres, redis }, ...(details ? { details } : {}) };
  }

  /** The details, for a valid access token of the platform admin only; a bad or missing token is not an error here. */
  private async detailsFor(authorization: string | undefined): Promise<ReadyDetails | undefined> {
    const token = /^Bearer ([A-Za-z0-9._~+/=-]+)$/.exec(authorization ?? '')?.[1];
    if (!token) return undefined;
    const caller = await this.tokens.verify(token).catch(() => undefined);
    if (caller?.role !== 'admin') return undefined;
    const sso = this.sso.details();
    return {
      sso: {
        providersLoadedAt: sso.providersLoadedAt.toISOString(),
        reloadError: sso.reloadError ? { at: sso.reloadError.at.toISOString(), message: sso.reloadError.message } : null,
        credentials: sso.credentials.map((c) => ({ ...c, expiresAt: c.expiresAt?.toISOString() ?? null })),
      },
    };
  }
}
