import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { requestOrigin } from './request-origin';
import { OffersCookieTransport } from './browser-session/token-transport.interceptor';
import {
  ApiConflictResponse,
  ApiExtraModels,
  ApiForbiddenResponse,
  getSchemaPath,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Allow, Public } from '../access/allow.decorator';
import { CurrentActor, type Actor } from '../access/actor';
import { ROLES } from '../access/roles';
import { CompletePasswordResetDto } from '../users/dto/password-reset.dto';
import { AcceptInvitationDto, ChangePasswordDto } from '../users/dto/user.dto';
import { AuthService } from './auth.service';
import { LoginDto, RefreshDto } from './dto/auth.dto';
import { ApprovalPendingResponse, LogoutResponse, MeResponse, MfaChallengeResponse, TokenPairResponse, type SignInResponse } from './dto/auth-response.dto';


@ApiTags('Auth')
@Controller()
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @ApiOperation({ summary: 'Sign in with e-mail and password' })
  @Post('auth/login')
  @OffersCookieTransport()
  @Public()
  @HttpCode(200)
  @ApiExtraModels(TokenPairResponse, MfaChallengeResponse, ApprovalPendingResponse)
  @ApiOkResponse({
    description: 'Tokens, or the second step the sign-in still needs (`status`), or `approval_pending`: the account waits for a second person\'s approval',
    schema: { oneOf: [{ $ref: getSchemaPath(TokenPairResponse) }, { $ref: getSchemaPath(MfaChallengeResponse) }, { $ref: getSchemaPath(ApprovalPendingResponse) }] },
  })
  @ApiUnauthorizedResponse({ description: '`invalid_credentials`: wrong e-mail or password (after a reset of the second factor, also the old password: choose a new one with the e-mailed link)' })
  @ApiForbiddenResponse({ description: '`mfa_locked`: the password is right, but your second factor is locked after 10 wrong attempts in a row; ask your leader to reset it' })
  @ApiTooManyRequestsResponse({ description: 'Too many attempts for this account or address; Retry-After says how long to wait' })
  login(@Body() dto: LoginDto, @Req() request: FastifyRequest): Promise<SignInResponse> {
    return this.auth.login(dto.email, dto.password, requestOrigin(request));
  }

  /** Exchanges a refresh token for a new pair; the old refresh token stops working. */
  @ApiOperation({ summary: 'Exchange a refresh token for a new token pair' })
  @Post('auth/refresh')
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ type: TokenPairResponse })
  @ApiUnauthorizedResponse({ description: '`refresh_token_invalid`: unknown, expired, used or revoked refresh token; `session_ended`: the session has ended' })
  refresh(@Body() dto: RefreshDto, @Req() request: FastifyRequest): Promise<TokenPairResponse> {
    return this.auth.refresh(dto.refreshToken, requestOrigin(request));
  }

  /**
   * Ends the session: its refresh and access tokens stop working at once. A session opened by
   * single sign-on answers 200 with the provider's logout URL: send the browser there, or the
   * provider's own session signs the next person at this computer in without a password.
   */
  @ApiOperation({ summary: 'Sign out: end the session' })
  @Post('auth/logout')
  @Public()
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The session is ended' })
  @ApiOkResponse({ type: LogoutResponse, description: 'The session is ended; it was opened by single sign-on: send the browser to `providerLogoutUrl`' })
  async logout(@Body() dto: RefreshDto, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<LogoutResponse | void> {
    const providerLogoutUrl = await this.auth.logout(dto.refreshToken, requestOrigin(request));
    if (!providerLogoutUrl) return;
    void reply.status(200);
    return { providerLogoutUrl };
  }

  /** The invitee sets their password with the token from the invitation link, and is signed in. */
  @ApiOperation({ summary: 'Accept an invitation: set your password and sign in' })
  @Post('auth/invitations/accept')
  @OffersCookieTransport()
  @Public()
  @HttpCode(200)
  @ApiExtraModels(TokenPairResponse, MfaChallengeResponse, ApprovalPendingResponse)
  @ApiOkResponse({
    description:
      'Tokens, or (where your role must use a second factor) `mfa_enrolment_required`, or `approval_pending`: the password is set, and the account signs in once ' +
      'another leader of the plan, its named approver or the platform admin approves its role (counsellor, social worker, or a leader asked for by a leader)',
    schema: { oneOf: [{ $ref: getSchemaPath(TokenPairResponse) }, { $ref: getSchemaPath(MfaChallengeResponse) }, { $ref: getSchemaPath(ApprovalPendingResponse) }] },
  })
  @ApiUnauthorizedResponse({ description: '`invitation_invalid`: the link was used, withdrawn or has expired' })
  @ApiConflictResponse({ description: '`email_in_use`: the e-mail already has an account' })
  acceptInvitation(@Body() dto: AcceptInvitationDto, @Req() request: FastifyRequest): Promise<SignInResponse> {
    return this.auth.acceptInvitation(dto.token, dto.password, requestOrigin(request));
  }

  /**
   * After a reset of your second factor (which removed your password), you choose a new password
   * with the token from the e-mailed link, and go on to enrol a new second factor. The link works once.
   */
  @ApiOperation({ summary: 'Choose a new password after a second-factor reset' })
  @Post('auth/password-resets/complete')
  @OffersCookieTransport()
  @Public()
  @HttpCode(200)
  @ApiExtraModels(TokenPairResponse, MfaChallengeResponse, ApprovalPendingResponse)
  @ApiOkResponse({
    description: 'The password is set: `mfa_enrolment_required` (enrol a new second factor with the mfaToken), or tokens where your role need not use a second factor',
    schema: { oneOf: [{ $ref: getSchemaPath(TokenPairResponse) }, { $ref: getSchemaPath(MfaChallengeResponse) }, { $ref: getSchemaPath(ApprovalPendingResponse) }] },
  })
  @ApiUnauthorizedResponse({ description: '`password_reset_link_invalid`: the link was used, replaced by a newer reset\'s or has expired; ask your leader to reset your second factor again' })
  completePasswordReset(@Body() dto: CompletePasswordResetDto, @Req() request: FastifyRequest): Promise<SignInResponse> {
    return this.auth.completePasswordReset(dto.token, dto.password, requestOrigin(request));
  }

  /** Changes your own password; your other sessions end. */
  @ApiOperation({ summary: 'Change your own password' })
  @Post('auth/password')
  @HttpCode(204)
  @Allow(...ROLES)
  @ApiNoContentResponse({ description: 'Changed; every other session of yours has ended' })
  @ApiUnauthorizedResponse({ description: '`invalid_credentials`: the current password is wrong' })
  async changePassword(@CurrentActor() actor: Actor, @Body() dto: ChangePasswordDto, @Req() request: FastifyRequest): Promise<void> {
    await this.auth.changePassword(actor, actor.sessionId ?? '', dto.currentPassword, dto.newPassword, requestOrigin(request));
  }

  @ApiOperation({ summary: 'Your own user account' })
  @Get('me')
  @Allow(...ROLES)
  @ApiOkResponse({ type: MeResponse })
  me(@CurrentActor() actor: Actor): Promise<MeResponse> {
    return this.auth.me(actor);
  }
}
