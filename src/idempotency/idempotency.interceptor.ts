import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { defer, lastValueFrom, type Observable } from 'rxjs';
import type { Actor } from '../access/actor';
import { PUBLIC_ROUTE } from '../access/allow.decorator';
import { checkedActor, isUncheckedCaller, type UncheckedCallerClaims } from '../access/session-checked-write';
import { Conflict, DomainError, RuleViolation } from '../common/domain-errors';
import { UnitOfWork } from '../database/unit-of-work';
import { SessionsRepository } from '../users/sessions.repository';
import { ANSWER_HOLDS_SECRETS } from './answer-holds-secrets';
import { IdempotencyKeysRepository } from './idempotency-keys.repository';
import { IDEMPOTENCY_KEY_HEADER, idempotencyKeyOf, REPLAYED_HEADER, requestFingerprint } from './idempotent-request';
import { KeptAnswers, type KeyHolder } from './kept-answers';

/** How long a client is asked to wait before retrying a request whose first attempt is still running. */
const RETRY_AFTER_SECONDS = 1;

type Caller = Omit<Actor, 'requestId'> | UncheckedCallerClaims;

/**
 * Every POST accepts an Idempotency-Key (api.md): a client that lost the answer to a write (a
 * dropped connection, a timeout) retries with the same key and gets the first answer instead of
 * a second contact or resident.
 *
 * The request runs in a transaction opened here, which the services' `uow.run` join as
 * savepoints; the answer is kept in that same transaction (kept-answers.ts). So a key is kept
 * exactly when the write commits: a refused or failed request stores nothing and can be retried
 * with its key. A transaction-level advisory lock on (user, key) makes a second request with the
 * key wait for nothing: while the first runs it is refused with 409, after the commit it finds
 * the answer.
 *
 * A retry is no back door: it has passed the policy guard like a new request (session, role,
 * step-up); on a route that leaves the session check to its write, the session is checked here
 * before anything kept is shown; and the kept answer is shown only while the caller may still
 * see the residents it is about (kept-answers.ts). Routes whose answers hold secrets keep none.
 *
 * Public routes (login, refresh, logout, invitations) ignore the header: their answers are
 * tokens, which must never be stored, and they have no user to scope a key to.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly keys: IdempotencyKeysRepository,
    private readonly answers: KeptAnswers,
    private readonly sessions: SessionsRepository,
    private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest & { user?: Caller }>();
    const header = request.headers[IDEMPOTENCY_KEY_HEADER.toLowerCase()];
    if (request.method !== 'POST' || header === undefined) return next.handle();
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return next.handle();
    // The policy guard has authenticated every other route before interceptors run.
    const caller = request.user;
    if (!caller?.userId) return next.handle();
    const key = idempotencyKeyOf(header);
    const fingerprint = requestFingerprint(request.method, request.url, request.body);
    const holdsSecrets = this.reflector.getAllAndOverride<boolean>(ANSWER_HOLDS_SECRETS, targets) === true;
    const reply = http.getResponse<FastifyReply>();
    const requestId = String(request.id);
    // A promise, not a chain of the subscription: a client that goes away does not stop the write half-way.
    return defer(() => this.answerOnce({ caller, requestId, key, fingerprint, holdsSecrets }, reply, next));
  }

  private async answerOnce(
    request: { caller: Caller; requestId: string; key: string; fingerprint: string; holdsSecrets: boolean },
    reply: FastifyReply,
    next: CallHandler,
  ): Promise<unknown> {
    const { caller, key, fingerprint } = request;
    const answer = await this.uow.inNewTransaction(async (manager) => {
      if (!(await this.keys.claim(manager, caller.userId, key))) {
        void reply.header('Retry-After', String(RETRY_AFTER_SECONDS));
        throw new Conflict(`A request with this ${IDEMPOTENCY_KEY_HEADER} is still being processed; retry it once that has finished`, {
          code: 'idempotency_key_in_progress',
        });
      }
      const stored = await this.keys.find(manager, caller.userId, key);
      if (stored) {
        const holder = await this.holder(caller, request.requestId);
        if (stored.fingerprint !== fingerprint) throw keyReused();
        return { ...(await this.answers.replay(manager, holder, key, stored)), replayed: true };
      }
      // `next.handle()` binds the route handler (its pipes and its services) to the async context
      // it is called in, which is inside this transaction's: the services' `uow.run` join it.
      const body = await lastValueFrom(next.handle(), { defaultValue: undefined });
      // The status Nest set before the handler ran: the route's @HttpCode, or 201 for a POST.
      const status = reply.statusCode;
      await this.answers.keep(manager, this.writer(caller, request.requestId), key, { fingerprint, status, body, holdsSecrets: request.holdsSecrets });
      return { status, body, replayed: false };
    });
    // A refused replay commits first: forgetting an answer the caller may no longer see stands.
    if ('refusal' in answer) throw answer.refusal;
    if (answer.replayed) void reply.status(answer.status).header(REPLAYED_HEADER, 'true');
    return answer.body;
  }

  /**
   * The caller of a replay, as its access checks need them. On a route that leaves the session
   * check to its write (the contact, session-checked-write.ts) the guard has not read the session:
   * it is read here, before anything kept is shown, and a replay is refused exactly as the write
   * would be (401 session_ended, 403).
   */
  private async holder(caller: Caller, requestId: string): Promise<KeyHolder> {
    if (!isUncheckedCaller(caller)) return this.writer(caller, requestId);
    const user = await this.sessions.activeUser(caller.userId, caller.sessionId);
    const found = user ? { callerRole: user.role, callerPlanId: user.planId, callerOrganisationId: user.organisationId } : undefined;
    return { userId: caller.userId, requestId, actor: checkedActor({ ...caller, requestId }, found) };
  }

  /**
   * The caller of a write that has just run. A session-checked write checked its caller in its own
   * statement and is not read again: such routes are the owning compartment's hot paths, whose
   * answers no consent admits, so the kept answer needs no actor to record consents by.
   */
  private writer(caller: Caller, requestId: string): KeyHolder {
    if (isUncheckedCaller(caller) || !caller.planId) return { userId: caller.userId, requestId };
    return { userId: caller.userId, requestId, actor: { ...caller, planId: caller.planId, requestId } };
  }
}

function keyReused(): DomainError {
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
