import { ForbiddenException } from '@nestjs/common';
import { Unauthenticated } from '../common/domain-errors';

/** The refusals of the policy layer, given alike wherever a caller is checked (the guard, the token verifier, a write that checks its own session). */

/** The generic refusal, or the route's own (@RefuseOthersWith) that says who may. */
export function roleNotAllowed(refusal?: { code: string; detail: string }): ForbiddenException {
  return refusal ? new ForbiddenException({ message: refusal.detail, code: refusal.code }) : new ForbiddenException('Your role may not do this');
}

export function sessionEnded(): Unauthenticated {
  return new Unauthenticated('The session has ended or the account is no longer active; sign in again', { code: 'session_ended' });
}
