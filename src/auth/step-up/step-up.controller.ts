import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Allow } from '../../access/allow.decorator';
import { CurrentActor, type Actor } from '../../access/actor';
import { ROLES } from '../../access/roles';
import { AnswerHoldsSecrets } from '../../idempotency/answer-holds-secrets';
import { PasskeySignInOptionsResponse } from '../dto/passkey-response.dto';
import { requestOrigin } from '../request-origin';
import { StepUpDto, StepUpResponse } from './step-up.dto';
import { StepUpService } from './step-up.service';

const LOCKED = '`mfa_locked`: 10 wrong second factors in a row (at sign-in and step-up together) locked it; ask your leader to reset it';

@ApiTags('Auth')
@Controller('auth/step-up')
export class StepUpController {
  constructor(private readonly stepUps: StepUpService) {}

  @Post()
  @Allow(...ROLES)
  @AnswerHoldsSecrets()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Step up with your second factor alone',
    description:
      'After `step_up_required`: prove your authenticator code, a recovery code or a passkey (no password) and get an access token for the same session whose ' +
      '`auth_time` is now; retry the read with it. Throttled like sign-in; wrong factors count towards the same lock as at sign-in; each code works once. Audited.',
  })
  @ApiOkResponse({ type: StepUpResponse })
  @ApiBadRequestResponse({ description: '`validation_failed`: neither or both of `code` and `passkey`, or a malformed one' })
  @ApiUnauthorizedResponse({ description: '`mfa_code_invalid` (wrong, expired or used authenticator code), `recovery_code_invalid` (wrong or used recovery code), `passkey_invalid` (not an answer to this session\'s step-up challenge, or not your passkey); `unauthenticated`, `session_ended`' })
  @ApiForbiddenResponse({ description: LOCKED })
  @ApiConflictResponse({ description: '`step_up_without_factor`: you have no second factor (your role need not use one): sign in again instead' })
  @ApiTooManyRequestsResponse({ description: 'Too many wrong second factors; Retry-After says how long to wait' })
  stepUp(@CurrentActor() actor: Actor, @Body() dto: StepUpDto, @Req() request: FastifyRequest): Promise<StepUpResponse> {
    return this.stepUps.stepUp(actor, dto, requestOrigin(request));
  }

  @Post('passkey/options')
  @Allow(...ROLES)
  // A challenge is answered once: a kept copy handed out again would only fail.
  @AnswerHoldsSecrets()
  @HttpCode(200)
  @ApiOperation({
    summary: 'The challenge for a step-up with a passkey',
    description: 'For this session\'s next step-up only: sign it with one of your passkeys within 5 minutes and send the answer as `passkey` to POST /auth/step-up; it is used once',
  })
  @ApiOkResponse({ type: PasskeySignInOptionsResponse })
  @ApiUnauthorizedResponse({ description: '`unauthenticated`, `session_ended`' })
  @ApiForbiddenResponse({ description: LOCKED })
  @ApiConflictResponse({ description: '`mfa_not_enrolled`: you have no passkey' })
  passkeyOptions(@CurrentActor() actor: Actor): Promise<PasskeySignInOptionsResponse> {
    return this.stepUps.passkeyOptions(actor);
  }
}
