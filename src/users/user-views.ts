import type { InvitationResponse, UserResponse } from './dto/user-response.dto';
import { invitationStatus, type Invitation } from './invitation.entity';
import type { User } from './user.entity';

export const userView = (u: User): UserResponse => ({
  id: u.id,
  email: u.email,
  name: u.name,
  role: u.role,
  planId: u.planId,
  organisationId: u.organisationId,
  active: u.active,
  status: u.active ? 'active' : 'deactivated',
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
