import { Inject, Injectable, Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { REDIS } from '../../redis/redis.module';
import type { SsoSessionLink } from '../../users/sessions.repository';
import type { OidcProviderConfig } from '../sso-provider-config';

/**
 * The ID token of each single sign-on, kept here for as long as its session can last, for the
 * `id_token_hint` of our logout at the provider (OpenID Connect RP-Initiated Logout 1.0): with it,
 * Entra ID ends the right session without asking which account. It never goes to the browser, and
 * it is found by what the session row already remembers (provider, `sub`, `sid`).
 */
@Injectable()
export class OidcIdTokenHints {
  private readonly logger = new Logger(OidcIdTokenHints.name);

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async remember(provider: OidcProviderConfig, session: SsoSessionLink | undefined, idToken: string): Promise<void> {
    if (!session) return;
    try {
      await this.redis.set(this.key(provider.id, session), idToken, 'EX', this.config.ssoSessionHours * 3600);
    } catch (error) {
      // Without it the logout asks the provider by client_id instead: a question to the person, not a failed sign-in.
      this.logger.warn({ providerId: provider.id, errorName: (error as Error)?.name }, 'could not keep the ID token for the logout hint');
    }
  }

  /** The hint for a session's logout, taken once. */
  async take(providerId: string, session: SsoSessionLink): Promise<string | undefined> {
    try {
      return (await this.redis.getdel(this.key(providerId, session))) ?? undefined;
    } catch {
      return undefined;
    }
  }

  private key(providerId: string, session: SsoSessionLink): string {
    const name = createHash('sha256').update(JSON.stringify([providerId, session.subject, session.sessionId ?? null])).digest('base64url');
    return `sso:oidc:id-token-hint:${name}`;
  }
}
