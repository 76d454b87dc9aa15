import type { NsisLevelName, SignInDetails } from '../audit/sign-in-details';
import type { SignInProof } from '../users/sessions.repository';
import { AMR } from './authentication-methods';
import type { RequestOrigin } from './sign-in-types';

/** Our own sign-in (password and our second factors), as the audit log names the provider. */
export const LOCAL_PROVIDER = 'local';

/** What proved the first factor, as the audit log names it. */
export type FirstFactorMethod = 'password' | 'oidc' | 'saml';

/**
 * A first factor proved, with what the audit log records of it beside what the session keeps:
 * how (password, OpenID Connect, SAML) and, for single sign-on, the assurance level and the
 * identity provider's message id. The mfaToken carries these on to the second step.
 */
export interface FirstFactorProof extends SignInProof {
  method?: FirstFactorMethod;
  nsisLevel?: NsisLevelName;
  idpMessageId?: string;
}

/** amr values (src/auth/authentication-methods.ts) as the audit log's `method` names them. */
export const METHOD_OF_AMR: Record<string, string> = {
  [AMR.password]: 'password',
  [AMR.totp]: 'totp',
  [AMR.passkey]: 'passkey',
  [AMR.recoveryCode]: 'recovery_code',
};

/**
 * The circumstances of a sign-in-related event for the audit log: where the request came from,
 * and, when the event belongs to a sign-in under way, through which provider and at which level.
 */
export function signInDetails(origin: RequestOrigin, details: Omit<SignInDetails, 'address' | 'userAgent'>, proof?: FirstFactorProof): SignInDetails {
  return {
    ...(proof ? { provider: proof.provider ?? LOCAL_PROVIDER } : {}),
    ...(proof?.nsisLevel ? { nsisLevel: proof.nsisLevel } : {}),
    ...(proof?.idpMessageId ? { idpMessageId: proof.idpMessageId } : {}),
    ...details,
    address: origin.address,
    ...(origin.userAgent ? { userAgent: origin.userAgent } : {}),
  };
}
