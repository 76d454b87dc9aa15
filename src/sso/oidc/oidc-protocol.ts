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
import { OidcClientKeys, privateKeyJwt } from './oidc-client-keys';
import { OidcIdTokenHints } from './oidc-id-token-hints';

/** A provider's discovery document is read again after this long (keys rotate on their own: openid-client refetches the JWKS). */
const DISCOVERY_MAX_AGE_MS = 24 * 3600_000;
const REQUEST_TIMEOUT_SECONDS = 10;
const SCOPES = ['openid', 'profile', 'email'];
/**
 * A step-up asks the provider to authenticate the person afresh (prompt=login, max_age=0); its
 * `auth_time` must then be at most this old when the answer arrives: time for a second factor at
 * the provider, and for clocks that differ a little (openid-client adds 30 seconds of tolerance).
 */
const FRESH_AUTHENTICATION_SECONDS = 300;

/** openid-client's codes for a provider that answered nothing usable: it is down, not the person's sign-in wrong. */
const UNREACHABLE_CODES = new Set(['OAUTH_TIMEOUT', 'OAUTH_ABORT', 'OAUTH_RESPONSE_IS_NOT_CONFORM', 'OAUTH_RESPONSE_IS_NOT_JSON']);

/** Whether openid-client refused the ID token for its `auth_time` (missing, or older than maxAge). */
function isAuthTimeFailure(error: unknown): boolean {
  for (let cause = error as { message?: string; cause?: unknown } | undefined, depth = 0; cause && depth < 4; cause = cause.cause as typeof cause, depth++) {
    if (typeof cause.message === 'string' && cause.message.includes('"auth_time"')) return true;
    if ((cause as { claim?: unknown }).claim === 'auth_time' || (cause.cause as { claim?: unknown } | undefined)?.claim === 'auth_time') return true;
  }
  return false;
}

/**
 * OpenID Connect (Entra ID and others) with openid-client's functional API: the authorization code
 * flow with PKCE, state and nonce; the ID token's signature (by the provider's JWKS), issuer,
 * audience, expiry and nonce are checked by openid-client, and its claims become an SsoAssertion
 * (oidc-claims.ts).
 */
@Injectable()
export class OidcProtocol implements SsoProtocol<OidcProviderConfig> {
  private readonly logger = new Logger(OidcProtocol.name);
  private readonly discovered = new Map<string, { at: number; configuration: Promise<client.Configuration> }>();
  /** Providers already logged as giving no auth_time (once each, until the providers change). */
  private readonly withoutAuthTime = new Set<string>();

  constructor(
    protocols: SsoProtocols,
    private readonly providers: SsoProviders,
    private readonly clientKeys: OidcClientKeys,
    private readonly idTokenHints: OidcIdTokenHints,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    // A changed providers file (a new client, issuer, secret or key) starts from a fresh discovery.
    providers.register(() => () => {
      this.discovered.clear();
      this.withoutAuthTime.clear();
    });
    protocols.register('oidc', this);
  }

  async start(provider: OidcProviderConfig, state: SsoState): Promise<string> {
    const configuration = await this.configuration(provider);
    state.nonce = client.randomNonce();
    state.codeVerifier = client.randomPKCECodeVerifier();
    const contexts = provider.mfa.acrs ?? [];
    return client.buildAuthorizationUrl(configuration, {
      redirect_uri: ssoAnswerUrl(provider, this.config.publicUrl),
      scope: [...new Set([...SCOPES, ...(provider.scopes ?? [])])].join(' '),
      code_challenge: await client.calculatePKCECodeChallenge(state.codeVerifier),
      code_challenge_method: 'S256',
      state: state.id,
      nonce: state.nonce,
      ...(state.reauthenticate ? { prompt: 'login', max_age: '0' } : {}),
      // Entra ID's Conditional Access authentication contexts, asked for by the claims request
      // parameter (OpenID Connect Core 5.5): the tenant's policy for them then applies, and the
      // ID token's `acrs` lists those satisfied.
      ...(contexts.length ? { claims: JSON.stringify({ id_token: { acrs: { essential: true, ...(contexts.length === 1 ? { value: contexts[0] } : { values: contexts }) } } }) } : {}),
    }).href;
  }

