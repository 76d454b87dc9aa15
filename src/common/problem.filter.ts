import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, ProblemItem, TooManyRequests } from './domain-errors';

interface Problem {
  type: string;
  title: string;
  status: number;
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
  413: 'Payload too large',
  415: 'Unsupported media type',
  422: 'A rule is not met',
  429: 'Too many requests',
  500: 'Internal server error',
  503: 'Service unavailable',
};

// PostgreSQL error codes that can only come from bad input reaching the database, never from a bug we should hide as 500.
const PG_INPUT_ERRORS: Record<string, number> = {
  '22P02': 400, // invalid_text_representation
  '22007': 400, // invalid_datetime_format
  '22008': 400, // datetime_field_overflow
  '22003': 400, // numeric_value_out_of_range
  '22001': 400, // string_data_right_truncation
  '23505': 409, // unique_violation
  '23514': 422, // check_violation
};

/** Turns every error into application/problem+json (RFC 9457) so clients see one error shape. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const reply = ctx.getResponse<FastifyReply>();
    const request = ctx.getRequest<FastifyRequest>();
    const problem = this.toProblem(exception);
    problem.instance = request?.url?.split('?')[0];
    if (problem.status >= 500) {
      this.logger.error({ err: exception, requestId: request?.id }, 'request failed');
    }
    if (exception instanceof TooManyRequests) {
      void reply.header('Retry-After', String(exception.retryAfterSeconds));
    }
    void reply.status(problem.status).header('Content-Type', 'application/problem+json').send(problem);
  }

  private toProblem(exception: unknown): Problem {
    if (exception instanceof DomainError) {
      // Extension members first, so they can never overwrite the standard ones.
      return {
        ...(exception.extra ?? {}),
        type: `about:blank`,
        title: exception.title,
        status: exception.status,
        detail: exception.message,
        ...(exception.errors ? { errors: exception.errors } : {}),
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const body = exception.getResponse();
      const problem: Problem = { type: 'about:blank', title: TITLES[status] ?? 'Error', status, detail: exception.message };
      if (typeof body === 'object' && body !== null) {
        const b = body as { message?: unknown; errors?: ProblemItem[] };
        if (Array.isArray(b.errors)) problem.errors = b.errors;
        if (typeof b.message === 'string') problem.detail = b.message;
      }
      return problem;
    }
    const err = exception as { code?: string; statusCode?: number; message?: string };
    // Fastify's own errors (malformed JSON, body too large, wrong content type) carry a 4xx statusCode.
    if (typeof err?.statusCode === 'number' && err.statusCode >= 400 && err.statusCode < 500) {
      return { type: 'about:blank', title: TITLES[err.statusCode] ?? 'Invalid request', status: err.statusCode, detail: err.message ?? '' };
    }
    const driverError = (exception as { driverError?: { code?: string } })?.driverError;
    const pgCode = driverError?.code ?? err?.code;
    if (pgCode && PG_INPUT_ERRORS[pgCode]) {
      const status = PG_INPUT_ERRORS[pgCode];
      return { type: 'about:blank', title: TITLES[status], status, detail: 'The request conflicts with stored data or contains a value the database cannot accept' };
    }
    return { type: 'about:blank', title: TITLES[500], status: 500, detail: 'An unexpected error occurred; it has been logged' };
  }
}
