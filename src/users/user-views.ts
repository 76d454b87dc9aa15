import type { InvitationResponse, PendingApprovalResponse, UserResponse } from './dto/user-response.dto';
import { invitationStatus, type Invitation } from './invitation.entity';
import type { RoleRequest } from './role-requests.repository';
import type { User } from './user.entity';

const pendingView = (r: RoleRequest): PendingApprovalResponse => ({
  id: r.id,
  role: r.role,
  fromRole: r.fromRole,
  activates: r.activates,
  requestedBy: r.requestedBy,
  requestedAt: r.requestedAt,
});

/** A user with their open request, if any (`pending`). */
export const userView = (u: User, pending?: RoleRequest): UserResponse => ({
  id: u.id,
  email: u.email,
  name: u.name,
  role: u.role,
  planId: u.planId,
  organisationId: u.organisationId,
  active: u.active,
  status: u.active ? 'active' : pending?.activates ? 'awaiting_approval' : 'deactivated',
  pendingRole: pending?.role ?? null,
  pendingApproval: pending ? pendingView(pending) : null,
  lastSeenAt: u.lastSeenAt,
});

/** An invitation as the leader sees it: never its token. */
export const invitationView = (i: Invitation): InvitationResponse => ({
  id: i.id,
  email: i.email,
  name: i.name,
  role: i.role,
  planId: i.planId,
  organisationId: i.organisationId,
  status: invitationStatus(i) === 'pending' ? 'invited' : (invitationStatus(i) as Exclude<ReturnType<typeof invitationStatus>, 'pending'>),
  expiresAt: i.expiresAt,
  sentAt: i.sentAt,
  acceptedAt: i.acceptedAt,
  userId: i.userId,
  createdAt: i.createdAt,
});
