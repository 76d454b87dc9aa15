import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsObject, IsOptional, IsString, Matches, ValidateNested } from 'class-validator';
import { AuthenticationCredentialDto } from '../dto/passkey.dto';

/** The six digits of an authenticator app; anything else in `code` is taken as a recovery code. */
export const TOTP_CODE = /^\d{6}$/;
const TOTP_OR_RECOVERY_CODE = /^(\d{6}|[0-9A-Za-z\s-]{16,40})$/;

/** A second factor alone: an authenticator code or a recovery code in `code`, or a passkey's answer. */
export class StepUpDto {
  @ApiProperty({
    required: false,
    example: '492039',
    description: 'The six digits the authenticator app shows now, or one of your recovery codes (each works once). Give this or `passkey`, not both.',
  })
  @IsOptional()
  @IsString()
  @Matches(TOTP_OR_RECOVERY_CODE, { message: 'code must be the six digits the authenticator app shows, or a recovery code (16 letters and digits, dashes optional)' })
  code?: string;

  @ApiProperty({
    required: false,
    type: AuthenticationCredentialDto,
    description: 'What navigator.credentials.get() answered to the options of POST /auth/step-up/passkey/options, as JSON',
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => AuthenticationCredentialDto)
  passkey?: AuthenticationCredentialDto;
}

export class StepUpResponse {
  @ApiProperty({ description: 'A bearer token for the same session, whose `auth_time` is now; the refresh token you have goes on working, and the tokens it gives keep the step-up' })
  accessToken: string;

  @ApiProperty({ example: 900, description: 'Seconds until the access token expires' })
  expiresIn: number;

  @ApiProperty({ format: 'date-time', description: 'Until when reads that need a step-up are answered (STEP_UP_MAX_AGE_SECONDS from now)' })
  stepUpUntil: string;
}
