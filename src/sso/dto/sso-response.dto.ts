import { ApiProperty } from '@nestjs/swagger';

export class SsoProviderResponse {
  @ApiProperty({ example: 'aab-entra', description: 'For GET /auth/sso/{id}/login' }) id: string;
  @ApiProperty({ example: 'AAB (Microsoft Entra ID)' }) displayName: string;
  @ApiProperty({ enum: ['oidc', 'saml'] }) kind: 'oidc' | 'saml';
}
