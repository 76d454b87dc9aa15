import type { ProblemCode } from './problem-code';
/**
 * Typed domain errors. Services throw these; one exception filter turns them into
 * problem+json (RFC 9457) with the status codes of api.md.
 */
export interface ProblemItem {
  field?: string;
  rule?: string;
  message: string;
}

export interface DomainErrorOptions {
  /** A stable, machine-readable reason a client can act on (api.md: every 4xx has one). */
  code?: ProblemCode;
  errors?: ProblemItem[];
  extra?: Record<string, unknown>;
}

export abstract class DomainError extends Error {
  abstract readonly status: number;
  abstract readonly title: string;
  /** The code when the thrower gave none: one per kind of refusal. */
  protected abstract readonly defaultCode: ProblemCode;
  readonly errors?: ProblemItem[];
  readonly extra?: Record<string, unknown>;
  private readonly givenCode?: ProblemCode;

  constructor(detail: string, options: DomainErrorOptions = {}) {
    super(detail);
    this.errors = options.errors;
    this.extra = options.extra;
    this.givenCode = options.code;
  }

  get code(): ProblemCode {
    return this.givenCode ?? this.defaultCode;
  }
}

/** 400: the request is malformed or fails validation that needs data (e.g. a plan's own topics). */
export class InvalidInput extends DomainError {
  readonly status = 400;
  readonly title = 'Invalid request';
  protected readonly defaultCode = 'validation_failed';
  constructor(errors: ProblemItem[], code?: ProblemCode) {
    super(errors.map((e) => (e.field ? `${e.field}: ${e.message}` : e.message)).join('; '), { errors, code });
  }
}

/** 404: the object does not exist within the caller's reach; other plans' objects look exactly like this. */
export class NotFound extends DomainError {
  readonly status = 404;
  readonly title = 'Not found';
  protected readonly defaultCode = 'not_found';
  constructor(what: string) {
    super(`${what} was not found`);
  }
}

/** 409: conflicts with the current state (duplicate open case, closed case, stale version). */
export class Conflict extends DomainError {
  readonly status = 409;
  readonly title = 'Conflict';
  protected readonly defaultCode = 'conflict';
}

/** 422: a domain rule is not met; every unmet rule is listed. */
export class RuleViolation extends DomainError {
  readonly status = 422;
  readonly title = 'A rule is not met';
  protected readonly defaultCode = 'rule_unmet';
  constructor(errors: ProblemItem[], code?: ProblemCode, extra?: Record<string, unknown>) {
    super(errors.map((e) => e.message).join('; '), { errors, code, extra });
  }
}

/** 410: what was asked for existed and is gone on purpose (a kept answer that may not be shown again). */
export class Gone extends DomainError {
  readonly status = 410;
  readonly title = 'Gone';
  protected readonly defaultCode = 'gone';
}

/** 403: the caller's role may not do this at all. */
export class Forbidden extends DomainError {
  readonly status = 403;
  readonly title = 'Forbidden';
  protected readonly defaultCode = 'forbidden';
}

/** 429: throttled; `retryAfterSeconds` becomes the Retry-After header. */
export class TooManyRequests extends DomainError {
  readonly status = 429;
  readonly title = 'Too many requests';
  protected readonly defaultCode = 'throttled';
  constructor(
    detail: string,
    readonly retryAfterSeconds: number,
    options: DomainErrorOptions = {},
  ) {
    super(detail, options);
  }
}

/** 401: who is calling is not established (no, bad, expired or revoked credentials). */
export class Unauthenticated extends DomainError {
  readonly status = 401;
  readonly title = 'Unauthorized';
  protected readonly defaultCode = 'unauthenticated';
}

/** 413: the body is larger than any request of this API needs. */
export class PayloadTooLarge extends DomainError {
  readonly status = 413;
  readonly title = 'Payload too large';
  protected readonly defaultCode = 'payload_too_large';
}

/**
 * 503: a dependency (PostgreSQL) is unreachable. Never 401 or 500 for that: clients keep their
 * session and retry after `retryAfterSeconds` (api.md conventions).
 */
export class DependencyUnavailable extends DomainError {
  readonly status = 503;
  readonly title = 'Service unavailable';
  protected readonly defaultCode = 'dependency_unavailable';
  constructor(
    readonly dependency: string,
    readonly retryAfterSeconds = 5,
  ) {
    super(`${dependency} is not reachable right now; try again in a few seconds`);
  }
}

/**
 * Optimistic concurrency, one rule for every object that changes state: a change made on a
 * `version` other than the current one is 409 `stale_version` with `currentVersion` (and what else
 * helps the client decide again). No version sent: the change applies to the object as it is.
 */
export function refuseStaleVersion(what: string, sent: number | undefined, current: number, extra: Record<string, unknown> = {}): void {
  if (sent === undefined || sent === current) return;
  throw new Conflict(`${what} has changed since you read it (your version ${sent}, now ${current}); read it again and decide again`, {
    code: 'stale_version',
    extra: { currentVersion: current, ...extra },
  });
}
