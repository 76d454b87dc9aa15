import type { ProblemCode } from './problem-code';
import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isDatabaseUnavailable } from '../database/availability';
import { Conflict, DependencyUnavailable, DomainError, ProblemItem, TooManyRequests } from './domain-errors';
import { boundDetail, boundItems, shorten } from './problem-bounds';
import { safeErrorFacts } from './safe-error';
import { isRedisUnavailable } from '../redis/redis-availability';

interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail: string;
  instance?: string;
  errors?: ProblemItem[];
  [key: string]: unknown;
}

const TITLES: Record<number, string> = {
  400: 'Invalid request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  409: 'Conflict',
  410: 'Gone',
  413: 'Payload too large',
  414: 'URI too long',
  415: 'Unsupported media type',
  422: 'A rule is not met',
  429: 'Too many requests',
  500: 'Internal server error',
  503: 'Service unavailable',
};

/** The code of a refusal that carries none of its own (framework errors, 404 for unknown routes, ...). */
export const CODES_BY_STATUS: Record<number, ProblemCode> = {
  400: 'validation_failed',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  406: 'not_acceptable',
  409: 'conflict',
  410: 'gone',
  413: 'payload_too_large',
  414: 'url_too_long',
  415: 'unsupported_media_type',
  422: 'rule_unmet',
  429: 'throttled',
  500: 'internal_error',
  503: 'dependency_unavailable',
};

// Fastify's own refusals of a request body, by error code.
const FASTIFY_CODES: Record<string, ProblemCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'malformed_body',
  FST_ERR_CTP_INVALID_JSON_BODY: 'malformed_body',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'malformed_body',
  FST_ERR_BAD_URL: 'malformed_url',
  FST_ERR_MAX_PARAM_LENGTH: 'url_too_long',
};

/**
 * PostgreSQL errors that only bad input can cause. The validation at the edge should stop such
 * input first; this is the backstop that keeps a missed case from answering 500.
 */
const PG_INPUT_ERRORS: Record<string, { status: number; code: ProblemCode }> = {
  '22P02': { status: 400, code: 'validation_failed' }, // invalid_text_representation
  '22007': { status: 400, code: 'validation_failed' }, // invalid_datetime_format
  '22008': { status: 400, code: 'validation_failed' }, // datetime_field_overflow
  '22003': { status: 400, code: 'validation_failed' }, // numeric_value_out_of_range
  '22001': { status: 400, code: 'validation_failed' }, // string_data_right_truncation
  '22021': { status: 400, code: 'validation_failed' }, // character_not_in_repertoire (e.g. NUL)
  '22P05': { status: 400, code: 'validation_failed' }, // untranslatable_character
  '23502': { status: 400, code: 'validation_failed' }, // not_null_violation
  '23503': { status: 422, code: 'reference_not_found' }, // foreign_key_violation
  '23505': { status: 409, code: 'conflict' }, // unique_violation
  '23514': { status: 422, code: 'rule_unmet' }, // check_violation
};

/**
 * Fastify answers some malformed requests in its router, before Nest sees them (bad
 * percent-encoding, an over-long path parameter); they get the same problem+json.
 */
export function answerFrameworkError(error: unknown, request: FastifyRequest, reply: FastifyReply): void {
  const problem = toProblem(error);
  problem.instance = request.url?.split('?')[0];
  void reply.status(problem.status).header('Content-Type', 'application/problem+json').header('Cache-Control', 'no-store').send(problem);
}

/** Called with every refusal before it is sent (the audit of refused reads, src/audit/refused-reads.ts). */
export type RefusalRecorder = (request: FastifyRequest, refusal: { status: number; code: string }) => Promise<void>;

/** Turns every error into application/problem+json (RFC 9457) with a stable `code`, so clients see one error shape. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  constructor(private readonly recordRefusal?: RefusalRecorder) {}

  catch(caught: unknown, host: ArgumentsHost): void {
    // An unreachable PostgreSQL or Redis is a 503 with Retry-After, whichever layer noticed it.
    const exception = caught instanceof DomainError ? caught : (unavailableDependency(caught) ?? concurrentChange(caught) ?? caught);
    const ctx = host.switchToHttp();
    const reply = ctx.getResponse<FastifyReply>();
    const request = ctx.getRequest<FastifyRequest>();
    const problem = toProblem(exception);
    problem.instance = request?.url?.split('?')[0];
    if (problem.status >= 500) {
      // Only facts that cannot hold personal data: error class, database error code and
      // constraint, stack frames. Never messages, SQL parameters or values (issue: no CPR in logs).
      this.logger.error({ requestId: request?.id, status: problem.status, error: safeErrorFacts(caught) }, 'request failed');
    }
    if (exception instanceof TooManyRequests || exception instanceof DependencyUnavailable) {
      void reply.header('Retry-After', String(exception.retryAfterSeconds));
    }
    if (exception instanceof Conflict && exception.code === 'concurrent_change') void reply.header('Retry-After', '1');
    if (reply.sent) return;
    const send = () => {
      if (!reply.sent) void reply.status(problem.status).header('Content-Type', 'application/problem+json').header('Cache-Control', 'no-store').send(problem);
    };
    if (!this.recordRefusal || problem.status >= 500 || !request) return send();
    // The refusal is sent once its audit event is written (Nest's router hands Fastify the reply
    // and waits for it to be sent); a failed write is logged, and the refusal stands.
    void this.recordRefusal(request, problem)
      .catch((error: unknown) => this.logger.error({ requestId: request.id, error: safeErrorFacts(error) }, 'a refused read could not be audited'))
      .finally(send);
  }
}

/** Every problem leaves here bounded (problem-bounds.ts), whoever built it. */
export function toProblem(exception: unknown): Problem {
  return bounded(unboundedProblem(exception));
}

