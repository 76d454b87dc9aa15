import { Controller, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiNoContentResponse, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Allow } from '../access/allow.decorator';
import { NotFound } from '../common/domain-errors';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { QUEUE_DASHBOARD_COOKIE, QUEUE_DASHBOARD_ROUTE } from './queue-dashboard';

@ApiTags('Queue dashboard')
@Controller('admin/queue-dashboard')
export class QueueDashboardController {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /**
   * For the platform admin's browser: puts this request's access token in a cookie that only the
   * dashboard's pages receive (HttpOnly, SameSite=Strict, path-scoped), for as long as the token
   * lives. Then open /api/v1/admin/queues. Off (404) unless QUEUE_DASHBOARD is on.
   */
  @ApiOperation({ summary: 'Admin: open a browser session for the queue dashboard' })
  @Post('session')
  @HttpCode(204)
  @Allow('admin')
  @ApiNoContentResponse({ description: 'The dashboard cookie is set' })
  @ApiNotFoundResponse({ description: 'The queue dashboard is off (QUEUE_DASHBOARD)' })
  openSession(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): void {
    if (!this.config.queueDashboard) throw new NotFound('The queue dashboard');
    const token = /^Bearer (\S+)$/.exec(request.headers.authorization ?? '')?.[1] ?? '';
    void reply.header(
      'Set-Cookie',
      `${QUEUE_DASHBOARD_COOKIE}=${token}; Path=/api/v1${QUEUE_DASHBOARD_ROUTE}; Max-Age=${this.config.accessTokenTtlSeconds}; HttpOnly; Secure; SameSite=Strict`,
    );
  }
}
