import { ApiProperty } from '@nestjs/swagger';
import { IsJWT, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

export class MfaTokenDto {
  @ApiProperty({ required: false, description: 'From POST /auth/login; without it, a bearer token of a recent sign-in' })
  @IsOptional()
  @IsJWT()
  @MaxLength(2000)
  mfaToken?: string;
}

export class ConfirmTotpDto extends MfaTokenDto {
  @ApiProperty({ example: '492039', description: 'The six digits the authenticator app shows now' })
  @Matches(/^\d{6}$/, { message: 'code must be the six digits the authenticator app shows' })
  code: string;
}

export class TotpSignInDto {
  @ApiProperty({ description: 'From POST /auth/login' })
  @IsJWT()
  @MaxLength(2000)
  mfaToken: string;

  @ApiProperty({ example: '492039' })
  @Matches(/^\d{6}$/, { message: 'code must be the six digits the authenticator app shows' })
  code: string;
}

export class RecoverySignInDto {
  @ApiProperty({ description: 'From POST /auth/login' })
  @IsJWT()
  @MaxLength(2000)
  mfaToken: string;

  @ApiProperty({ example: 'k3x9-m2pq-7rtv-w4hz', description: 'One of your recovery codes; each works once' })
  @IsString()
  @Matches(/^[0-9A-Za-z\s-]{16,40}$/, { message: 'code must be a recovery code (16 letters and digits, dashes optional)' })
  code: string;
}
