import { Inject, Injectable, Logger } from '@nestjs/common';
import * as client from 'openid-client';
import { DependencyUnavailable, DomainError, Unauthenticated } from '../../common/domain-errors';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import type { SsoAssertion } from '../sso-assertion';
import { invalidAssertion, UnknownSsoProvider } from '../sso-errors';
import { SSO_PROBLEMS } from '../sso-problems';
import type { SsoProtocol } from '../sso-protocol';
import { SsoProtocols } from '../sso-protocol';
import type { OidcProviderConfig, SsoProviderConfig } from '../sso-provider-config';
import { SsoProviders } from '../sso-providers';
import type { SsoState } from '../sso-states';
import { ssoAnswerUrl } from '../sso-urls';
import { assertionFromClaims } from './oidc-claims';

/** A provider's discovery document is read again after this long (keys rotate on their own: openid-client refetches the JWKS). */
const DISCOVERY_MAX_AGE_MS = 24 * 3600_000;
const REQUEST_TIMEOUT_SECONDS = 10;
const SCOPES = ['openid', 'profile', 'email'];

/** openid-client's codes for a provider that answered nothing usable: it is down, not the person's sign-in wrong. */
const UNREACHABLE_CODES = new Set(['OAUTH_TIMEOUT', 'OAUTH_ABORT', 'OAUTH_RESPONSE_IS_NOT_CONFORM', 'OAUTH_RESPONSE_IS_NOT_JSON']);

/**
 * OpenID Connect (Entra ID and others) with openid-client's functional API: the authorization code
 * flow with PKCE, state and nonce; the ID token's issuer, audience, expiry and nonce are checked by
 * openid-client, and its claims become an SsoAssertion (oidc-claims.ts).
 */
@Injectable()
export class OidcProtocol implements SsoProtocol<OidcProviderConfig> {
  private readonly logger = new Logger(OidcProtocol.name);
  private readonly discovered = new Map<string, { at: number; configuration: Promise<client.Configuration> }>();

  constructor(
    protocols: SsoProtocols,
    private readonly providers: SsoProviders,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    // A changed providers file (a new client, issuer or key) starts from a fresh discovery.
    providers.register(() => () => this.discovered.clear());
    protocols.register('oidc', this);
  }

  async start(provider: OidcProviderConfig, state: SsoState): Promise<string> {
    const configuration = await this.configuration(provider);
    state.nonce = client.randomNonce();
    state.codeVerifier = client.randomPKCECodeVerifier();
    return client.buildAuthorizationUrl(configuration, {
      redirect_uri: ssoAnswerUrl(provider, this.config.publicUrl),
      scope: [...new Set([...SCOPES, ...(provider.scopes ?? [])])].join(' '),
      code_challenge: await client.calculatePKCECodeChallenge(state.codeVerifier),
      code_challenge_method: 'S256',
      state: state.id,
      nonce: state.nonce,
      ...(state.reauthenticate ? { prompt: 'login', max_age: '0' } : {}),
    }).href;
  }

  /** The callback's query (`code`, `state`, `iss` or `error`) checked and redeemed at the token endpoint. */
  async verify(provider: SsoProviderConfig, state: SsoState, callbackQuery: string): Promise<SsoAssertion> {
    if (provider.kind !== 'oidc') throw new UnknownSsoProvider();
    const configuration = await this.configuration(provider);
    const currentUrl = new URL(ssoAnswerUrl(provider, this.config.publicUrl));
    currentUrl.search = callbackQuery;
    try {
      const tokens = await client.authorizationCodeGrant(configuration, currentUrl, {
        pkceCodeVerifier: state.codeVerifier,
        expectedState: state.id,
        expectedNonce: state.nonce,
        idTokenExpected: true,
      });
      return assertionFromClaims(provider, { ...tokens.claims() });
    } catch (error) {
      throw this.refusal(provider, error);
    }
  }

  /** Discovery, once per provider (and again after a day, or after a failure). */
  private configuration(provider: OidcProviderConfig): Promise<client.Configuration> {
    const cached = this.discovered.get(provider.id);
    if (cached && Date.now() - cached.at < DISCOVERY_MAX_AGE_MS) return cached.configuration;
    const secret = this.providers.clientSecret(provider);
    const authentication = provider.tokenEndpointAuthMethod === 'client_secret_basic' ? client.ClientSecretBasic(secret) : client.ClientSecretPost(secret);
    const configuration = client
      .discovery(new URL(provider.issuer), provider.clientId, secret, authentication, {
        execute: this.mayUseHttp(provider) ? [client.allowInsecureRequests] : [],
        timeout: REQUEST_TIMEOUT_SECONDS,
      })
      .catch((error: unknown) => {
        this.discovered.delete(provider.id);
        this.logger.warn({ providerId: provider.id, errorName: (error as Error)?.name, errorCode: (error as { code?: string })?.code }, 'OpenID Connect discovery failed');
        throw new DependencyUnavailable(`The sign-in provider ${provider.displayName}`);
      });
    this.discovered.set(provider.id, { at: Date.now(), configuration });
    return configuration;
  }

  /** Plain http only for a provider on this machine outside production: the test suite's, or a developer's. */
  private mayUseHttp(provider: OidcProviderConfig): boolean {
    const url = new URL(provider.issuer);
    return !this.config.production && url.protocol === 'http:' && ['localhost', '127.0.0.1'].includes(url.hostname);
  }

  /** A failed callback: the provider down (503), the person's sign-in refused there, or an answer that fails its checks (401). */
  private refusal(provider: OidcProviderConfig, error: unknown): DomainError {
    if (error instanceof DomainError) return error;
    const code = (error as { code?: string })?.code;
    this.logger.warn({ providerId: provider.id, errorName: (error as Error)?.name, errorCode: code }, 'OpenID Connect sign-in refused');
    if (error instanceof client.AuthorizationResponseError) return new Unauthenticated(SSO_PROBLEMS.sso_provider_refused, { code: 'sso_provider_refused' });
    const providerDown = error instanceof TypeError || (code !== undefined && UNREACHABLE_CODES.has(code)) || (error instanceof client.ResponseBodyError && error.status >= 500);
    if (providerDown) return new DependencyUnavailable(`The sign-in provider ${provider.displayName}`);
    return invalidAssertion();
  }
}