function bounded(problem: Problem): Problem {
  if (!problem.errors) return { ...problem, detail: shorten(problem.detail, 1000) };
  const items = boundItems(problem.errors);
  const describe = (e: ProblemItem) => (e.field ? `${e.field}: ${e.message}` : e.message);
  return { ...problem, detail: boundDetail(problem.detail, items, describe), ...items };
}

function unboundedProblem(exception: unknown): Problem {
  if (exception instanceof DomainError) {
    // Extension members first, so they can never overwrite the standard ones.
    return {
      ...(exception.extra ?? {}),
      type: 'about:blank',
      title: exception.title,
      status: exception.status,
      code: exception.code,
      detail: exception.message,
      ...(exception.errors ? { errors: exception.errors } : {}),
    };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const body = exception.getResponse();
    const problem: Problem = { type: 'about:blank', title: TITLES[status] ?? 'Error', status, code: CODES_BY_STATUS[status] ?? 'error', detail: exception.message };
    if (typeof body === 'object' && body !== null) {
      const b = body as { message?: unknown; errors?: ProblemItem[]; code?: unknown };
      if (Array.isArray(b.errors)) problem.errors = b.errors;
      if (typeof b.message === 'string') problem.detail = b.message;
      if (typeof b.code === 'string') problem.code = b.code;
    }
    if (status === 404 && !problem.errors && /^Cannot (GET|POST|PUT|PATCH|DELETE)/.test(problem.detail)) {
      problem.code = 'route_not_found';
      problem.detail = 'There is no such route';
    }
    return problem;
  }
  const unavailable = unavailableDependency(exception);
  if (unavailable) return unboundedProblem(unavailable);
  const err = exception as { code?: string; statusCode?: number; message?: string };
  // Fastify's own errors (malformed JSON, body too large, wrong content type) carry a 4xx statusCode.
  if (typeof err?.statusCode === 'number' && err.statusCode >= 400 && err.statusCode < 500) {
    const code = (err.code && FASTIFY_CODES[err.code]) ?? (err.statusCode === 400 ? 'malformed_body' : CODES_BY_STATUS[err.statusCode] ?? 'error');
    return { type: 'about:blank', title: TITLES[err.statusCode] ?? 'Invalid request', status: err.statusCode, code, detail: fastifyDetail(err.statusCode, code) };
  }
  const driverError = (exception as { driverError?: { code?: string } })?.driverError;
  const pgCode = driverError?.code ?? err?.code;
  const mapped = pgCode ? PG_INPUT_ERRORS[pgCode] : undefined;
  if (mapped) {
    return {
      type: 'about:blank',
      title: TITLES[mapped.status],
      status: mapped.status,
      code: mapped.code,
      detail: 'The request conflicts with stored data or contains a value the database cannot accept',
    };
  }
  return { type: 'about:blank', title: TITLES[500], status: 500, code: 'internal_error', detail: 'An unexpected error occurred; it has been logged' };
}

/** Our own words for Fastify's refusals: its messages can quote the body back. */
function fastifyDetail(status: number, code: string): string {
  if (code === 'payload_too_large') return 'The request body is larger than this API accepts';
  if (code === 'unsupported_media_type') return 'Send the body as application/json';
  if (code === 'malformed_body') return 'The request body is not valid JSON';
  if (code === 'malformed_url') return 'The path is not a valid URL (bad percent-encoding or invalid UTF-8)';
  if (code === 'url_too_long') return 'A part of the path is longer than any id';
  return TITLES[status] ?? 'The request was refused';
}

/**
 * PostgreSQL gave up one of two transactions that waited for each other (a deadlock, a
 * serialization failure, a lock it would not wait for): nothing was written, and the same request
 * sent again succeeds. A 409 that says so, with Retry-After, instead of a 500.
 */
const CONCURRENCY_FAILURES = new Set(['40P01', '40001', '55P03']);

export function concurrentChange(error: unknown): Conflict | undefined {
  const code = (error as { driverError?: { code?: string } })?.driverError?.code ?? (error as { code?: string })?.code;
  if (!code || !CONCURRENCY_FAILURES.has(code)) return undefined;
  return new Conflict('Another change to the same data happened at the same moment and this one was not made; send the request again (with its Idempotency-Key)', { code: 'concurrent_change' });
}

/** The dependency an error says is unreachable (PostgreSQL, Redis), as the 503 it answers; undefined for any other error. */
export function unavailableDependency(error: unknown): DependencyUnavailable | undefined {
  if (isDatabaseUnavailable(error)) return new DependencyUnavailable('The database');
  if (isRedisUnavailable(error)) return new DependencyUnavailable('Redis');
  return undefined;
}
