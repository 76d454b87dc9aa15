import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { PUBLIC_OPERATION_EXTENSION } from './public-operation';
import { API_TAGS } from './tags';

const PROBLEM_SCHEMA = 'Problem';
const BEARER = 'bearer';
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** What each problem code means (src/problem-catalogue.ts, joined at the top from the modules). */
export type ProblemCatalogue = Readonly<Record<string, string>>;

/** Serves the OpenAPI document (/api/docs-json) and Swagger UI (/api/docs). */
export function setUpApiDocs(app: INestApplication, problems: ProblemCatalogue): void {
  SwaggerModule.setup('api/docs', app, createApiDocument(app, problems), { jsonDocumentUrl: 'api/docs-json', swaggerOptions: { persistAuthorization: true } });
}

/** The OpenAPI document of the application's routes, as served and as clients are generated from. */
export function createApiDocument(app: INestApplication, problems: ProblemCatalogue): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Helhedsplan case management API')
    .setDescription(
      'Case management for Danish housing-social master plans (boligsociale helhedsplaner): residents, counselling cases under ' +
        'the counting rule, job programmes, consents, half-year statistics, audit. Log in at POST /api/v1/auth/login, then ' +
        '"Authorize" with the accessToken. Errors are application/problem+json (RFC 9457) with a stable `code`; the ' +
        `${PROBLEM_SCHEMA} schema lists every code and when it is answered.`,
    )
    .setVersion('1')
    // The paths carry their own prefix (/api/v1, /health), so the service's own origin is the base.
    .addServer('/', 'This service (the origin the document is served from)')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'The accessToken a sign-in answers' }, BEARER)
    .addSecurityRequirements(BEARER)
    .build();
  // Set directly: the builder's setters also write empty url and email fields, which are invalid.
  config.info.contact = { name: 'The Helhedsplan development team' };
  config.info.license = { name: 'Proprietary (UNLICENSED): for the plans the service is run for' };
  const document = SwaggerModule.createDocument(app, config);
  return withTags(withPublicRoutes(withProblems(document, problems)));
}

/**
 * A route marked @Public() (src/access/allow.decorator.ts) needs no token: its operation overrides
 * the document's global bearer requirement with `security: []`, so no public route can forget it.
 */
export function withPublicRoutes(document: OpenAPIObject): OpenAPIObject {
  for (const item of Object.values(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method] as (Record<string, unknown> & { security?: unknown }) | undefined;
      if (!operation?.[PUBLIC_OPERATION_EXTENSION]) continue;
      delete operation[PUBLIC_OPERATION_EXTENSION];
      operation.security = [];
    }
  }
  return document;
}

/** Declares every feature area the operations are tagged with, with what it holds (src/api-docs/tags.ts). */
export function withTags(document: OpenAPIObject): OpenAPIObject {
  const used = new Set(Object.values(document.paths).flatMap((item) => METHODS.flatMap((method) => item[method]?.tags ?? [])));
  document.tags = [...API_TAGS.filter((tag) => used.has(tag.name)), ...[...used].filter((name) => !API_TAGS.some((tag) => tag.name === name)).map((name) => ({ name }))];
  return document;
}

/**
 * Declares the problem+json body, with the catalogue of codes, once, and points every 4xx/5xx
 * answer of every operation at it, so a generated client knows the shape of a refusal.
 */
export function withProblems(document: OpenAPIObject, problems: ProblemCatalogue): OpenAPIObject {
  const codes = Object.keys(problems);
  document.components ??= {};
  document.components.schemas ??= {};
  document.components.schemas[PROBLEM_SCHEMA] = {
    type: 'object',
    description: 'An RFC 9457 problem. `code` is stable; act on it rather than on `title` or `detail`.',
    required: ['type', 'title', 'status', 'code', 'detail'],
    properties: {
      type: { type: 'string', example: 'about:blank' },
      title: { type: 'string', example: 'Conflict' },
      status: { type: 'integer', example: 409 },
      code: {
        type: 'string',
        enum: codes,
        description: Object.entries(problems)
          .map(([code, meaning]) => `- \`${code}\`: ${meaning}`)
          .join('\n'),
      },
      detail: { type: 'string' },
      instance: { type: 'string' },
      errors: {
        type: 'array',
        description: 'Every unmet rule or invalid field (400, 422), at most the first 20; `errorsOmitted` says how many more there were',
        items: {
          type: 'object',
          required: ['message'],
          properties: { field: { type: 'string' }, rule: { type: 'string' }, message: { type: 'string' } },
        },
      },
      errorCount: { type: 'integer', description: 'Present when `errors` was cut: how many items there were in all' },
      errorsOmitted: { type: 'integer', description: 'Present when `errors` was cut: how many items are not shown' },
    },
  };
  const problem = { 'application/problem+json': { schema: { $ref: `#/components/schemas/${PROBLEM_SCHEMA}` } } };
  for (const item of Object.values(document.paths)) {
    for (const operation of [item.get, item.post, item.put, item.patch, item.delete]) {
      if (!operation) continue;
      operation.responses ??= {};
      for (const [status, response] of Object.entries(operation.responses)) {
        if (/^[45]\d\d$/.test(status) && response && 'description' in response && !response.content) response.content = problem;
      }
      // Any route can refuse malformed input, a missing token or an overloaded database.
      operation.responses['4XX'] ??= { description: 'A refusal; `code` says which (see the Problem schema)', content: problem };
      operation.responses['5XX'] ??= { description: 'dependency_unavailable (with Retry-After) or internal_error', content: problem };
    }
  }
  return document;
}