  /** The callback's query (`code`, `state`, `iss` or `error`) checked and redeemed at the token endpoint. */
  async verify(provider: SsoProviderConfig, state: SsoState, callbackQuery: string): Promise<SsoAssertion> {
    if (provider.kind !== 'oidc') throw new UnknownSsoProvider();
    const configuration = await this.configuration(provider);
    const currentUrl = new URL(ssoAnswerUrl(provider, this.config.publicUrl));
    currentUrl.search = callbackQuery;
    let claims: Record<string, unknown>;
    let idToken: string;
    try {
      const tokens = await client.authorizationCodeGrant(configuration, currentUrl, {
        pkceCodeVerifier: state.codeVerifier,
        expectedState: state.id,
        expectedNonce: state.nonce,
        idTokenExpected: true,
        // A step-up passes only on the provider's proof of a fresh authentication: the ID token must carry auth_time, and a recent one.
        ...(state.reauthenticate ? { maxAge: Math.min(FRESH_AUTHENTICATION_SECONDS, this.config.stepUpMaxAgeSeconds) } : {}),
      });
      claims = { ...tokens.claims() };
      idToken = tokens.id_token as string;
    } catch (error) {
      throw this.refusal(provider, error, state);
    }
    const assertion = assertionFromClaims(provider, claims);
    if (claims.auth_time === undefined && !this.withoutAuthTime.has(provider.id)) {
      this.withoutAuthTime.add(provider.id);
      // The operator's to fix (Entra ID: Token configuration, optional claim auth_time); until then nobody passes step-up through this provider.
      this.logger.warn({ providerId: provider.id }, 'the provider\'s ID tokens carry no auth_time: its sign-ins never pass step-up');
    }
    await this.idTokenHints.remember(provider, assertion.providerSession, idToken);
    return assertion;
  }

  /** Discovery, once per provider (and again after a day, or after a failure). */
  configuration(provider: OidcProviderConfig): Promise<client.Configuration> {
    const cached = this.discovered.get(provider.id);
    if (cached && Date.now() - cached.at < DISCOVERY_MAX_AGE_MS) return cached.configuration;
    const configuration = client
      .discovery(new URL(provider.issuer), provider.clientId, undefined, this.clientAuth(provider), {
        // The ID token's signature is checked against the provider's keys too, not only the TLS of
        // the token endpoint's answer: a TLS-inspecting proxy on the way cannot make one up.
        execute: [...(this.mayUseHttp(provider) ? [client.allowInsecureRequests] : []), client.enableNonRepudiationChecks],
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
  mayUseHttp(provider: OidcProviderConfig): boolean {
    const url = new URL(provider.issuer);
    return !this.config.production && url.protocol === 'http:' && ['localhost', '127.0.0.1'].includes(url.hostname);
  }

  /** How we authenticate at the token endpoint: a certificate's key (`private_key_jwt`), or the client secret. */
  private clientAuth(provider: OidcProviderConfig): client.ClientAuth {
    if (provider.tokenEndpointAuthMethod === 'private_key_jwt') return privateKeyJwt(this.clientKeys.of(provider));
    const secret = this.providers.clientSecret(provider) as string;
    return provider.tokenEndpointAuthMethod === 'client_secret_basic' ? client.ClientSecretBasic(secret) : client.ClientSecretPost(secret);
  }

  /** A failed callback: the provider down (503), the person's sign-in refused there, or an answer that fails its checks (401). */
  private refusal(provider: OidcProviderConfig, error: unknown, state: SsoState): DomainError {
    if (error instanceof DomainError) return error;
    const code = (error as { code?: string })?.code;
    this.logger.warn({ providerId: provider.id, errorName: (error as Error)?.name, errorCode: code }, 'OpenID Connect sign-in refused');
    if (error instanceof client.AuthorizationResponseError) return new Unauthenticated(SSO_PROBLEMS.sso_provider_refused, { code: 'sso_provider_refused' });
    const providerDown = error instanceof TypeError || (code !== undefined && UNREACHABLE_CODES.has(code)) || (error instanceof client.ResponseBodyError && error.status >= 500);
    if (providerDown) return new DependencyUnavailable(`The sign-in provider ${provider.displayName}`);
    if (state.reauthenticate && isAuthTimeFailure(error)) return new Unauthenticated(SSO_PROBLEMS.sso_reauthentication_unproven, { code: 'sso_reauthentication_unproven' });
    return invalidAssertion();
  }
}
