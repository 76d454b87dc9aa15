import { Body, Controller, Get, Header, HttpCode, Param, Post, Query, Redirect, Req, Res } from '@nestjs/common';
import { requestOrigin } from '../../auth/request-origin';
import { RouteConfig } from '@nestjs/platform-fastify';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConsumes,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiResponse,
  ApiTags,
  ApiUnauthorizedResponse,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../../access/allow.decorator';
import { RefreshDto } from '../../auth/dto/auth.dto';
import { FORM_BODY_ROUTE } from '../../common/form-body';
import { SsoLogins } from '../sso-logins.service';
import { SsoProviders } from '../sso-providers';
import { SamlAcsForm } from './dto/saml-acs.dto';
import { SamlLogoutResponse, SamlSloForm, SamlSloQuery } from './dto/saml-slo.dto';
import { SamlLogouts } from './saml-logouts.service';
import { SamlProtocol } from './saml-protocol';

const LOCATION = { Location: { description: 'Where the browser goes next', schema: { type: 'string', format: 'uri' } } };
export const SAML_METADATA_TYPE = 'application/samlmetadata+xml';

const SLO_ANSWERS = '`saml_logout_invalid`: not signed by the IdP (or with SHA-1), from another issuer, to another endpoint, too old or expired, received before, or answering no logout of ours';

/**
 * The SAML routes a KOMBIT Context Handler agreement registers: our metadata, the ACS its answers
 * are posted to, and the single logout endpoint; and the logout a signed-in user starts here.
 */
@ApiTags('Auth')
@Controller('auth/saml')
export class SamlController {
  constructor(
    private readonly providers: SsoProviders,
    private readonly saml: SamlProtocol,
    private readonly logins: SsoLogins,
    private readonly logouts: SamlLogouts,
  ) {}

  /** Our service provider metadata (entity id, ACS, certificates), for the IdP's administration. */
  @ApiOperation({ summary: "SAML: this service provider's metadata" })
  @Get(':provider/metadata')
  @Public()
  @Header('Content-Type', SAML_METADATA_TYPE)
  @ApiProduces(SAML_METADATA_TYPE)
  @ApiOkResponse({ description: 'SAML 2.0 metadata (an md:EntityDescriptor), signed by our signing key', content: { [SAML_METADATA_TYPE]: { schema: { type: 'string' } } } })
  @ApiNotFoundResponse({ description: '`sso_provider_unknown` (also for a provider that is not SAML)' })
  metadata(@Param('provider') provider: string): string {
    return this.saml.metadata(this.providers.get(provider));
  }

  /** The Assertion Consumer Service: the IdP's answer, posted by the browser (HTTP-POST binding). */
  @ApiOperation({ summary: "SAML: assertion consumer service (the IdP's answer)" })
  @Post(':provider/acs')
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

  /** The single logout endpoint, HTTP-Redirect binding: the IdP's LogoutRequest, or its LogoutResponse to ours. */
  @ApiOperation({ summary: 'SAML: single logout, HTTP-Redirect binding' })
  @Get(':provider/slo')
  @Public()
  @Redirect(undefined, 303)
  @ApiResponse({ status: 303, description: 'A LogoutRequest: our sessions from that sign-in have ended; to the IdP with our signed LogoutResponse. A LogoutResponse: to the provider\'s returnUrl with `#logout=done` (or `partial`)', headers: LOCATION })
  @ApiBadRequestResponse({ description: '`validation_failed`: parameters other than the binding\'s' })
  @ApiNotFoundResponse({ description: '`sso_provider_unknown` (also for a provider that is not SAML)' })
  @ApiUnauthorizedResponse({ description: SLO_ANSWERS })
  async sloRedirect(@Param('provider') provider: string, @Query() _query: SamlSloQuery, @Req() request: FastifyRequest) {
    // The signature covers the query as the IdP encoded it, so it is read raw (saml-redirect.ts).
    const rawQuery = request.url.includes('?') ? request.url.slice(request.url.indexOf('?') + 1) : '';
    return { url: await this.logouts.atEndpoint(provider, { binding: 'redirect', rawQuery }, requestOrigin(request)), statusCode: 303 };
  }

  /** The single logout endpoint, HTTP-POST binding (the message signed as XML). */
  @ApiOperation({ summary: 'SAML: single logout, HTTP-POST binding' })
  @Post(':provider/slo')
  @Public()
  @RouteConfig(FORM_BODY_ROUTE)
  @Redirect(undefined, 303)
  @ApiConsumes('application/x-www-form-urlencoded')
  @ApiBody({ type: SamlSloForm })
  @ApiResponse({ status: 303, description: 'As the HTTP-Redirect binding', headers: LOCATION })
  @ApiBadRequestResponse({ description: '`validation_failed`: not base64, or other fields' })
  @ApiNotFoundResponse({ description: '`sso_provider_unknown`' })
  @ApiUnauthorizedResponse({ description: SLO_ANSWERS })
  @ApiUnsupportedMediaTypeResponse({ description: '`unsupported_media_type`: anything but an HTML form post' })
  async sloPost(@Param('provider') provider: string, @Body() form: SamlSloForm, @Req() request: FastifyRequest) {
    return { url: await this.logouts.atEndpoint(provider, { binding: 'post', ...form }, requestOrigin(request)), statusCode: 303 };
  }

  /**
   * Logs you out: the session of the refresh token ends at once (as POST /auth/logout), and when a
   * SAML provider (KOMBIT) opened it, `logoutUrl` is where the browser goes next to log out there
   * too; the IdP sends it back to the provider's returnUrl with `#logout=done`.
   */
  @ApiOperation({ summary: 'Sign out of a SAML session (and at the IdP)' })
  @Post('logout')
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ type: SamlLogoutResponse })
  async logout(@Body() dto: RefreshDto, @Req() request: FastifyRequest): Promise<SamlLogoutResponse> {
    return { logoutUrl: await this.logouts.ours(dto.refreshToken, requestOrigin(request)) };
  }
}
