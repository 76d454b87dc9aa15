import { Body, Controller, Delete, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
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
import type { AuthenticationResponseJSON, RegistrationResponseJSON } from '@simplewebauthn/server';
import type { FastifyRequest } from 'fastify';
import { Allow, Public } from '../../access/allow.decorator';
import { CurrentActor, type Actor } from '../../access/actor';
import { ROLES } from '../../access/roles';
import { RequireStepUp } from '../../access/step-up';
import { ParseIdPipe } from '../../common/parse-id.pipe';
import { MfaEnrolmentResponse, TokenPairResponse } from '../dto/auth-response.dto';
import { MfaTokenDto } from '../dto/mfa.dto';
import { PasskeyOptionsDto, PasskeySignInDto, RegisterPasskeyDto } from '../dto/passkey.dto';
import { PasskeyPage, PasskeyRegistrationOptionsResponse, PasskeySignInOptionsResponse } from '../dto/passkey-response.dto';
import { Enrollers } from './enroller';
import { PasskeysService } from './passkeys.service';


@ApiTags('Auth')
@Controller('auth/mfa')
export class PasskeysController {
  constructor(
    private readonly passkeys: PasskeysService,
    private readonly enrollers: Enrollers,
  ) {}

  /** Starts registering a passkey: at sign-in with the mfaToken, or signed in (recently) with a bearer token. */
  @ApiOperation({ summary: 'Start registering a passkey' })
  @Post('passkey/register/options')
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ type: PasskeyRegistrationOptionsResponse })
  @ApiUnauthorizedResponse({ description: '`mfa_token_invalid`; `mfa_enrolment_closed` (a factor was enrolled since the sign-in began: sign in again); or without an mfaToken no recent sign-in (`unauthenticated`, `step_up_required`)' })
  async registrationOptions(@Body() dto: MfaTokenDto, @Req() request: FastifyRequest): Promise<PasskeyRegistrationOptionsResponse> {
    return this.passkeys.registrationOptions(await this.enrollers.fromRequest(dto.mfaToken, request), requestOrigin(request));
  }

  /** Registers the passkey with what the browser answered. At sign-in this completes the sign-in; a first second factor comes with recovery codes. */
  @ApiOperation({ summary: "Register a passkey with the browser's answer" })
  @Post('passkey/register')
  @OffersCookieTransport()
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ type: MfaEnrolmentResponse })
  @ApiUnauthorizedResponse({ description: '`passkey_invalid`: not an answer to the challenge, or not from this site; `mfa_token_invalid`, `mfa_enrolment_closed`, `step_up_required`' })
  @ApiConflictResponse({ description: '`passkey_already_registered`' })
  @ApiTooManyRequestsResponse({ description: 'Too many failed attempts; Retry-After says how long to wait' })
  async register(@Body() dto: RegisterPasskeyDto, @Req() request: FastifyRequest): Promise<MfaEnrolmentResponse> {
    const enroller = await this.enrollers.fromRequest(dto.mfaToken, request);
    return this.passkeys.register(enroller, dto.response as RegistrationResponseJSON, dto.name, requestOrigin(request));
  }

  /** The challenge for the second step of a sign-in with a passkey. */
  @ApiOperation({ summary: 'Sign in, second step: get a passkey challenge' })
  @Post('passkey/options')
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ type: PasskeySignInOptionsResponse })
  @ApiUnauthorizedResponse({ description: '`mfa_token_invalid`' })
  @ApiForbiddenResponse({ description: '`mfa_locked`: 10 wrong second factors in a row locked it; ask your leader to reset it' })
  @ApiConflictResponse({ description: '`mfa_not_enrolled`: you have no passkey' })
  signInOptions(@Body() dto: PasskeyOptionsDto): Promise<PasskeySignInOptionsResponse> {
    return this.passkeys.signInOptions(dto.mfaToken);
  }

  /** The second step of a sign-in: one of your passkeys signs the challenge. */
  @ApiOperation({ summary: "Sign in, second step: a passkey's signed challenge" })
  @Post('passkey')
  @OffersCookieTransport()
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ type: TokenPairResponse })
  @ApiUnauthorizedResponse({ description: '`passkey_invalid`: wrong or used challenge, another site, a bad signature, not your passkey, or a signature counter that did not go up; `mfa_token_invalid`' })
  @ApiForbiddenResponse({ description: '`mfa_locked`: 10 wrong second factors in a row locked it; ask your leader to reset it' })
  @ApiTooManyRequestsResponse({ description: 'Too many failed attempts; Retry-After says how long to wait' })
  signIn(@Body() dto: PasskeySignInDto, @Req() request: FastifyRequest): Promise<TokenPairResponse> {
    return this.passkeys.signIn(dto.mfaToken, dto.response as AuthenticationResponseJSON, requestOrigin(request));
  }

  /** Your passkeys. */
  @ApiOperation({ summary: 'List your passkeys' })
  @Get('passkeys')
  @Allow(...ROLES)
  @ApiOkResponse({ type: PasskeyPage })
  list(@CurrentActor() actor: Actor): Promise<PasskeyPage> {
    return this.passkeys.list(actor);
  }

  /** Removes one of your passkeys. Needs a recent sign-in with your second factor; audited. */
  @ApiOperation({ summary: 'Remove one of your passkeys' })
  @Delete('passkeys/:id')
  @Allow(...ROLES)
  @RequireStepUp()
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiNotFoundResponse({ description: 'You have no passkey with this id' })
  @ApiConflictResponse({ description: '`last_second_factor`: it is your last second factor and your role must use one; add another first' })
  async remove(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string): Promise<void> {
    await this.passkeys.remove(actor, id);
  }
}
