import { Injectable, Logger } from '@nestjs/common';
import type { SsoSessionLink } from '../users/sessions.repository';

/** A session a single sign-on provider opened, as it is being ended by our logout. */
export interface EndedProviderSession extends SsoSessionLink {
  provider: string;
}

/**
 * A protocol's logout at the provider (OpenID Connect RP-initiated logout, SAML single logout):
 * the URL to send the browser to, or undefined when the session is not its provider's or the
 * provider has no such logout.
 */
export type ProviderLogoutUrl = (session: EndedProviderSession) => Promise<string | undefined>;

/**
 * Our logout ends our session; a session opened by single sign-on also ends at the provider, or
 * the next person at a shared computer is signed in by the provider's session without a password.
 * The SSO protocols register here (auth cannot depend on sso, which depends on auth).
 */
@Injectable()
export class ProviderLogouts {
  private readonly logger = new Logger(ProviderLogouts.name);
  private readonly protocols: ProviderLogoutUrl[] = [];

  register(url: ProviderLogoutUrl): void {
    this.protocols.push(url);
  }

  /** Where the browser signs out at the provider; our own session has ended whatever this answers. */
  async urlFor(session: EndedProviderSession): Promise<string | undefined> {
    for (const protocol of this.protocols) {
      try {
        const url = await protocol(session);
        if (url) return url;
      } catch (error) {
        // A provider that cannot be reached does not undo a logout: ours is done, theirs is the person's to finish.
        this.logger.warn({ providerId: session.provider, errorName: (error as Error)?.name }, 'could not build the provider logout URL');
      }
    }
    return undefined;
  }
}
