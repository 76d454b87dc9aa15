import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { defer, lastValueFrom, type Observable } from 'rxjs';
import { Conflict, RuleViolation } from '../common/domain-errors';
import { UnitOfWork } from '../database/unit-of-work';
import { IdempotencyKeysRepository, type StoredAnswer } from './idempotency-keys.repository';
import { IDEMPOTENCY_KEY_HEADER, idempotencyKeyOf, REPLAYED_HEADER, requestFingerprint } from './idempotent-request';

/** How long a client is asked to wait before retrying a request whose first attempt is still running. */
const RETRY_AFTER_SECONDS = 1;

/**
 * Every POST accepts an Idempotency-Key (api.md): a client that lost the answer to a write (a
 * dropped connection, a timeout) retries with the same key and gets the first answer instead of
 * a second contact or resident.
 *
 * The request runs in a transaction opened here, which the services' `uow.run` join as
 * savepoints; the answer is stored in that same transaction. So a key is kept exactly when the
 * write commits: a refused or failed request stores nothing and can be retried with its key.
 * A transaction-level advisory lock on (user, key) makes a second request with the key wait for
 * nothing: while the first runs it is refused with 409, after the commit it finds the answer.
 *
 * Public routes (login, refresh, logout, invitations) ignore the header: their answers are
 * tokens, which must never be stored, and they have no user to scope a key to.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly keys: IdempotencyKeysRepository,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest & { user?: { userId?: string } }>();
    const header = request.headers[IDEMPOTENCY_KEY_HEADER.toLowerCase()];
    if (request.method !== 'POST' || header === undefined) return next.handle();
    // The policy guard has authenticated every route but the public ones before interceptors run;
    // a public route (login, refresh) has no user and takes no key.
    const userId = request.user?.userId;
    if (!userId) return next.handle();
    const key = idempotencyKeyOf(header);
    const fingerprint = requestFingerprint(request.method, request.url, request.body);
    const reply = http.getResponse<FastifyReply>();
    // A promise, not a chain of the subscription: a client that goes away does not stop the write half-way.
    return defer(() => this.answerOnce(userId, key, fingerprint, reply, next));
  }

  private async answerOnce(userId: string, key: string, fingerprint: string, reply: FastifyReply, next: CallHandler): Promise<unknown> {
    const answer = await this.uow.inNewTransaction(async (manager) => {
      if (!(await this.keys.claim(manager, userId, key))) {
        void reply.header('Retry-After', String(RETRY_AFTER_SECONDS));
        throw new Conflict(`A request with this ${IDEMPOTENCY_KEY_HEADER} is still being processed; retry it once that has finished`, {
          code: 'idempotency_key_in_progress',
        });
      }
      const stored = await this.keys.find(manager, userId, key);
      if (stored) {
        if (stored.fingerprint !== fingerprint) throw keyReused();
        // Nothing was written, so ending this transaction by commit or rollback is the same.
        return { ...stored, replayed: true };
      }
      // `next.handle()` binds the route handler (its pipes and its services) to the async context
      // it is called in, which is inside this transaction's: the services' `uow.run` join it.
      const body = await lastValueFrom(next.handle(), { defaultValue: undefined });
      // The status Nest set before the handler ran: the route's @HttpCode, or 201 for a POST.
      const fresh: StoredAnswer = { fingerprint, status: reply.statusCode, body };
      await this.keys.store(manager, userId, key, fresh);
      return { ...fresh, replayed: false };
    });
    if (answer.replayed) void reply.status(answer.status).header(REPLAYED_HEADER, 'true');
    return answer.body;
  }
}

function keyReused(): RuleViolation {
  return new RuleViolation(
    [
      {
        field: IDEMPOTENCY_KEY_HEADER,
        rule: 'idempotency_key_reused',
        message: `This ${IDEMPOTENCY_KEY_HEADER} was used in the last 24 hours for another request (another path or body); use a new key for a new request`,
      },
    ],
    'idempotency_key_reused',
  );
}
