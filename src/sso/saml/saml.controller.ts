import { Body, Controller, Get, Header, Param, Post, Redirect, Req, Res } from '@nestjs/common';
import { requestOrigin } from '../../auth/request-origin';
import { RouteConfig } from '@nestjs/platform-fastify';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConsumes,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiProduces,
  ApiResponse,
  ApiTags,
  ApiUnauthorizedResponse,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../../access/allow.decorator';
import { FORM_BODY_ROUTE } from '../../common/form-body';
import { SsoLogins } from '../sso-logins.service';
import { SsoProviders } from '../sso-providers';
import { SamlAcsForm } from './dto/saml-acs.dto';
import { SamlProtocol } from './saml-protocol';

const LOCATION = { Location: { description: 'Where the browser goes next', schema: { type: 'string', format: 'uri' } } };
export const SAML_METADATA_TYPE = 'application/samlmetadata+xml';

/** The SAML routes a KOMBIT Context Handler agreement registers: our metadata, and the ACS its answers are posted to. */
@ApiTags('Auth')
@Controller('auth/saml/:provider')
export class SamlController {
  constructor(
    private readonly providers: SsoProviders,
    private readonly saml: SamlProtocol,
    private readonly logins: SsoLogins,
  ) {}

  /** Our service provider metadata (entity id, ACS, certificates), for the IdP's administration. */
  @Get('metadata')
  @Public()
  @Header('Content-Type', SAML_METADATA_TYPE)
  @ApiProduces(SAML_METADATA_TYPE)
  @ApiOkResponse({ description: 'SAML 2.0 metadata (an md:EntityDescriptor)', content: { [SAML_METADATA_TYPE]: { schema: { type: 'string' } } } })
  @ApiNotFoundResponse({ description: '`sso_provider_unknown` (also for a provider that is not SAML)' })
  metadata(@Param('provider') provider: string): string {
    return this.saml.metadata(this.providers.get(provider));
  }

  /** The Assertion Consumer Service: the IdP's answer, posted by the browser (HTTP-POST binding). */
  @Post('acs')
  @Public()
  @RouteConfig(FORM_BODY_ROUTE)
  @Redirect(undefined, 303)
  @ApiConsumes('application/x-www-form-urlencoded')
  @ApiBody({ type: SamlAcsForm })
  @ApiResponse({ status: 303, description: 'To the provider\'s returnUrl with `#code=<one-time code>` for POST /auth/exchange, or `#error=<code>` (e.g. `sso_no_role`, `sso_loa_too_low`, `sso_assertion_invalid`)', headers: LOCATION })
  @ApiBadRequestResponse({ description: '`validation_failed`: no SAMLResponse, or not base64' })
  @ApiNotFoundResponse({ description: '`sso_provider_unknown`' })
  @ApiUnauthorizedResponse({ description: '`sso_state_invalid`: not started in this browser, expired (10 minutes), already completed, or IdP-initiated' })
  @ApiUnsupportedMediaTypeResponse({ description: '`unsupported_media_type`: anything but an HTML form post' })
  async acs(@Param('provider') provider: string, @Body() form: SamlAcsForm, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    const origin = requestOrigin(request);
    const to = await this.logins.finish(provider, form.RelayState, request.headers.cookie, (p, state) => this.saml.verify(p, state, form.SAMLResponse), origin);
    if (to.setCookie) void reply.header('Set-Cookie', to.setCookie);
    return { url: to.location, statusCode: 303 };
  }
}
