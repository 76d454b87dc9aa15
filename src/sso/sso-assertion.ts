import type { Role } from '../access/roles';
import type { NsisLevel, SsoMembership, SsoProviderConfig } from './sso-provider-config';

/**
 * What a provider proved about a person, after the protocol checks (signature, audience, nonce
 * or InResponseTo, expiry) passed and its claims were mapped. The same for OpenID Connect and
 * SAML; src/sso/sso-sign-in.service.ts turns it into a user and a sign-in.
 */
export interface SsoAssertion {
  provider: SsoProviderConfig;
  /** The issuer (OIDC `iss`, SAML Issuer); with `subject`, the person's identity. Never the e-mail. */
  issuer: string;
  subject: string;
  name?: string;
  email?: string;
  /** Our roles the provider's roles, groups or privileges map to (may be none or several). */
  roles: Role[];
  /** The plan and organisation from the provider's mapping (OIDC `membership`, SAML CVR), if any. */
  membership?: SsoMembership;
  /** Whether the provider asserted a multi-factor sign-in (OIDC amr/acr; SAML NSIS Substantial or High). */
  multiFactor: boolean;
  /**
   * When the person authenticated at the provider (OIDC auth_time, SAML AuthnInstant), which can be
   * long before this sign-in when the provider reused its own session; step-up reads it.
   */
  authenticatedAt?: Date;
  /** The NSIS assurance level the provider asserted (SAML: OIOSAML 3's loa attribute), for the audit log. */
  nsisLevel?: NsisLevel;
  /**
   * The identity provider's id of the message that signed the person in (SAML: the Response's ID,
   * or the Assertion's), recorded in the audit log's sign-in details (`idpMessageId`) so that a
   * sign-in can be matched with the IdP's own log. Filled by the protocol that knows it.
   */
  idpMessageId?: string;
}
