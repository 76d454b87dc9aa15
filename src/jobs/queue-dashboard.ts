import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import { getQueueToken } from '@nestjs/bullmq';
import type { INestApplication } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import { LoginThrottle } from '../auth/login-throttle';
import { verifyPassword } from '../auth/passwords';
import { PlansService } from '../plans/plans.service';
import { REMINDERS_QUEUE, STATISTICS_QUEUE } from './queues';

export const QUEUE_DASHBOARD_ROUTE = '/admin/queues';
const SESSION_MS = 5 * 60 * 1000;

/** Mounts bull-board, the queue dashboard, at `prefix`, behind the admin check below. */
export async function mountQueueDashboard(app: INestApplication, prefix: string): Promise<void> {
  protectQueueDashboard(app, prefix);
  const serverAdapter = new FastifyAdapter();
  serverAdapter.setBasePath(prefix);
  createBullBoard({
    queues: [STATISTICS_QUEUE, REMINDERS_QUEUE].map((name) => new BullMQAdapter(app.get<Queue>(getQueueToken(name), { strict: false }))),
    serverAdapter,
    options: { uiConfig: { boardTitle: 'Helhedsplan køer' } },
  });
  await (app.getHttpAdapter().getInstance() as FastifyInstance).register(serverAdapter.registerPlugin(), { prefix });
}

/**
 * The queue dashboard (bull-board) is a browser page outside the JSON API, so it is guarded by a
 * Fastify hook on every path under it: HTTP Basic with an active admin account, the same argon2
 * check and failed-login throttling as /auth/login. Nobody else sees job payloads or retries jobs.
 */
function protectQueueDashboard(app: INestApplication, prefix: string): void {
  const plans = app.get(PlansService, { strict: false });
  const throttle = app.get(LoginThrottle, { strict: false });
  const verified = new Map<string, number>();
  const fastify = app.getHttpAdapter().getInstance() as FastifyInstance;

  fastify.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const path = request.url.split('?')[0];
    if (path !== prefix && !path.startsWith(`${prefix}/`)) return;
    const header = request.headers.authorization ?? '';
    const key = createHash('sha256').update(header).digest('hex');
    if ((verified.get(key) ?? 0) > Date.now()) return;
    const [email, password] = decodeBasic(header);
    if (email && password) {
      await throttle.assertMayTry(email, request.ip).catch(() => reply.code(429).send({ title: 'Too many requests', status: 429 }));
      if (reply.sent) return;
      const user = await plans.findActiveUserWithPassword(email);
      if (user?.role === 'admin' && (await verifyPassword(user.passwordHash, password))) {
        verified.set(key, Date.now() + SESSION_MS);
        return;
      }
      await throttle.recordFailure(email, request.ip);
    }
    await reply
      .code(401)
      .header('WWW-Authenticate', 'Basic realm="Helhedsplan queues", charset="UTF-8"')
      .header('Content-Type', 'application/problem+json')
      .send({ type: 'about:blank', title: 'Unauthorized', status: 401, detail: 'The queue dashboard is for the platform administrator' });
  });
}

function decodeBasic(header: string): [string?, string?] {
  const match = /^Basic ([A-Za-z0-9+/=]+)$/.exec(header);
  if (!match) return [];
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon > 0 ? [decoded.slice(0, colon), decoded.slice(colon + 1)] : [];
}
