import type { Response as TestResponse } from 'supertest';
import { API, type TestApp } from './test-app';

/** Where a sign-in ended: the returnUrl, with the one-time code or the refusal's code from its fragment. */
export interface SignInOutcome {
  location: string;
  code?: string;
  error?: string;
}

export function outcomeOf(location: string): SignInOutcome {
  const fragment = new URLSearchParams(new URL(location).hash.slice(1));
  return { location, code: fragment.get('code') ?? undefined, error: fragment.get('error') ?? undefined };
}

/**
 * A browser for single sign-on tests: it follows redirects between our app (reached through
 * supertest, at the app's PUBLIC_URL) and the test provider (real HTTP), keeping each one's cookies
 * as a browser would. One instance is one browser; a new one has no cookies.
 */
export class TestBrowser {
  /** Our browser-binding cookie (`name=value`) from the last login route. */
  appCookie: string | undefined;
  private readonly providerCookies = new Map<string, string>();

  constructor(
    private readonly t: TestApp,
    private readonly publicUrl = 'http://localhost:3000',
  ) {}

  /** Our login route: the answer (302 to the provider, or to the returnUrl with an error). */
  async startSignIn(providerId: string, invitation?: string, options: { reauth?: boolean; link?: string } = {}): Promise<TestResponse> {
    const params = new URLSearchParams({ ...(invitation ? { invitation } : {}), ...(options.reauth ? { reauth: 'true' } : {}), ...(options.link ? { link: options.link } : {}) });
    const query = params.size ? `?${params}` : '';
    const res = await this.t.http().get(`${API}/auth/sso/${providerId}/login${query}`);
    const cookie = ([] as string[]).concat(res.headers['set-cookie'] ?? [])[0];
    if (cookie) this.appCookie = cookie.split(';')[0];
    return res;
  }

  /** Signs in at the provider as `account` (its login_hint) and follows it until it sends the browser back to us. */
  async atProvider(authorizationUrl: string, account: string, tamper?: (url: URL) => void): Promise<string> {
    let url = new URL(authorizationUrl);
    url.searchParams.set('login_hint', account);
    tamper?.(url);
    for (let hop = 0; hop < 10; hop++) {
      if (url.href.startsWith(this.publicUrl)) return url.href;
      const res = await fetch(url, { redirect: 'manual', headers: { Cookie: this.providerCookieHeader() } });
      this.keepProviderCookies(res);
      const location = res.headers.get('location');
      if (!location) throw new Error(`the provider answered ${res.status} without a redirect: ${await res.text()}`);
      url = new URL(location, url);
    }
    throw new Error('the provider kept redirecting');
  }

  /**
   * Follows our logout's `providerLogoutUrl` to the provider, confirms the logout there as the
   * person would (the provider's form), and answers where the provider sends the browser back to.
   */
  async logoutAtProvider(providerLogoutUrl: string): Promise<string> {
    const page = await fetch(providerLogoutUrl, { redirect: 'manual', headers: { Cookie: this.providerCookieHeader() } });
    this.keepProviderCookies(page);
    const form = await page.text();
    const action = /action="([^"]+)"/.exec(form)?.[1];
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(form)?.[1];
    if (!action || !xsrf) throw new Error(`the provider answered ${page.status} without its logout form: ${form}`);
    const confirmed = await fetch(new URL(action, providerLogoutUrl), {
      method: 'POST',
      redirect: 'manual',
      headers: { Cookie: this.providerCookieHeader(), 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ xsrf, logout: 'yes' }),
    });
    this.keepProviderCookies(confirmed);
    const location = confirmed.headers.get('location');
    if (!location) throw new Error(`the provider's logout answered ${confirmed.status} without a redirect`);
    return new URL(location, providerLogoutUrl).href;
  }

  private providerCookieHeader(): string {
    return [...this.providerCookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private keepProviderCookies(res: Response): void {
    for (const header of res.headers.getSetCookie()) {
      const [pair] = header.split(';');
      const [name, ...value] = pair.split('=');
      this.providerCookies.set(name.trim(), value.join('='));
    }
  }

  /** Our callback, as the browser follows the provider's redirect to it (with this browser's cookie, or the one given). */
  callback(callbackUrl: string, cookie: string | undefined = this.appCookie) {
    const request = this.t.http().get(callbackUrl.slice(this.publicUrl.length));
    if (cookie) void request.set('Cookie', cookie);
    return request;
  }

  /** The whole sign-in: our login route, the provider, our callback, and the returnUrl it ends at. */
  async signIn(providerId: string, account: string, options: { invitation?: string; link?: string; tamper?: (url: URL) => void } = {}): Promise<SignInOutcome> {
    const start = await this.startSignIn(providerId, options.invitation, { link: options.link });
    if (start.status !== 302) throw new Error(`login answered ${start.status}: ${JSON.stringify(start.body)}`);
    const location = start.headers.location as string;
    // A refusal at the login route goes straight to the returnUrl with `#error=`; the provider's URL has no fragment.
    if (new URL(location).hash) return outcomeOf(location);
    const callback = await this.callback(await this.atProvider(location, account, options.tamper));
    if (callback.status !== 303) throw new Error(`callback answered ${callback.status}: ${JSON.stringify(callback.body)}`);
    return outcomeOf(callback.headers.location as string);
  }
}
