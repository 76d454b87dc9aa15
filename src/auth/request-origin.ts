import type { FastifyRequest } from 'fastify';
import type { RequestOrigin } from './sign-in.service';

/** Where a sign-in request came from: its address (throttling) and id (the audit log). */
export const requestOrigin = (request: FastifyRequest): RequestOrigin => ({ address: request.ip, requestId: String(request.id) });
