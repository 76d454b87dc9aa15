import type { IncomingMessage } from 'node:http';
import { RequestMethod, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { AppModule, requestIdFor } from './app.module';
import type { AppConfig } from './config/app-config';
import { ProblemFilter } from './common/problem.filter';
import { createValidationPipe } from './common/validation';
import { mountQueueDashboard, QUEUE_DASHBOARD_ROUTE } from './jobs/queue-dashboard';

export const API_PREFIX = 'api/v1';

/** Builds the HTTP application exactly as production runs it; tests use the same factory. */
export async function createApp(config: AppConfig, options: { logger?: boolean } = {}): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    trustProxy: process.env.TRUST_PROXY === 'true',
    bodyLimit: 1024 * 1024,
    genReqId: (req: IncomingMessage) => requestIdFor(req.headers['x-request-id']),
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    bufferLogs: true,
    abortOnError: false,
  });
  if (options.logger !== false) app.useLogger(app.get(Logger));
  else app.useLogger(false);
  app.setGlobalPrefix(API_PREFIX, { exclude: [{ path: 'health/{*path}', method: RequestMethod.ALL }] });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemFilter());
  app.enableShutdownHooks();
  app.getHttpAdapter().getInstance().addHook('onSend', async (request, reply) => {
    void reply.header('X-Request-Id', request.id);
  });
  setUpApiDocs(app);
  await mountQueueDashboard(app, `/${API_PREFIX}${QUEUE_DASHBOARD_ROUTE}`);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}

function setUpApiDocs(app: INestApplication): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Helhedsplan case management API')
      .setDescription(
        'Case management for Danish housing-social master plans (boligsociale helhedsplaner): residents, counselling cases under ' +
          'the counting rule, audit. Log in at POST /api/v1/auth/login, then "Authorize" with the accessToken. Errors are ' +
          'application/problem+json (RFC 9457).',
      )
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json', swaggerOptions: { persistAuthorization: true } });
}
