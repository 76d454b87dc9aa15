import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';

export class LoginDto {
  @ApiProperty({ example: 'radgiver@demo.helhedsplan.dk' })
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiProperty({ example: 'demo-password-2025' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  password: string;
}

export class RefreshDto {
  @ApiProperty({ description: 'The refresh token from login or the previous refresh' })
  @IsString()
  @MinLength(10)
  @MaxLength(200)
  refreshToken: string;
}

export class TokenPairView {
  @ApiProperty({ description: 'Bearer token for the Authorization header' })
  accessToken: string;

  @ApiProperty({ description: 'Use once at /auth/refresh for a new pair' })
  refreshToken: string;

  @ApiProperty({ example: 900, description: 'Seconds until the access token expires' })
  expiresIn: number;
}

export class MeView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ['admin', 'leader', 'counsellor', 'social_worker', 'caseworker'] }) role: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) planId: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) organisationId: string | null;
}
