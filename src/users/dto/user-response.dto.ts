import { ApiProperty } from '@nestjs/swagger';
import { PLAN_ROLES, ROLES, type PlanRole, type Role } from '../../access/roles';

export class UserResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'raadgiver@ishoj.demo' }) email: string;
  @ApiProperty({ example: 'Sara Rådgiver' }) name: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty({ format: 'uuid', type: String, nullable: true }) planId: string | null;
  @ApiProperty({ format: 'uuid', type: String, nullable: true }) organisationId: string | null;
  @ApiProperty() active: boolean;
  @ApiProperty({ enum: ['active', 'deactivated'] }) status: 'active' | 'deactivated';
}

export class UserPage {
  @ApiProperty({ type: [UserResponse] }) items: UserResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export const INVITATION_STATUSES = ['invited', 'accepted', 'revoked', 'expired'] as const;

/** An invitation as the leader sees it: never its token. */
export class InvitationResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'raadgiver@ishoj.demo' }) email: string;
  @ApiProperty({ example: 'Sara Rådgiver' }) name: string;
  @ApiProperty({ enum: PLAN_ROLES }) role: PlanRole;
  @ApiProperty({ format: 'uuid' }) planId: string;
  @ApiProperty({ format: 'uuid', type: String, nullable: true }) organisationId: string | null;
  @ApiProperty({ enum: INVITATION_STATUSES, description: '`invited` until accepted, withdrawn or expired' }) status: (typeof INVITATION_STATUSES)[number];
  @ApiProperty({ format: 'date-time' }) expiresAt: Date;
  @ApiProperty({ format: 'date-time', type: Date, nullable: true, description: 'When the e-mail went out; null while it waits in the queue' }) sentAt: Date | null;
  @ApiProperty({ format: 'date-time', type: Date, nullable: true }) acceptedAt: Date | null;
  @ApiProperty({ format: 'uuid', type: String, nullable: true, description: 'The user the invitation became' }) userId: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: Date;
}

export class InvitationPage {
  @ApiProperty({ type: [InvitationResponse] }) items: InvitationResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
