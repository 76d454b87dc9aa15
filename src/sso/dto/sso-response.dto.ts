import { ApiProperty } from '@nestjs/swagger';

export class SsoProviderResponse {
  @ApiProperty({ example: 'aab-entra', description: 'For GET /auth/sso/{id}/login' }) id: string;
  @ApiProperty({ example: 'AAB (Microsoft Entra ID)' }) displayName: string;
  @ApiProperty({ enum: ['oidc', 'saml'] }) kind: 'oidc' | 'saml';
}

export class SsoLinkResponse {
  @ApiProperty({ format: 'uri', description: 'Send the browser here (within 10 minutes) to sign in at the provider; the identity it proves is linked to your account' })
  loginUrl: string;
}
