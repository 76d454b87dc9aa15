import { Body, Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { AnswerHoldsSecrets } from '../../idempotency/answer-holds-secrets';
import { requestOrigin } from '../request-origin';
import { OffersCookieTransport } from '../browser-session/token-transport.interceptor';
import {
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Allow, Public } from '../../access/allow.decorator';
import { CurrentActor, type Actor } from '../../access/actor';
import { ROLES } from '../../access/roles';
import { RequireStepUp } from '../../access/step-up';
import { ParseIdPipe } from '../../common/parse-id.pipe';
import { MfaEnrolmentResponse, MfaStatusResponse, RecoveryCodesResponse, TokenPairResponse, TotpEnrolmentResponse } from '../dto/auth-response.dto';
import { ConfirmTotpDto, MfaTokenDto, RecoverySignInDto, TotpSignInDto } from '../dto/mfa.dto';
import { Enrollers } from './enroller';
import { MfaService } from './mfa.service';


@ApiTags('Auth')
@Controller()
export class MfaController {
  constructor(
    private readonly mfa: MfaService,
    private readonly enrollers: Enrollers,
  ) {}

  /** Starts enrolling an authenticator app: at sign-in with the mfaToken, or signed in (recently) with a bearer token. */
  @ApiOperation({ summary: 'Start enrolling an authenticator app' })
  @Post('auth/mfa/totp/enrol')
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ type: TotpEnrolmentResponse })
  @ApiUnauthorizedResponse({ description: '`mfa_token_invalid`; `mfa_enrolment_closed` (a factor was enrolled since the sign-in began: sign in again); or without an mfaToken no recent sign-in (`unauthenticated`, `step_up_required`)' })
  @ApiConflictResponse({ description: '`totp_already_enrolled`: you have an authenticator app already' })
  async enrolTotp(@Body() dto: MfaTokenDto, @Req() request: FastifyRequest): Promise<TotpEnrolmentResponse> {
    return this.mfa.startTotp(await this.enrollers.fromRequest(dto.mfaToken, request), requestOrigin(request));
  }

  /** Confirms the app with a code from it. At sign-in this completes the sign-in; a first second factor comes with recovery codes. */
  @ApiOperation({ summary: 'Confirm an authenticator app with a code from it' })
  @Post('auth/mfa/totp/confirm')
  @OffersCookieTransport()
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ type: MfaEnrolmentResponse })
  @ApiUnauthorizedResponse({ description: '`mfa_code_invalid`, `mfa_token_invalid`, `mfa_enrolment_closed`, `step_up_required`' })
  @ApiTooManyRequestsResponse({ description: 'Too many wrong codes; Retry-After says how long to wait' })
  async confirmTotp(@Body() dto: ConfirmTotpDto, @Req() request: FastifyRequest): Promise<MfaEnrolmentResponse> {
    return this.mfa.confirmTotp(await this.enrollers.fromRequest(dto.mfaToken, request), dto.code, requestOrigin(request));
  }

  /** The second step of a sign-in: the authenticator app's code. A code is accepted once. */
  @ApiOperation({ summary: "Sign in, second step: an authenticator app's code" })
  @Post('auth/mfa/totp')
  @OffersCookieTransport()
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ type: TokenPairResponse })
  @ApiUnauthorizedResponse({ description: '`mfa_code_invalid`: wrong, expired or already used; `mfa_token_invalid`' })
  @ApiForbiddenResponse({ description: '`mfa_locked`: 10 wrong second factors in a row locked it; ask your leader to reset it' })
  @ApiTooManyRequestsResponse({ description: 'Too many wrong codes; Retry-After says how long to wait' })
  signInWithTotp(@Body() dto: TotpSignInDto, @Req() request: FastifyRequest): Promise<TokenPairResponse> {
    return this.mfa.signInWithTotp(dto.mfaToken, dto.code, requestOrigin(request));
  }

  /** The second step with a recovery code instead (lost phone or key); each code works once. */
  @ApiOperation({ summary: 'Sign in, second step: a recovery code' })
  @Post('auth/mfa/recovery')
  @OffersCookieTransport()
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ type: TokenPairResponse })
  @ApiUnauthorizedResponse({ description: '`recovery_code_invalid`: wrong or already used; `mfa_token_invalid`' })
  @ApiForbiddenResponse({ description: '`mfa_locked`: 10 wrong second factors in a row locked it; ask your leader to reset it' })
  @ApiTooManyRequestsResponse({ description: 'Too many wrong codes; Retry-After says how long to wait' })
  signInWithRecoveryCode(@Body() dto: RecoverySignInDto, @Req() request: FastifyRequest): Promise<TokenPairResponse> {
    return this.mfa.signInWithRecoveryCode(dto.mfaToken, dto.code, requestOrigin(request));
  }

  /** Your second factors and how many recovery codes you have left. */
  @ApiOperation({ summary: 'Your second factors and recovery codes left' })
  @Get('auth/mfa')
  @Allow(...ROLES)
  @ApiOkResponse({ type: MfaStatusResponse })
  status(@CurrentActor() actor: Actor): Promise<MfaStatusResponse> {
    return this.mfa.status(actor);
  }

  /** Ten new recovery codes; the earlier ones stop working. Needs a recent sign-in with your second factor. */
  @ApiOperation({ summary: 'Replace your recovery codes with ten new ones' })
  @Post('auth/mfa/recovery-codes')
  @AnswerHoldsSecrets()
  @Allow(...ROLES)
  @RequireStepUp()
  @HttpCode(200)
  @ApiOkResponse({ type: RecoveryCodesResponse })
  @ApiConflictResponse({ description: '`mfa_not_enrolled`: you have no second factor' })
  renewRecoveryCodes(@CurrentActor() actor: Actor): Promise<RecoveryCodesResponse> {
    return this.mfa.renewRecoveryCodes(actor);
  }

  /**
   * Removes a user's second factors (lost phone, no recovery codes) or unlocks a locked one, and ends
   * their sessions. Their password goes too: they are e-mailed a one-time link to choose a new one and
   * enrol a new factor, so whoever knew the old password cannot enrol theirs (an account that signs
   * in only through single sign-on enrols at its next sign-in). Needs your recent sign-in (step-up). Audited.
   */
  @ApiOperation({ summary: "Leader or admin: reset a user's second factors" })
  @Post('users/:id/mfa/reset')
  @Allow('leader', 'admin')
  @RequireStepUp()
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Reset; every session of the user has ended, their password is removed, and they are e-mailed a one-time link to choose a new one (24 h) and enrol a new factor' })
  @ApiNotFoundResponse({ description: 'No such user within your reach' })
  async reset(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) userId: string, @Req() request: FastifyRequest): Promise<void> {
    await this.mfa.reset(actor, userId, requestOrigin(request));
  }
}
