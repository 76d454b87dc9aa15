import { ApiProperty } from '@nestjs/swagger';
import { ROLES } from '../../access/roles';

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
}

export class AuditEventPage {
  @ApiProperty({ type: [AuditEventResponse] }) items: AuditEventResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
