import type { FastifyRequest } from 'fastify';
import type { AppConfig } from '../../config/app-config';
import { Forbidden } from '../../common/domain-errors';
import { wantsCookieTransport } from './refresh-cookie';

/**
 * The session routes act on a cookie the browser sends by itself, so a foreign page must not be
 * able to trigger them. A cross-site form cannot set a custom header, and without CORS a script of
 * another origin cannot either; a present Origin must in addition be this service's (or, in
 * development, the host the request was sent to, e.g. Vite's or a second port).
 */
export function refuseCrossSite(request: FastifyRequest, config: Pick<AppConfig, 'publicUrl' | 'production'>): void {
  if (!wantsCookieTransport(request.headers)) {
    throw new Forbidden('Send X-Token-Transport: cookie with this request', { code: 'csrf_refused' });
  }
  const origin = request.headers.origin;
  if (origin === undefined) return;
  const allowed = [new URL(config.publicUrl).origin];
  if (!config.production && request.headers.host) allowed.push(`${request.protocol}://${request.headers.host}`);
  if (!allowed.includes(origin)) throw new Forbidden('The request came from another site', { code: 'csrf_refused' });
}
