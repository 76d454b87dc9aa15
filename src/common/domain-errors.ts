/**
 * Typed domain errors. Services throw these; one exception filter turns them into
 * problem+json (RFC 9457) with the status codes of api.md.
 */
export interface ProblemItem {
  field?: string;
  rule?: string;
  message: string;
}

export abstract class DomainError extends Error {
  abstract readonly status: number;
  abstract readonly title: string;
  readonly errors?: ProblemItem[];
  readonly extra?: Record<string, unknown>;

  constructor(detail: string, options: { errors?: ProblemItem[]; extra?: Record<string, unknown> } = {}) {
    super(detail);
    this.errors = options.errors;
    this.extra = options.extra;
  }
}

/** 400: the request is malformed or fails validation that needs data (e.g. a plan's own topics). */
export class InvalidInput extends DomainError {
  readonly status = 400;
  readonly title = 'Invalid request';
  constructor(errors: ProblemItem[]) {
    super(errors.map((e) => (e.field ? `${e.field}: ${e.message}` : e.message)).join('; '), { errors });
  }
}

/** 404: the object does not exist within the caller's reach; other plans' objects look exactly like this. */
export class NotFound extends DomainError {
  readonly status = 404;
  readonly title = 'Not found';
  constructor(what: string) {
    super(`${what} was not found`);
  }
}

/** 409: conflicts with the current state (duplicate open case, closed case, stale version). */
export class Conflict extends DomainError {
  readonly status = 409;
  readonly title = 'Conflict';
}

/** 422: a domain rule is not met; every unmet rule is listed. */
export class RuleViolation extends DomainError {
  readonly status = 422;
  readonly title = 'A rule is not met';
  constructor(errors: ProblemItem[]) {
    super(errors.map((e) => e.message).join('; '), { errors });
  }
}

/** 403: the caller's role may not do this at all. */
export class Forbidden extends DomainError {
  readonly status = 403;
  readonly title = 'Forbidden';
}

/** 429: throttled; `retryAfterSeconds` becomes the Retry-After header. */
export class TooManyRequests extends DomainError {
  readonly status = 429;
  readonly title = 'Too many requests';
  constructor(
    detail: string,
    readonly retryAfterSeconds: number,
  ) {
    super(detail);
  }
}
