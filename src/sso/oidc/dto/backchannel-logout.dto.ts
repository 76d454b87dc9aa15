import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';

/** What an OpenID Provider posts to the back-channel logout URI (OpenID Connect Back-Channel Logout 1.0, 2.5). */
export class BackchannelLogoutForm {
  @ApiProperty({ description: 'The provider\'s signed logout token (a JWT)' })
  @IsString()
  @Matches(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/, { message: 'logout_token must be a signed JWT' })
  @MaxLength(16 * 1024)
  // The spec's parameter name.
  logout_token: string;
}
