import { API_PREFIX } from '../common/api-prefix';
import type { SsoProviderConfig } from './sso-provider-config';

/**
 * Where a provider sends its answer, as registered with it: OIDC's redirect URI
 * (`<PUBLIC_URL>/api/v1/auth/sso/<id>/callback`) or SAML's AssertionConsumerService
 * (`<PUBLIC_URL>/api/v1/auth/saml/<id>/acs`).
 */
export function ssoAnswerUrl(provider: Pick<SsoProviderConfig, 'id' | 'kind'>, publicUrl: string): string {
  const route = provider.kind === 'saml' ? `auth/saml/${provider.id}/acs` : `auth/sso/${provider.id}/callback`;
  return `${publicUrl.replace(/\/$/, '')}/${API_PREFIX}/${route}`;
}

/**
 * The provider's returnUrl with the outcome in the fragment (`#code=...` or `#error=...`): a
 * fragment never reaches a server, so the one-time code stays out of access logs and Referer headers.
 */
export function returnUrlWith(provider: Pick<SsoProviderConfig, 'returnUrl'>, outcome: { code: string } | { error: string }): string {
  const url = new URL(provider.returnUrl);
  url.hash = new URLSearchParams(outcome).toString();
  return url.toString();
}
