/**
 * How a user proved who they are, as `amr` values (RFC 8176 where it has one) in sessions and
 * access tokens. Step-up and the MFA rule read them; the audit log records them.
 */
export const AMR = {
  password: 'pwd',
  totp: 'otp',
  passkey: 'hwk',
  /** A single-use recovery code: a second factor, for when the phone or key is lost. */
  recoveryCode: 'rcv',
  /** Signed in by a single sign-on provider. */
  federated: 'fed',
  /** The provider asserted that it used more than one factor (OIDC amr/acr/acrs, SAML NSIS level). */
  providerMfa: 'mfa',
  /**
   * The provider's tokens say nothing of the factors, but the operator states that its policy
   * requires MFA for this application (providers file `tenantEnforcesMfa`): a trust decision,
   * recorded as such so the audit and the tokens tell it from an asserted second factor.
   */
  providerPolicy: 'provider_policy',
} as const;

export type AuthenticationMethod = (typeof AMR)[keyof typeof AMR];

const SECOND_FACTORS: ReadonlySet<string> = new Set([AMR.totp, AMR.passkey, AMR.recoveryCode, AMR.providerMfa, AMR.providerPolicy]);

/** Whether a sign-in used a second factor. */
export function isMultiFactor(amr: readonly string[]): boolean {
  return amr.some((method) => SECOND_FACTORS.has(method));
}

/** The second factors a user can be asked for at sign-in. */
export const MFA_METHODS = ['totp', 'passkey', 'recovery_code'] as const;
export type MfaMethod = (typeof MFA_METHODS)[number];
