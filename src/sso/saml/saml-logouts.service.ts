import { Injectable, Logger } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import type { EntityManager } from 'typeorm';
import { AuditWriter } from '../../audit/audit-writer';
import { ProviderLogouts } from '../../auth/provider-logouts';
import { AuthService } from '../../auth/auth.service';
import { AUTHENTICATION, type RequestOrigin } from '../../auth/sign-in.service';
import { Unauthenticated } from '../../common/domain-errors';
import { UnitOfWork } from '../../database/unit-of-work';
import { SessionsRepository } from '../../users/sessions.repository';
import { UsersRepository } from '../../users/users.repository';
import { UnknownSsoProvider } from '../sso-errors';
import type { SamlProviderConfig } from '../sso-provider-config';
import { SsoProviders } from '../sso-providers';
import { SAML_PROBLEMS } from './saml-problems';
import { SamlProtocol } from './saml-protocol';
import type { SloInput } from './saml-single-logout';
import { SamlRefusal } from './saml-xml';

/**
 * Single logout with KOMBIT's Context Handler, both ways. When the person logs out at the IdP (or
 * at another system in its session), the IdP's LogoutRequest ends our sessions from that sign-in
 * (by NameID, and SessionIndex when it names one), each audited, and is answered. When the person
 * logs out here, their session ends at once and the browser is sent on to log out at the IdP too.
 */
@Injectable()
export class SamlLogouts {
  private readonly logger = new Logger(SamlLogouts.name);

  constructor(
    private readonly providers: SsoProviders,
    private readonly saml: SamlProtocol,
    private readonly sessions: SessionsRepository,
    private readonly users: UsersRepository,
    private readonly audit: AuditWriter,
    private readonly uow: UnitOfWork,
    private readonly auth: AuthService,
    @InjectEntityManager() private readonly manager: EntityManager,
    providerLogouts: ProviderLogouts,
  ) {
    // POST /auth/logout (and the web app's) of a session KOMBIT opened answers our signed LogoutRequest too.
    providerLogouts.register(async (session) => {
      const provider = this.providers.list().find((p) => p.id === session.provider);
      return provider?.kind === 'saml' ? this.saml.serviceProvider(provider).logout.requestUrl(session) : undefined;
    });
  }

  /** A message of the IdP at our SingleLogoutService; answers where the browser goes next. */
  async atEndpoint(providerId: string, input: SloInput, origin: RequestOrigin): Promise<string> {
    const provider = this.samlProvider(providerId);
    const logout = this.saml.serviceProvider(provider).logout;
    let read;
    try {
      read = await logout.read(input);
    } catch (error) {
      if (!(error instanceof SamlRefusal)) throw error;
      // The reason is a fixed sentence; the message's values (a NameID) never reach the log.
      this.logger.warn({ providerId: provider.id, reason: error.message }, 'SAML logout message refused');
      await this.audit.record({ userId: null, role: null, planId: null, requestId: origin.requestId }, { action: 'auth.sso_logout_refused', purpose: AUTHENTICATION });
      throw new Unauthenticated(SAML_PROBLEMS.saml_logout_invalid, { code: 'saml_logout_invalid' });
    }
    const { message, relayState } = read;
    if (message.kind === 'response') {
      // The end of a logout we started: our session had ended already; the IdP says whether its own did.
      return this.returnUrl(provider, message.success ? 'done' : 'partial');
    }
    await this.uow.run(async (manager) => {
      const ended = await this.sessions.endSsoSessions(manager, { provider: provider.id, subject: message.nameId, sessionIds: message.sessionIndexes });
      for (const { userId } of ended) {
        const user = await this.users.findActive(manager, userId);
        await this.audit.record(
          { userId, role: user?.role ?? null, planId: user?.planId ?? null, requestId: origin.requestId },
          { action: 'auth.sso_logout', purpose: AUTHENTICATION, entityType: 'user', entityId: userId },
          manager,
        );
      }
    });
    // Success also when no session of ours was open: the person is logged out here either way.
    return logout.responseUrl(message.id, true, relayState);
  }

  /**
   * POST /auth/saml/logout: ends the session of the refresh token (as POST /auth/logout does, and
   * as quietly for a token that is not genuine) and, when a SAML provider opened that session,
   * answers the IdP's URL with our signed LogoutRequest for the browser to go to; otherwise null.
   */
  async ours(refreshToken: string, origin: RequestOrigin): Promise<string | null> {
    // The same as POST /auth/logout, whose provider logouts include this protocol's (registered above).
    return (await this.auth.logout(refreshToken, origin)) ?? null;
  }

  private samlProvider(providerId: string): SamlProviderConfig {
    const provider = this.providers.get(providerId);
    if (provider.kind !== 'saml') throw new UnknownSsoProvider();
    return provider;
  }

  /** The provider's returnUrl with `#logout=done` (or `partial`: the IdP could not end every session of the person). */
  private returnUrl(provider: SamlProviderConfig, outcome: 'done' | 'partial'): string {
    const url = new URL(provider.returnUrl);
    url.hash = new URLSearchParams({ logout: outcome }).toString();
    return url.toString();
  }
}
