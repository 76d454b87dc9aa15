import { ApiProperty } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

export class SsoLoginQuery {
  @ApiProperty({ required: false, description: 'The token of an invitation link (`/set-password#token=...`): the provider identity is linked to the invitee' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  invitation?: string;
}

export class ExchangeCodeDto {
  @ApiProperty({ description: 'The one-time code from the returnUrl\'s fragment (`#code=...`); it works once, for 60 seconds' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  code: string;
}
