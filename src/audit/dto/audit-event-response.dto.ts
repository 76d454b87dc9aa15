import { ApiProperty } from '@nestjs/swagger';
import { ROLES } from '../../access/roles';
import { NSIS_LEVELS, SIGN_IN_OUTCOMES, type NsisLevelName, type SignInOutcome } from '../sign-in-details';

/** How a sign-in-related event happened (src/audit/sign-in-details.ts). */
export class SignInDetailsResponse {
  @ApiProperty({ enum: SIGN_IN_OUTCOMES }) outcome: SignInOutcome;
  @ApiProperty({ required: false, example: '192.0.2.10', description: 'The client\'s address (behind a proxy only with TRUST_PROXY)' }) address?: string;
  @ApiProperty({ required: false, example: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) ...', description: 'The User-Agent header, at most 256 characters' }) userAgent?: string;
  @ApiProperty({ required: false, example: 'local', description: '`local` (password and our own second factors) or the single sign-on provider\'s id' }) provider?: string;
  @ApiProperty({ required: false, example: 'totp', description: '`password`, `totp`, `passkey`, `recovery_code`, `oidc`, `saml` or `refresh_token`' }) method?: string;
  @ApiProperty({ required: false, type: [String], example: ['pwd', 'otp'], description: 'For a session opened: how the user authenticated (RFC 8176 amr values)' }) amr?: string[];
  @ApiProperty({ required: false, enum: NSIS_LEVELS, description: 'The assurance level the identity provider asserted (SAML)' }) nsisLevel?: NsisLevelName;
  @ApiProperty({ required: false, description: 'The identity provider\'s id of the message that signed the person in (SAML Response ID)' }) idpMessageId?: string;
  @ApiProperty({ required: false, example: 'mfa_code_invalid', description: 'Why it failed or was refused: the answer\'s problem code' }) reason?: string;
}

export class AuditEventResponse {
  @ApiProperty({ description: 'The event\'s id (a bigint, as text)' }) id: string;
  @ApiProperty({ format: 'date-time' }) occurredAt: string;
  @ApiProperty({ format: 'uuid', type: String, nullable: true, description: 'null for the platform\'s own events' }) planId: string | null;
  @ApiProperty({ format: 'uuid', type: String, nullable: true, description: 'null when the caller is not known (a failed login)' }) actorId: string | null;
  @ApiProperty({ enum: ROLES, type: String, nullable: true }) actorRole: string | null;
  @ApiProperty({ example: 'resident.read' }) action: string;
  @ApiProperty({ format: 'uuid', type: String, nullable: true }) residentId: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'counselling_case' }) entityType: string | null;
  @ApiProperty({ type: String, nullable: true }) entityId: string | null;
  @ApiProperty({ example: 'case_work' }) purpose: string;
  @ApiProperty({ type: String, nullable: true }) requestId: string | null;
  @ApiProperty({
    type: 'object',
    nullable: true,
    additionalProperties: true,
    description: 'For an edit (plan, housing area, organisation, indicator): `{before, after}` with the fields that changed; for a read of this log (`audit_log.read`): `after` holds its filters; null otherwise',
    example: { before: { name: 'Vejleåparken' }, after: { name: 'Vejleåparken Øst' } },
  })
  changes: { before: Record<string, unknown>; after: Record<string, unknown> } | null;

  @ApiProperty({ type: SignInDetailsResponse, nullable: true, description: 'For sign-in and account events: the address, user agent, provider, method, assurance level and outcome; null otherwise' })
  details: SignInDetailsResponse | null;
}

export class AuditEventPage {
  @ApiProperty({ type: [AuditEventResponse] }) items: AuditEventResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
