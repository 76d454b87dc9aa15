import type { SsoAssertion } from '../sso-assertion';
import { invalidAssertion } from '../sso-errors';
import type { OidcProviderConfig } from '../sso-provider-config';

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value : undefined);
const texts = (value: unknown): string[] => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : typeof value === 'string' ? [value] : []);

/**
 * What a verified ID token says about the person, in our terms. The identity is the issuer and the
 * provider's stable subject claim (Entra ID: `oid`, which never changes for the person in the
 * tenant, unlike the e-mail or the UPN); roles are the provider's values the file maps, others are
 * ignored; the sign-in was multi-factor only when the provider says so (`amr` or `acr`).
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
  const multiFactor = amr.some((method) => provider.mfa.amr?.includes(method)) || (acr !== undefined && (provider.mfa.acr ?? []).includes(acr));
  return {
    provider,
    issuer,
    subject,
    name: text(claims.name),
    email: text(claims[provider.emailClaim ?? 'email']),
    roles,
    membership: provider.membership,
    multiFactor,
    ...(text(claims.sub) ? { providerSession: { subject: claims.sub as string, ...(text(claims.sid) ? { sessionId: claims.sid as string } : {}) } } : {}),
    ...(typeof claims.auth_time === 'number' && Number.isFinite(claims.auth_time) ? { authenticatedAt: new Date(claims.auth_time * 1000) } : {}),
  };
}
