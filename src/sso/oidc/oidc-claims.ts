import type { SsoAssertion } from '../sso-assertion';
import { invalidAssertion } from '../sso-errors';
import type { OidcProviderConfig } from '../sso-provider-config';

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value : undefined);
const texts = (value: unknown): string[] => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : typeof value === 'string' ? [value] : []);

/**
 * The provider did not say when the person authenticated (Entra ID gives `auth_time` only as an
 * optional claim): the sign-in may have reused a provider session of this morning, so it is never
 * taken as fresh, and step-up cannot pass on it (src/access/step-up.ts reads this time).
 */
export const UNKNOWN_AUTHENTICATION_TIME = new Date(0);

/**
 * What a verified ID token says about the person, in our terms. The identity is the issuer and the
 * provider's stable subject claim (Entra ID: `oid`, which never changes for the person in the
 * tenant, unlike the e-mail or the UPN); roles are the provider's values the file maps, others are
 * ignored; the sign-in was multi-factor when the provider says so (`amr`, `acr`, or an Entra ID
 * authentication context in `acrs` whose Conditional Access policy requires MFA), or when the
 * operator states that the provider's policy requires MFA for every sign-in (`tenantEnforcesMfa`).
 */
export function assertionFromClaims(provider: OidcProviderConfig, claims: Record<string, unknown>): SsoAssertion {
  const issuer = text(claims.iss);
  const subject = text(claims[provider.subjectClaim ?? 'sub']);
  if (!issuer || !subject) throw invalidAssertion();
  const roles = texts(claims[provider.rolesClaim])
    .filter((value) => Object.hasOwn(provider.roles, value))
    .map((value) => provider.roles[value]);
  const amr = texts(claims.amr);
  const acr = text(claims.acr);
  const acrs = texts(claims.acrs);
  const asserted =
    amr.some((method) => provider.mfa.amr?.includes(method)) || (acr !== undefined && (provider.mfa.acr ?? []).includes(acr)) || acrs.some((context) => provider.mfa.acrs?.includes(context));
  const byPolicy = !asserted && provider.tenantEnforcesMfa === true;
  return {
    provider,
    issuer,
    subject,
    name: text(claims.name),
    email: text(claims[provider.emailClaim ?? 'email']),
    roles,
    membership: provider.membership,
    multiFactor: asserted || byPolicy,
    ...(byPolicy ? { multiFactorByPolicy: true } : {}),
    ...(text(claims.sub) ? { providerSession: { subject: claims.sub as string, ...(text(claims.sid) ? { sessionId: claims.sid as string } : {}) } } : {}),
    authenticatedAt: typeof claims.auth_time === 'number' && Number.isFinite(claims.auth_time) ? new Date(claims.auth_time * 1000) : UNKNOWN_AUTHENTICATION_TIME,
  };
}
