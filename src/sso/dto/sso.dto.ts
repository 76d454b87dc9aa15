import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

export class SsoLoginQuery {
  @ApiProperty({ required: false, description: 'The token of an invitation link (`/set-password#token=...`): the provider identity is linked to the invitee' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  invitation?: string;

  @ApiProperty({ required: false, enum: ['true', 'false'], description: '`true` after a `step_up_required`: the provider is asked to authenticate the person afresh (OIDC prompt=login and max_age=0, SAML ForceAuthn) rather than reuse its own session' })
  @IsOptional()
  @IsIn(['true', 'false'])
  reauth?: 'true' | 'false';

  @ApiProperty({ required: false, description: 'From POST /auth/sso/:provider/link: the identity the provider proves is linked to the signed-in account that asked' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  link?: string;
}

export class ExchangeCodeDto {
  @ApiProperty({ description: 'The one-time code from the returnUrl\'s fragment (`#code=...`); it works once, for 60 seconds' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  code: string;
}
