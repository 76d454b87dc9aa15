import { Inject, Injectable, Logger } from '@nestjs/common';
import { AuditWriter } from '../audit/audit-writer';
import { signInDetails } from '../auth/sign-in-audit';
import { AUTHENTICATION, type RequestOrigin } from '../auth/sign-in.service';
import { API_PREFIX } from '../common/api-prefix';
import { unavailableDependency } from '../common/problem.filter';
import { DomainError, Unauthenticated } from '../common/domain-errors';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { ExchangeCodes } from './exchange-codes';
import type { SsoAssertion } from './sso-assertion';
import { browserBindingCookie, clearCookieHeader, cookieValue, setCookieHeader } from './sso-cookies';
import { SsoLinkTokens } from './sso-link-tokens';
import { SSO_PROBLEMS } from './sso-problems';
import { SsoProtocols } from './sso-protocol';
import type { SsoProviderConfig } from './sso-provider-config';
import { SsoProviders } from './sso-providers';
import { SsoSignInService } from './sso-sign-in.service';
import { SSO_STATE_TTL_SECONDS, SsoStates, type SsoState } from './sso-states';
import { returnUrlWith } from './sso-urls';

/** Where to send the browser next, and the browser-binding cookie to set or clear on the way. */
export interface SsoRedirect {
  location: string;
  setCookie?: string;
}

/** A protocol's check of the provider's answer against the state it started with (OIDC callback, SAML ACS). */
export type VerifyAnswer = (provider: SsoProviderConfig, state: SsoState) => Promise<SsoAssertion>;

/**
 * The single sign-on flow both protocols share: start (state, browser binding, the protocol's
 * redirect) and finish (state taken once, the protocol's verification, the user, a one-time code
 * for POST /auth/exchange). A browser is on the other end, so once the provider is known a
 * refusal goes back to its returnUrl as `#error=<code>` rather than as a JSON page; an unknown
 * provider or state answers problem+json (there is nowhere trustworthy to send the browser).
 */
@Injectable()
export class SsoLogins {
  private readonly logger = new Logger(SsoLogins.name);

  constructor(
    private readonly providers: SsoProviders,
    private readonly protocols: SsoProtocols,
    private readonly states: SsoStates,
    private readonly linkTokens: SsoLinkTokens,
    private readonly codes: ExchangeCodes,
    private readonly signIns: SsoSignInService,
    private readonly audit: AuditWriter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Where a signed-in user's browser goes to link their account to the provider (see SsoLinkTokens). */
  async linkUrl(providerId: string, userId: string): Promise<string> {
    const provider = this.providers.get(providerId);
    const token = await this.linkTokens.issue(provider.id, userId);
    return `${this.config.publicUrl}/${API_PREFIX}/auth/sso/${encodeURIComponent(provider.id)}/login?link=${token}`;
  }

  /** GET /auth/sso/:provider/login: to the provider, with a state bound to this browser. */
  async start(providerId: string, options: { invitationToken?: string; reauthenticate?: boolean; linkToken?: string }, origin: RequestOrigin): Promise<SsoRedirect> {
    const provider = this.providers.get(providerId);
    try {
      const state = this.states.draft(provider.id, options.invitationToken, options.reauthenticate);
      if (options.linkToken !== undefined) {
        const userId = await this.linkTokens.take(provider.id, options.linkToken);
        if (!userId) throw new Unauthenticated(SSO_PROBLEMS.sso_link_invalid, { code: 'sso_link_invalid' });
        state.linkUserId = userId;
      }
      const location = await this.protocols.for(provider).start(provider, state);
      const binding = await this.states.save(state);
      return { location, setCookie: setCookieHeader(browserBindingCookie(provider, this.config.publicUrl), binding, SSO_STATE_TTL_SECONDS) };
    } catch (error) {
      return this.refused(provider, error, origin);
    }
  }

  /**
   * The provider's answer: `stateId` is OIDC's `state` or SAML's `RelayState`, `cookieHeader` the
   * request's Cookie header, `verify` the protocol's check. Ends at the returnUrl with `#code=`.
   */
  async finish(providerId: string, stateId: string | undefined, cookieHeader: string | undefined, verify: VerifyAnswer, origin: RequestOrigin): Promise<SsoRedirect> {
    const provider = this.providers.get(providerId);
    const cookie = browserBindingCookie(provider, this.config.publicUrl);
    const state = await this.states.take(provider.id, stateId, cookieValue(cookieHeader, cookie.name));
    let assertion: SsoAssertion;
    try {
      assertion = await verify(provider, state);
    } catch (error) {
      return { ...(await this.refused(provider, error, origin)), setCookie: clearCookieHeader(cookie) };
    }
    try {
      // complete() audits its own refusals, under the plan it found.
      const outcome = await this.signIns.complete(assertion, state, origin);
      return { location: returnUrlWith(provider, { code: await this.codes.issue(outcome) }), setCookie: clearCookieHeader(cookie) };
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return { location: returnUrlWith(provider, { error: error.code }), setCookie: clearCookieHeader(cookie) };
    }
  }

  private async refused(provider: SsoProviderConfig, caught: unknown, origin: RequestOrigin): Promise<SsoRedirect> {
    // Redis or PostgreSQL out of reach: the browser goes back with #error=dependency_unavailable, like a provider that is down.
    const error = caught instanceof DomainError ? caught : unavailableDependency(caught);
    if (!error) throw caught;
    this.logger.warn({ providerId: provider.id, code: error.code }, 'single sign-on refused');
    await this.audit.record(
      { userId: null, role: null, planId: provider.kind === 'oidc' ? (provider.membership?.planId ?? null) : null, requestId: origin.requestId },
      {
        action: `auth.sso_refused.${error.code}`,
        purpose: AUTHENTICATION,
        details: signInDetails(origin, { provider: provider.id, method: provider.kind, outcome: 'refused', reason: error.code }),
      },
    );
    return { location: returnUrlWith(provider, { error: error.code }) };
  }
}
