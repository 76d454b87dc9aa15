import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { PlansModule } from '../plans/plans.module';
import { UsersModule } from '../users/users.module';
import { ExchangeCodes } from './exchange-codes';
import { ExternalIdentitiesRepository } from './external-identities.repository';
import { OidcClientKeys } from './oidc/oidc-client-keys';
import { OidcIdTokenHints } from './oidc/oidc-id-token-hints';
import { OidcLogoutTokens } from './oidc/oidc-logout-tokens';
import { OidcLogouts } from './oidc/oidc-logouts.service';
import { OidcProtocol } from './oidc/oidc-protocol';
import { SamlLogouts } from './saml/saml-logouts.service';
import { OidcController } from './oidc/oidc.controller';
import { SamlProtocol } from './saml/saml-protocol';
import { SamlController } from './saml/saml.controller';
import { SsoHealth } from './sso-health';
import { SsoLinkTokens } from './sso-link-tokens';
import { SsoLogins } from './sso-logins.service';
import { SsoProtocols } from './sso-protocol';
import { SsoProviders } from './sso-providers';
import { SsoSignInService } from './sso-sign-in.service';
import { SsoStates } from './sso-states';
import { SsoController } from './sso.controller';

/** Single sign-on: OpenID Connect (Entra ID) and OIOSAML 3 (KOMBIT's Context Handler) providers from SSO_PROVIDERS_FILE. */
@Module({
  imports: [AuthModule, UsersModule, PlansModule],
  controllers: [SsoController, SamlController, OidcController],
  providers: [
    SsoProviders,
    SsoProtocols,
    SsoStates,
    ExchangeCodes,
    ExternalIdentitiesRepository,
    SsoSignInService,
    SsoLogins,
    SsoLinkTokens,
    SamlProtocol,
    OidcProtocol,
    OidcClientKeys,
    OidcIdTokenHints,
    OidcLogoutTokens,
    OidcLogouts,
    SsoHealth,
    SamlLogouts,
  ],
  // For the SAML protocol (src/sso/saml/): it registers with SsoProtocols and finishes through SsoLogins.
  // SsoHealth: GET /health/ready's details for the admin.
  exports: [SsoProviders, SsoProtocols, SsoStates, SsoLogins, SsoHealth],
})
export class SsoModule {}
