import type { Role } from '../access/roles';
import type { SsoSessionLink } from '../users/sessions.repository';
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
   * The sign-in counts as multi-factor only by the operator's statement that the provider's policy
   * requires MFA (OIDC `tenantEnforcesMfa`), not by anything in the answer: amr `provider_policy`.
   */
  multiFactorByPolicy?: boolean;
  /**
   * When the person authenticated at the provider (OIDC auth_time, SAML AuthnInstant), which can be
   * long before this sign-in when the provider reused its own session; step-up reads it.
   */
  authenticatedAt?: Date;
  /**
   * How the provider's logout messages will name this sign-in: the protocol's own subject (OIDC
   * `sub`, which may differ from the identity claim, e.g. Entra ID's `oid`; SAML NameID) and the
   * provider's session (OIDC `sid`, SAML SessionIndex) when it has one.
   */
  providerSession?: SsoSessionLink;
  /**
   * The IdP's own id of the message that signed the person in (SAML: the Response's ID), and of
   * the assertion in it, so the sign-in's audit event can be matched with the IdP's log.
   */
  idpMessageId?: string;
  idpAssertionId?: string;
  /** The NSIS assurance level the provider asserted (SAML: OIOSAML 3's loa attribute), for the audit log. */
  nsisLevel?: NsisLevel;
}
