import type { SsoProviderConfig } from './sso-provider-config';
import { ssoAnswerUrl } from './sso-urls';

export interface BrowserBindingCookie {
  name: string;
  /** Only the answer route gets it: no other request of the API carries it. */
  path: string;
  sameSite: 'Lax' | 'None';
  secure: boolean;
}

const NAME = 'hp_sso_binding';

/**
 * The cookie that binds a sign-in to the browser that started it, so that an attacker cannot
 * make a victim's browser complete the attacker's sign-in (login CSRF): the login route sets a
 * random value, the state keeps its hash, and the answer route refuses a state without it.
 *
 * OIDC's callback is a top-level GET navigation, which SameSite=Lax cookies accompany. SAML's
 * answer is a form POST from the IdP's site, which Lax cookies do not accompany, so SAML's cookie
 * is SameSite=None, which browsers accept only with Secure: SAML sign-in needs PUBLIC_URL to be
 * https (browsers treat http://localhost as secure, so development works too).
 *
 * One cookie per provider and browser: a sign-in started in a second tab replaces the first's, which
 * then ends in sso_state_invalid and is simply started again.
 */
export function browserBindingCookie(provider: Pick<SsoProviderConfig, 'id' | 'kind'>, publicUrl: string): BrowserBindingCookie {
  const url = new URL(ssoAnswerUrl(provider, publicUrl));
  const https = url.protocol === 'https:';
  if (provider.kind === 'saml' && (https || url.hostname === 'localhost')) return { name: NAME, path: url.pathname, sameSite: 'None', secure: true };
  return { name: NAME, path: url.pathname, sameSite: 'Lax', secure: https };
}

export function setCookieHeader(cookie: BrowserBindingCookie, value: string, maxAgeSeconds: number): string {
  return [`${cookie.name}=${value}`, `Path=${cookie.path}`, `Max-Age=${maxAgeSeconds}`, 'HttpOnly', `SameSite=${cookie.sameSite}`, ...(cookie.secure ? ['Secure'] : [])].join('; ');
}

export function clearCookieHeader(cookie: BrowserBindingCookie): string {
  return setCookieHeader(cookie, '', 0);
}

/** The cookie's value in a Cookie header, if it is there. */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}
