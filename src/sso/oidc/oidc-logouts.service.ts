import { Inject, Injectable, Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import * as client from 'openid-client';
import { AuditWriter } from '../../audit/audit-writer';
import { ProviderLogouts, type EndedProviderSession } from '../../auth/provider-logouts';
import { AUTHENTICATION, type RequestOrigin } from '../../auth/sign-in.service';
import { DependencyUnavailable, DomainError, InvalidInput } from '../../common/domain-errors';
import { UnitOfWork } from '../../database/unit-of-work';
import { REDIS } from '../../redis/redis.module';
import { SessionsRepository } from '../../users/sessions.repository';
import { UsersService } from '../../users/users.service';
import { UnknownSsoProvider } from '../sso-errors';
import type { OidcProviderConfig } from '../sso-provider-config';
import { SsoProviders } from '../sso-providers';
import { LogoutTokenRefused } from './logout-token';
import { OidcIdTokenHints } from './oidc-id-token-hints';
import { LOGOUT_TOKEN_MAX_AGE_SECONDS, OidcLogoutTokens } from './oidc-logout-tokens';
import { OidcProtocol } from './oidc-protocol';

/**
 * Logout with an OpenID Connect provider, both ways:
 * - RP-initiated (OpenID Connect RP-Initiated Logout 1.0): our logout of a session the provider
 *   opened answers its end_session_endpoint, with the ID token as `id_token_hint` and the
 *   provider's `postLogoutRedirectUri` (or `returnUrl`), so the person is signed out there too;
 * - back-channel (OpenID Connect Back-Channel Logout 1.0): the provider's logout token ends our
 *   sessions from the person's sign-ins there (`sub`), or from one of its sessions (`sid`).
 */
@Injectable()
export class OidcLogouts {
  private readonly logger = new Logger(OidcLogouts.name);

  constructor(
    providerLogouts: ProviderLogouts,
    private readonly providers: SsoProviders,
    private readonly oidc: OidcProtocol,
    private readonly idTokenHints: OidcIdTokenHints,
    private readonly logoutTokens: OidcLogoutTokens,
    private readonly sessions: SessionsRepository,
    private readonly users: UsersService,
    private readonly audit: AuditWriter,
    private readonly uow: UnitOfWork,
    @Inject(REDIS) private readonly redis: Redis,
  ) {
    providerLogouts.register((session) => this.providerLogoutUrl(session));
  }

  /** Where the browser signs out at the provider after our logout; undefined when the provider has no end_session_endpoint. */
  async providerLogoutUrl(session: EndedProviderSession): Promise<string | undefined> {
    const provider = this.providers.list().find((p) => p.id === session.provider);
    if (provider?.kind !== 'oidc') return undefined;
    const configuration = await this.oidc.configuration(provider);
    if (!configuration.serverMetadata().end_session_endpoint) return undefined;
    const hint = await this.idTokenHints.take(provider.id, session);
    return client.buildEndSessionUrl(configuration, {
      post_logout_redirect_uri: provider.postLogoutRedirectUri ?? provider.returnUrl,
      // Without the hint (it expired with the session), the provider knows the client but not the session: it may ask which account.
      ...(hint ? { id_token_hint: hint } : { client_id: provider.clientId }),
    }).href;
  }

  /**
   * POST /auth/sso/:provider/backchannel-logout: verifies the logout token and ends the sessions it
   * names, audited under each person's plan. A token that fails a check is 400 (section 2.8), and
   * changes nothing; one whose sessions have already ended is still a success.
   */
  async backchannelLogout(providerId: string, logoutToken: string, origin: RequestOrigin): Promise<void> {
    const provider = this.providers.get(providerId);
    if (provider.kind !== 'oidc') throw new UnknownSsoProvider();
    let named: { sub?: string; sid?: string };
    try {
      const claims = await this.logoutTokens.verify(provider, logoutToken);
      await this.firstUse(provider, claims.jti);
      named = claims;
    } catch (error) {
      throw this.refusal(provider, error);
    }
    await this.uow.run(async (manager) => {
      const ended = await this.sessions.endSsoSessions(manager, { provider: provider.id, subject: named.sub, sessionIds: named.sid ? [named.sid] : undefined });
      for (const userId of new Set(ended.map((row) => row.userId))) {
        const user = await this.users.findActiveUser(userId, manager);
        await this.audit.record(
          { userId, role: user?.role ?? null, planId: user?.planId ?? null, requestId: origin.requestId },
          { action: 'auth.sso_backchannel_logout', purpose: AUTHENTICATION, entityType: 'user', entityId: userId },
          manager,
        );
      }
      this.logger.log({ providerId: provider.id, sessionsEnded: ended.length }, 'back-channel logout');
    });
  }

  /** A logout token works once: a replay (within its age limit) is refused. */
  private async firstUse(provider: OidcProviderConfig, jti: string): Promise<void> {
    const key = `sso:oidc:logout-jti:${createHash('sha256').update(JSON.stringify([provider.id, jti])).digest('base64url')}`;
    let first: string | null;
    try {
      first = await this.redis.set(key, '1', 'EX', LOGOUT_TOKEN_MAX_AGE_SECONDS + 60, 'NX');
    } catch (error) {
      // Redis out of reach: the logout still happens. A replay can only end sessions, never open one, and a leaver's logout must not wait for Redis.
      this.logger.warn({ providerId: provider.id, errorName: (error as Error)?.name }, 'logout token replay guard unavailable');
      return;
    }
    if (first === null) throw new LogoutTokenRefused('it was used already');
  }

  private refusal(provider: OidcProviderConfig, error: unknown): DomainError {
    if (error instanceof LogoutTokenRefused) {
      this.logger.warn({ providerId: provider.id, reason: error.message }, 'back-channel logout token refused');
      return new InvalidInput([{ field: 'logout_token', message: error.message }], 'sso_logout_token_invalid');
    }
    if (error instanceof DomainError) return error;
    // The provider's discovery or keys out of reach: it may send the logout again.
    this.logger.warn({ providerId: provider.id, errorName: (error as Error)?.name }, 'back-channel logout could not be verified');
    return new DependencyUnavailable(`The sign-in provider ${provider.displayName}`);
  }
}
