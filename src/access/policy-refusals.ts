import { ForbiddenException } from '@nestjs/common';
import { Unauthenticated } from '../common/domain-errors';

/** The refusals of the policy layer, given alike wherever a caller is checked (the guard, the token verifier, a write that checks its own session). */

export function roleNotAllowed(): ForbiddenException {
  return new ForbiddenException('Your role may not do this');
}

export function sessionEnded(): Unauthenticated {
  return new Unauthenticated('The session has ended or the account is no longer active; sign in again', { code: 'session_ended' });
}
