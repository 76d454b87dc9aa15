import { Injectable } from '@nestjs/common';
import type { SsoProviderConfig } from './sso-provider-config';
import type { SsoState } from './sso-states';

/**
 * One sign-in protocol (OpenID Connect, SAML). GET /auth/sso/:provider/login dispatches on the
 * provider's `kind` to the protocol registered for it. The answer comes back on the protocol's own
 * route (OIDC: GET /auth/sso/:provider/callback; SAML: POST /auth/saml/:provider/acs), which
 * checks it into an SsoAssertion and hands it to SsoLogins.finish.
 */
export interface SsoProtocol<P extends SsoProviderConfig = SsoProviderConfig> {
  /**
   * The URL to send the browser to. `state.id` is what travels to the provider and back (OIDC
   * `state`, SAML `RelayState`); write what the answer must be checked against into `state`
   * (`nonce` and `codeVerifier`, or the AuthnRequest's `requestId`): it is saved after this returns.
   */
  start(provider: P, state: SsoState): Promise<string>;
}

/** The protocols by provider kind; each registers itself when it is constructed (OidcProtocol, the SAML one). */
@Injectable()
export class SsoProtocols {
  private readonly byKind = new Map<SsoProviderConfig['kind'], SsoProtocol>();

  register<K extends SsoProviderConfig['kind']>(kind: K, protocol: SsoProtocol<Extract<SsoProviderConfig, { kind: K }>>): void {
    this.byKind.set(kind, protocol as SsoProtocol);
  }

  for(provider: SsoProviderConfig): SsoProtocol {
    const protocol = this.byKind.get(provider.kind);
    // A provider of a kind whose protocol is not built in is a deployment mistake, not the user's.
    if (!protocol) throw new Error(`no sign-in protocol is registered for kind ${provider.kind}`);
    return protocol;
  }
}
