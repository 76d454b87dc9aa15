import { ApiProperty } from '@nestjs/swagger';
import { ROLES, type Role } from '../../access/roles';

export class TokenPairResponse {
  @ApiProperty({ description: 'Bearer token for the Authorization header' })
  accessToken: string;

  @ApiProperty({ description: 'Use once at /auth/refresh for a new pair' })
  refreshToken: string;

  @ApiProperty({ example: 900, description: 'Seconds until the access token expires' })
  expiresIn: number;
}

export class MeResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'raadgiver@ishoj.demo' }) email: string;
  @ApiProperty({ example: 'Rasmus Rådgiver' }) name: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) planId: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) organisationId: string | null;
}
