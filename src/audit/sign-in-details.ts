/** How a sign-in-related event ended. */
export const SIGN_IN_OUTCOMES = ['succeeded', 'failed', 'refused', 'locked', 'ended', 'changed'] as const;
export type SignInOutcome = (typeof SIGN_IN_OUTCOMES)[number];

/** The NSIS assurance levels (the Danish national standard for identity assurance, as MitID Erhverv asserts them). */
export const NSIS_LEVELS = ['Low', 'Substantial', 'High'] as const;
export type NsisLevelName = (typeof NSIS_LEVELS)[number];

/**
 * How a sign-in-related event happened, as the audit log keeps it (audit_events.details): what a
 * security officer asks after an incident ("from where, with what, through which provider, at which
 * assurance level"). The address is staff's personal data: it is kept here, where the plan's leader
 * and the admin read it, and never in application logs.
 */
export interface SignInDetails {
  outcome: SignInOutcome;
  /** The client's address as the API saw it (X-Forwarded-For only behind a trusted proxy, TRUST_PROXY). */
  address?: string;
  /** The User-Agent header, shortened. */
  userAgent?: string;
  /** `local` (our own password and second factors) or the single sign-on provider's id. */
  provider?: string;
  /** What was proved or tried: `password`, `totp`, `passkey`, `recovery_code`, `oidc`, `saml`, `refresh_token`. */
  method?: string;
  /** For a session opened: every way the user authenticated (amr values, src/auth/authentication-methods.ts). */
  amr?: string[];
  /** The assurance level the identity provider asserted (SAML, OIOSAML 3). */
  nsisLevel?: NsisLevelName;
  /** The identity provider's id of the message that signed the person in (SAML: the Response's ID), to match its own log. */
  idpMessageId?: string;
  /** Why it was refused or failed: the answer's problem code (invalid_credentials, mfa_code_invalid, sso_loa_too_low, ...). */
  reason?: string;
}
