import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import { type INestApplication, RequestMethod } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';
import { Logger } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { setUpApiDocs } from './api-docs/api-docs';
import { RefusedReadAudit } from './audit/refused-reads';
import { AppModule, requestIdFor } from './app.module';
import { PROBLEM_CATALOGUE } from './problem-catalogue';
import type { AppConfig } from './config/app-config';
import { fastifyTrustProxy } from './config/trust-proxy';
import { acceptsFormBody, parseFormBody, readBounded, refuseFormBody, refuseJsonBody } from './common/form-body';
import { ACCEPTED_CONTENT_ENCODING, assertUtf8, JSON_BODY_LIMIT_BYTES, parseJsonBody, refusedContentEncoding } from './common/json-body';
import { answerFrameworkError, ProblemFilter } from './common/problem.filter';
import { createValidationPipe } from './common/validation';
import { API_PREFIX } from './common/api-prefix';
import { serveWebApp } from './web-app/web-app';
import { allowInlineStylesUnder, CONTENT_SECURITY_POLICY } from './web-app/content-security-policy';
import { mountQueueDashboard, QUEUE_DASHBOARD_ROUTE } from './jobs/queue-dashboard';

export { API_PREFIX };

/** Builds the HTTP application exactly as production runs it; tests use the same factory. */
export async function createApp(config: AppConfig, options: { logger?: boolean; logStream?: DestinationStream } = {}): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    trustProxy: fastifyTrustProxy(config.trustProxy),
    bodyLimit: JSON_BODY_LIMIT_BYTES,
    genReqId: (req: IncomingMessage) => requestIdFor(req.headers['x-request-id']),
    frameworkErrors: answerFrameworkError,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, options.logStream), adapter, {
    bufferLogs: true,
    abortOnError: false,
    // Only JSON is parsed (and HTML forms where a route declares it), by our own bounded parsers below; any other content type is 415.
    bodyParser: false,
  });
  acceptJsonBodiesOnly(app);
  if (options.logger !== false) app.useLogger(app.get(Logger));
  else app.useLogger(false);
  setApiPrefix(app);
  app.useGlobalPipes(createValidationPipe());
  const refusedReads = app.get(RefusedReadAudit);
  app.useGlobalFilters(new ProblemFilter((request, refusal) => refusedReads.record(request, refusal)));
  // SIGTERM and SIGINT stop the service gracefully; SIGHUP is not a stop: it reloads the single
  // sign-on providers and their keys (src/sso/sso-providers.ts), as daemons conventionally do.
  app.enableShutdownHooks(['SIGTERM', 'SIGINT']);
  // helmet's defaults (nosniff, HSTS, no framing by others, ...), built into Nest 12, with a CSP
  // stricter than helmet's: only this origin's own scripts, styles, fonts and connections, no
  // inline style; the web app (web/) keeps to it. Swagger UI and the queue dashboard get inline styles.
  app.useSecurityHeaders({ xFrameOptions: { action: 'deny' }, contentSecurityPolicy: { directives: CONTENT_SECURITY_POLICY } });
  app.getHttpAdapter().getInstance().addHook('onSend', async (request, reply) => {
    void reply.header('X-Request-Id', request.id);
    // Answers of the API carry personal data: no browser or proxy may keep them.
    // Judged by the route that answered (Fastify decodes "%61pi" to "api" when it routes), and for
    // refusals that matched no route by the path as sent.
    const path = request.routeOptions.url ?? request.url;
    if (path.startsWith(`/${API_PREFIX}/`) && !reply.hasHeader('Cache-Control')) void reply.header('Cache-Control', 'no-store');
  });
  if (config.apiDocs) {
    setUpApiDocs(app, PROBLEM_CATALOGUE);
    allowInlineStylesUnder(app, '/api/docs');
  }
  await serveWebApp(app, config.webAppDir);
  if (config.queueDashboard) {
    await mountQueueDashboard(app, `/${API_PREFIX}${QUEUE_DASHBOARD_ROUTE}`);
    allowInlineStylesUnder(app, `/${API_PREFIX}${QUEUE_DASHBOARD_ROUTE}`);
  }
  try {
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  } catch (error) {
    // A refused start (e.g. a privileged database login) must not leave queues and pools running.
    await app.close().catch(() => undefined);
    throw error;
  }
  return app;
}

/** The API under /api/v1; the health probes (and the web app, served outside Nest) at the root. */
export function setApiPrefix(app: INestApplication): void {
  app.setGlobalPrefix(API_PREFIX, { exclude: [{ path: 'health/{*path}', method: RequestMethod.ALL }] });
}

/**
 * The API takes JSON objects and nothing else (but HTML forms where a route declares it: the
 * SAML ACS). Size is capped by Fastify before a byte is parsed (413), nesting depth before
 * JSON.parse (400), so no body can hold the event loop.
 */
function acceptJsonBodiesOnly(app: NestFastifyApplication): void {
  const fastify = app.getHttpAdapter().getInstance();
  const defaultParser = fastify.getDefaultJsonParser('error', 'error');
  const parse = (text: string): unknown => {
    let parsed: unknown;
    let failure: unknown;
    defaultParser({} as never, text, (error: unknown, value: unknown) => {
      failure = error;
      parsed = value;
    });
    if (failure) throw failure;
    return parsed;
  };
  fastify.addHook('onRequest', async (request, reply) => {
    const refused = refusedContentEncoding(request.headers['content-encoding']);
    if (refused) {
      void reply.header('Accept-Encoding', ACCEPTED_CONTENT_ENCODING);
      answerFrameworkError(refused, request, reply);
      return reply;
    }
    return undefined;
  });
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser('application/json', { parseAs: 'buffer', bodyLimit: JSON_BODY_LIMIT_BYTES }, (request, body, done) => {
    try {
      if (acceptsFormBody(request.routeOptions.config)) throw refuseJsonBody();
      assertUtf8(request.headers['content-type']);
      done(null, parseJsonBody(body as Buffer, parse));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
  // Only on routes that declare it (the SAML ACS, src/common/form-body.ts); elsewhere refused before it is read.
  fastify.addContentTypeParser('application/x-www-form-urlencoded', async (request: FastifyRequest, payload: Readable) => {
    if ((request as FastifyRequest & { is404?: boolean }).is404) return undefined;
    if (!acceptsFormBody(request.routeOptions.config)) throw refuseFormBody();
    return parseFormBody(await readBounded(payload, request.headers['content-length']), request.headers['content-type']);
  });
}

