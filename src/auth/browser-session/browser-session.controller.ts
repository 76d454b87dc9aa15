import { Controller, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiForbiddenResponse, ApiHeader, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../../access/allow.decorator';
import { cookieValue } from '../../sso/sso-cookies';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { Unauthenticated } from '../../common/domain-errors';
import { AuthService } from '../auth.service';
import { LogoutResponse } from '../dto/auth-response.dto';
import { requestOrigin } from '../request-origin';
import { refuseCrossSite } from './csrf';
import { clearRefreshCookie, COOKIE_TRANSPORT, REFRESH_COOKIE, setRefreshCookie } from './refresh-cookie';

export class SessionTokenResponse {
  @ApiProperty({ description: 'Bearer token for the Authorization header; keep it in memory only' })
  accessToken: string;

  @ApiProperty({ example: 900, description: 'Seconds until the access token expires' })
  expiresIn: number;
}

const TRANSPORT_HEADER = ApiHeader({ name: 'X-Token-Transport', required: true, enum: [COOKIE_TRANSPORT], description: 'Required (the defence against cross-site requests)' });
const CSRF_REFUSAL = ApiForbiddenResponse({ description: '`csrf_refused`: without `X-Token-Transport: cookie`, or from another site\'s Origin' });

/**
 * The web app's session: the refresh token lives in the HttpOnly cookie hp_refresh (set by any
 * sign-in sent with X-Token-Transport: cookie), so no script of the page can read it.
 */
@ApiTags('Auth')
@Controller('auth/session')
export class BrowserSessionController {
  constructor(
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post('refresh')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'A new access token for the browser session in the hp_refresh cookie; the cookie is rotated' })
  @TRANSPORT_HEADER
  @ApiOkResponse({ type: SessionTokenResponse, description: 'A new access token; Set-Cookie carries the next refresh token (the one sent stops working)' })
  @ApiUnauthorizedResponse({ description: '`refresh_token_invalid`: no cookie, or an unknown, expired, used or revoked refresh token; `session_ended`: the session has ended' })
  @CSRF_REFUSAL
  async refresh(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<SessionTokenResponse> {
    refuseCrossSite(request, this.config);
    const token = cookieValue(request.headers.cookie, REFRESH_COOKIE);
    try {
      if (!token) throw new Unauthenticated('No session cookie; sign in', { code: 'refresh_token_invalid' });
      const pair = await this.auth.refresh(token, requestOrigin(request));
      void reply.header('Set-Cookie', setRefreshCookie(this.config, pair.refreshToken));
      return { accessToken: pair.accessToken, expiresIn: pair.expiresIn };
    } catch (error) {
      // A cookie that no longer works is of no use to the browser either.
      void reply.header('Set-Cookie', clearRefreshCookie(this.config));
      throw error;
    }
  }

  @Post('logout')
  @Public()
  @HttpCode(204)
  @ApiOperation({ summary: 'Ends the browser session in the hp_refresh cookie and clears the cookie' })
  @TRANSPORT_HEADER
  @ApiNoContentResponse({ description: 'The session is ended (or there was none) and the cookie cleared' })
  @ApiOkResponse({ type: LogoutResponse, description: 'The session is ended; it was opened by single sign-on: send the browser to `providerLogoutUrl`' })
  @CSRF_REFUSAL
  async logout(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<LogoutResponse | void> {
    refuseCrossSite(request, this.config);
    const token = cookieValue(request.headers.cookie, REFRESH_COOKIE);
    void reply.header('Set-Cookie', clearRefreshCookie(this.config));
    if (!token) return;
    const providerLogoutUrl = await this.auth.logout(token, requestOrigin(request));
    if (!providerLogoutUrl) return;
    void reply.status(200);
    return { providerLogoutUrl };
  }
}
