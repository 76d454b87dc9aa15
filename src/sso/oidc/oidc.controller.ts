import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ApiBadRequestResponse, ApiBody, ApiConsumes, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags, ApiUnsupportedMediaTypeResponse } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Public } from '../../access/allow.decorator';
import { requestOrigin } from '../../auth/request-origin';
import { FORM_BODY_ROUTE } from '../../common/form-body';
import { BackchannelLogoutForm } from './dto/backchannel-logout.dto';
import { OidcLogouts } from './oidc-logouts.service';

/** The routes an OpenID Provider calls itself, not through a browser. */
@ApiTags('Auth')
@Controller('auth/sso/:provider')
export class OidcController {
  constructor(private readonly logouts: OidcLogouts) {}

  /**
   * The provider's back-channel logout (OpenID Connect Back-Channel Logout 1.0): a signed logout
   * token ends the sessions of the person (`sub`) or of the provider's session (`sid`) it names.
   * Register `<PUBLIC_URL>/api/v1/auth/sso/<id>/backchannel-logout` with the provider.
   */
  @ApiOperation({ summary: 'OpenID Connect provider: back-channel logout' })
  @Post('backchannel-logout')
  @Public()
  @RouteConfig(FORM_BODY_ROUTE)
  @HttpCode(200)
  @ApiConsumes('application/x-www-form-urlencoded')
  @ApiBody({ type: BackchannelLogoutForm })
  @ApiOkResponse({ description: 'The sessions the token names have ended (or had already); no body', content: { 'text/plain': { schema: { type: 'string', maxLength: 0 } } } })
  @ApiBadRequestResponse({ description: '`sso_logout_token_invalid`: the token failed a check or was used already; `validation_failed`: no logout_token' })
  @ApiNotFoundResponse({ description: '`sso_provider_unknown` (also for a provider that is not OpenID Connect)' })
  @ApiUnsupportedMediaTypeResponse({ description: '`unsupported_media_type`: anything but a form post' })
  @ApiServiceUnavailableResponse({ description: '`dependency_unavailable`: the provider\'s keys could not be read' })
  async backchannelLogout(@Param('provider') provider: string, @Body() form: BackchannelLogoutForm, @Req() request: FastifyRequest): Promise<void> {
    await this.logouts.backchannelLogout(provider, form.logout_token, requestOrigin(request));
  }
}
