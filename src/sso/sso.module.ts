import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { PlansModule } from '../plans/plans.module';
import { UsersModule } from '../users/users.module';
import { ExchangeCodes } from './exchange-codes';
import { ExternalIdentitiesRepository } from './external-identities.repository';
import { OidcProtocol } from './oidc/oidc-protocol';
import { SamlLogouts } from './saml/saml-logouts.service';
import { SamlProtocol } from './saml/saml-protocol';
import { SamlController } from './saml/saml.controller';
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
  controllers: [SsoController, SamlController],
  providers: [SsoProviders, SsoProtocols, SsoStates, ExchangeCodes, ExternalIdentitiesRepository, SsoSignInService, SsoLogins, SsoLinkTokens, OidcProtocol, SamlProtocol, SamlLogouts],
  // For the SAML protocol (src/sso/saml/): it registers with SsoProtocols and finishes through SsoLogins.
  exports: [SsoProviders, SsoProtocols, SsoStates, SsoLogins],
})
export class SsoModule {}
