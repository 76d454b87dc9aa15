import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import { getQueueToken } from '@nestjs/bullmq';
import type { INestApplication } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AccessTokenVerifier } from '../auth/access-token-verifier';
import { toProblem } from '../common/problem.filter';
import { QUEUES } from './queues';

export const QUEUE_DASHBOARD_ROUTE = '/admin/queues';
/** A cookie the dashboard accepts instead of the Authorization header, because a browser page cannot send one. */
export const QUEUE_DASHBOARD_COOKIE = 'hp_queue_dashboard';

/**
 * Mounts bull-board, the queue dashboard, at `prefix` (only when QUEUE_DASHBOARD is on). It shows
 * job payloads and can pause queues and add jobs, so it is for the platform admin only, checked
 * like the rest of the API: a valid access token of an open session of an active admin.
 *
 * The check is a hook of the Fastify plugin context the dashboard's routes are registered in, so
 * it runs for every request Fastify routes to the dashboard, however its path is spelled
 * (`/admin/%71ueues` once slipped past a check on the path's text).
 */
export async function mountQueueDashboard(app: INestApplication, prefix: string): Promise<void> {
  const verifier = app.get(AccessTokenVerifier, { strict: false });
  const serverAdapter = new FastifyAdapter();
  serverAdapter.setBasePath(prefix);
  createBullBoard({
    queues: QUEUES.map((name) => new BullMQAdapter(app.get<Queue>(getQueueToken(name), { strict: false }))),
    serverAdapter,
    options: { uiConfig: { boardTitle: 'Helhedsplan køer' } },
  });
  const fastify = app.getHttpAdapter().getInstance() as FastifyInstance;
  await fastify.register(
    async (scope) => {
      scope.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
        try {
          const token = bearerToken(request) ?? dashboardCookie(request);
          const user = token ? await verifier.verify(token) : undefined;
          if (user?.role === 'admin') return;
          await refuse(reply, user ? 403 : 401);
        } catch (error) {
          const problem = toProblem(error);
          await reply.code(problem.status).header('Content-Type', 'application/problem+json').header('Cache-Control', 'no-store').send(problem);
        }
      });
      await scope.register(serverAdapter.registerPlugin());
    },
    { prefix },
  );
}

async function refuse(reply: FastifyReply, status: 401 | 403): Promise<void> {
  await reply
    .code(status)
    .header('Content-Type', 'application/problem+json')
    .header('Cache-Control', 'no-store')
    .send({
      type: 'about:blank',
      title: status === 401 ? 'Unauthorized' : 'Forbidden',
      status,
      code: status === 401 ? 'unauthenticated' : 'forbidden',
      detail: 'The queue dashboard is for the platform administrator: send their access token, or open a dashboard session first (POST /api/v1/admin/queue-dashboard/session)',
    });
}

function bearerToken(request: FastifyRequest): string | undefined {
  return /^Bearer ([A-Za-z0-9._-]{20,4096})$/.exec(request.headers.authorization ?? '')?.[1];
}

function dashboardCookie(request: FastifyRequest): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === QUEUE_DASHBOARD_COOKIE) return /^[A-Za-z0-9._-]{20,4096}$/.test(value.join('=')) ? value.join('=') : undefined;
  }
  return undefined;
}
