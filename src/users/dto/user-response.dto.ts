import { ApiProperty } from '@nestjs/swagger';
import { PLAN_ROLES, ROLES, type PlanRole, type Role } from '../../access/roles';

export const USER_STATUSES = ['active', 'deactivated', 'awaiting_approval'] as const;

/** A grant waiting for a second person (POST /users/:id/approve or /reject-approval). */
export class PendingApprovalResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: PLAN_ROLES, description: 'The role that takes effect when approved' }) role: PlanRole;
  @ApiProperty({ enum: PLAN_ROLES, nullable: true, description: 'The role when it was asked for; null for a new account' }) fromRole: PlanRole | null;
  @ApiProperty({ description: 'Whether the account becomes active when approved (a new or a reactivated account)' }) activates: boolean;
  @ApiProperty({ format: 'uuid', type: String, nullable: true, description: 'Who asked; null when the single sign-on provider did' }) requestedBy: string | null;
  @ApiProperty({ format: 'date-time' }) requestedAt: Date;
}

export class UserResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'raadgiver@ishoj.demo' }) email: string;
  @ApiProperty({ example: 'Sara Rådgiver' }) name: string;
  @ApiProperty({ enum: ROLES, description: 'The role the account signs in with (for an account awaiting approval: the role it asked for)' }) role: Role;
  @ApiProperty({ format: 'uuid', type: String, nullable: true }) planId: string | null;
  @ApiProperty({ format: 'uuid', type: String, nullable: true }) organisationId: string | null;
  @ApiProperty({ description: 'Whether the account can sign in now' }) active: boolean;
  @ApiProperty({ enum: USER_STATUSES, description: '`awaiting_approval`: a new or reactivated account that signs in only once another person approves it' })
  status: (typeof USER_STATUSES)[number];
  @ApiProperty({ enum: PLAN_ROLES, nullable: true, description: 'A role asked for that takes effect only when another leader, the plan\'s named approver or the platform admin approves it; until then the account keeps its role (or cannot sign in)' })
  pendingRole: PlanRole | null;
  @ApiProperty({ type: PendingApprovalResponse, nullable: true }) pendingApproval: PendingApprovalResponse | null;
  @ApiProperty({ format: 'date-time', description: 'The latest sign-in or refresh (or when the account was made or reactivated); unused accounts are deactivated by it' })
  lastSeenAt: Date;
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
