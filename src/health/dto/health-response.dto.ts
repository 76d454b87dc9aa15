import { ApiProperty } from '@nestjs/swagger';

export class LiveResponse {
  @ApiProperty({ enum: ['ok'] }) status: 'ok';
}

export class DependencyCheck {
  @ApiProperty({ enum: ['up', 'down'] }) status: 'up' | 'down';
  @ApiProperty({ required: false, enum: ['no answer in time', 'not reachable'], description: 'Only when down' }) reason?: string;
}

export class DependencyChecks {
  @ApiProperty({ type: DependencyCheck }) postgres: DependencyCheck;
  @ApiProperty({ type: DependencyCheck }) redis: DependencyCheck;
}

export class SsoCredentialHealth {
  @ApiProperty() providerId: string;
  @ApiProperty({
    enum: ['client_secret', 'client_certificate', 'service_provider_certificate', 'identity_provider_certificate'],
    description:
      'An OpenID Connect client secret (its expiry from the providers file\'s `clientSecretExpiresAt`) or the certificate of the `private_key_jwt` key; for SAML (KOMBIT), each of our certificates (`spKeys`) and each IdP certificate we trust (`idpCertFiles`)',
  })
  credential: 'client_secret' | 'client_certificate' | 'service_provider_certificate' | 'identity_provider_certificate';
  @ApiProperty({ required: false, description: 'The certificate file, for certificates' }) file?: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) expiresAt: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Whole days left (negative once expired)' }) daysLeft: number | null;
  @ApiProperty({ enum: ['ok', 'expiring', 'expired', 'unknown'], description: '`expiring`: under 30 days left: make a new one and roll it over; `unknown`: the providers file does not say when the secret expires' })
  state: 'ok' | 'expiring' | 'expired' | 'unknown';
}

export class SsoReloadError {
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ description: 'Why the newest providers file (or a key file) was not taken into use; the one before it stays in use' }) message: string;
}

export class SsoHealthResponse {
  @ApiProperty({ format: 'date-time', description: 'When the providers file in use was read' }) providersLoadedAt: string;
  @ApiProperty({ type: SsoReloadError, nullable: true }) reloadError: SsoReloadError | null;
  @ApiProperty({ type: [SsoCredentialHealth] }) credentials: SsoCredentialHealth[];
}

export class ReadyDetails {
  @ApiProperty({ type: SsoHealthResponse }) sso: SsoHealthResponse;
}

export class ReadyResponse {
  @ApiProperty({ enum: ['ok', 'degraded', 'unavailable'], description: '`degraded`: Redis is down (writes still work); `unavailable` (503): PostgreSQL is down' })
  status: 'ok' | 'degraded' | 'unavailable';

  @ApiProperty({ type: DependencyChecks }) checks: DependencyChecks;

  @ApiProperty({ type: ReadyDetails, required: false, description: 'Only for the platform admin (an admin\'s access token in Authorization): what needs the operator\'s attention' })
  details?: ReadyDetails;
}
