import { Conflict, DomainError, Forbidden, Unauthenticated } from '../common/domain-errors';
import type { SsoProblem } from './sso-problems';
import { SSO_PROBLEMS } from './sso-problems';

/** 404 `sso_provider_unknown`: like any missing object, but with its own code for the sign-in page. */
export class UnknownSsoProvider extends DomainError {
  readonly status = 404;
  readonly title = 'Not found';
  protected readonly defaultCode = 'sso_provider_unknown';
  constructor() {
    super(SSO_PROBLEMS.sso_provider_unknown);
  }
}

/** The sign-in was not started in this browser, has expired or was used: start again (login CSRF, replay). */
export const invalidState = () => new Unauthenticated(SSO_PROBLEMS.sso_state_invalid, { code: 'sso_state_invalid' });

/** The provider's answer failed a protocol check (signature, issuer, audience, nonce, expiry) or lacks the subject. */
export const invalidAssertion = () => new Unauthenticated(SSO_PROBLEMS.sso_assertion_invalid, { code: 'sso_assertion_invalid' });

/** A person the provider vouched for who may not get in here (sso-rules.ts says why). */
export function ssoRefusal(code: SsoProblem): DomainError {
  const conflict = code === 'sso_account_exists' || code === 'sso_identity_in_use';
  return conflict ? new Conflict(SSO_PROBLEMS[code], { code }) : new Forbidden(SSO_PROBLEMS[code], { code });
}
