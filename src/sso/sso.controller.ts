import { Body, Controller, Get, HttpCode, Param, Post, Query, Redirect, Req, Res } from '@nestjs/common';
import { AnswerHoldsSecrets } from '../idempotency/answer-holds-secrets';
import { requestOrigin } from '../auth/request-origin';
import { OffersCookieTransport } from '../auth/browser-session/token-transport.interceptor';
import {
  ApiExtraModels,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiResponse,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiUnauthorizedResponse,
  getSchemaPath,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Allow, Public } from '../access/allow.decorator';
import { CurrentActor, type Actor } from '../access/actor';
import { PLAN_ROLES } from '../access/roles';
import { RequireStepUp } from '../access/step-up';
import { ApprovalPendingResponse, MfaChallengeResponse, TokenPairResponse, type SignInResponse } from '../auth/dto/auth-response.dto';
import { ExchangeCodeDto, SsoLoginQuery } from './dto/sso.dto';
import { SsoLinkResponse, SsoProviderResponse } from './dto/sso-response.dto';
import { ExchangeCodes } from './exchange-codes';
import { OidcProtocol } from './oidc/oidc-protocol';
import { SsoLogins, type SsoRedirect } from './sso-logins.service';
import { SsoProviders } from './sso-providers';

const LOCATION = { Location: { description: 'Where the browser goes next', schema: { type: 'string', format: 'uri' } } };

/** Sends the browser on; the route's @Redirect makes the answer the redirect. */
function redirect(reply: FastifyReply, to: SsoRedirect, statusCode: 302 | 303): { url: string; statusCode: number } {
  if (to.setCookie) void reply.header('Set-Cookie', to.setCookie);
  return { url: to.location, statusCode };
}

@ApiTags('Auth')
@Controller()
export class SsoController {
  constructor(
    private readonly providers: SsoProviders,
    private readonly logins: SsoLogins,
    private readonly oidc: OidcProtocol,
    private readonly codes: ExchangeCodes,
  ) {}

  /** The single sign-on providers a sign-in page offers. */
  @ApiOperation({ summary: 'List the single sign-on providers for the sign-in page' })
  @Get('auth/providers')
  @Public()
  @ApiOkResponse({ type: [SsoProviderResponse] })
  list(): SsoProviderResponse[] {
    return this.providers.list().map(({ id, displayName, kind }) => ({ id, displayName, kind }));
  }

  /** Starts a sign-in at the provider (a browser navigates here); it ends at the provider's returnUrl with `#code=` or `#error=`. */
  @ApiOperation({ summary: 'Start a single sign-on at a provider (browser)' })
  @Get('auth/sso/:provider/login')
  @Public()
  @Redirect(undefined, 302)
  @ApiResponse({ status: 302, description: 'To the provider\'s sign-in (or to the returnUrl with `#error=<code>` when the provider cannot be reached); sets the cookie that binds the sign-in to this browser', headers: LOCATION })
  @ApiNotFoundResponse({ description: '`sso_provider_unknown`' })
  async login(@Param('provider') provider: string, @Query() query: SsoLoginQuery, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    return redirect(reply, await this.logins.start(provider, { invitationToken: query.invitation, reauthenticate: query.reauth === 'true', linkToken: query.link }, requestOrigin(request)), 302);
  }

  /**
   * Links your account (a password account moving to single sign-on) to the identity you prove at
   * the provider next: send the browser to `loginUrl`. Needs a recent sign-in (step-up); the
   * provider's role still applies, and the e-mail plays no part.
   */
  @ApiOperation({ summary: 'Link your account to a single sign-on identity' })
  @Post('auth/sso/:provider/link')
  @AnswerHoldsSecrets()
  @Allow(...PLAN_ROLES)
  @RequireStepUp()
  @HttpCode(200)
  @ApiOkResponse({ type: SsoLinkResponse })
  @ApiNotFoundResponse({ description: '`sso_provider_unknown`' })
  async link(@Param('provider') provider: string, @CurrentActor() actor: Actor): Promise<SsoLinkResponse> {
    return { loginUrl: await this.logins.linkUrl(provider, actor.userId) };
  }

  /** The OpenID Connect provider's answer (its redirect URI). */
  @ApiOperation({ summary: "OpenID Connect provider's redirect back (callback)" })
  @Get('auth/sso/:provider/callback')
  @Public()
  @Redirect(undefined, 303)
  @ApiQuery({ name: 'state', required: false, type: String })
  @ApiQuery({ name: 'code', required: false, type: String })
  @ApiQuery({ name: 'iss', required: false, type: String })
  @ApiQuery({ name: 'error', required: false, type: String })
  @ApiResponse({ status: 303, description: 'To the provider\'s returnUrl with `#code=<one-time code>` for POST /auth/exchange, or `#error=<code>` (e.g. `sso_no_role`, `sso_assertion_invalid`)', headers: LOCATION })
  @ApiNotFoundResponse({ description: '`sso_provider_unknown`' })
  @ApiUnauthorizedResponse({ description: '`sso_state_invalid`: not started in this browser, expired (10 minutes) or already completed' })
  async callback(@Param('provider') provider: string, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    // Read raw: the provider decides which parameters it sends (code, state, iss, session_state, ...), and openid-client checks them.
    const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
    const state = new URLSearchParams(query).get('state') ?? undefined;
    const to = await this.logins.finish(provider, state, request.headers.cookie, (p, s) => this.oidc.verify(p, s, query), requestOrigin(request));
    return redirect(reply, to, 303);
  }

  /** Exchanges the one-time code from the returnUrl for what a password login answers. */
  @ApiOperation({ summary: 'Exchange a single sign-on code for tokens' })
  @Post('auth/exchange')
  @OffersCookieTransport()
  @Public()
  @HttpCode(200)
  @ApiExtraModels(TokenPairResponse, MfaChallengeResponse, ApprovalPendingResponse)
  @ApiOkResponse({
    description: 'Tokens, or the second step the sign-in still needs (`status`), or `approval_pending`: the account waits for a second person\'s approval of its role',
    schema: { oneOf: [{ $ref: getSchemaPath(TokenPairResponse) }, { $ref: getSchemaPath(MfaChallengeResponse) }, { $ref: getSchemaPath(ApprovalPendingResponse) }] },
  })
  @ApiUnauthorizedResponse({ description: '`exchange_code_invalid`: unknown, expired (60 seconds) or used' })
  @ApiServiceUnavailableResponse({ description: '`dependency_unavailable`' })
  exchange(@Body() dto: ExchangeCodeDto): Promise<SignInResponse> {
    return this.codes.redeem(dto.code);
  }
}
