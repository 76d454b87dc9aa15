import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

/** A new password chosen with the link e-mailed at a reset of the second factor. */
export class CompletePasswordResetDto {
  @ApiProperty({ description: 'The token from the link in the e-mail (the `reset` of `/set-password#reset=...`)' })
  @IsString()
  @MinLength(20)
  @MaxLength(100)
  token: string;

  @ApiProperty({ example: 'fjernsyn blomsterkasse regnvejr', description: 'At least 12 characters, not a common or guessable password' })
  @IsString()
  @MaxLength(200)
  password: string;
}
