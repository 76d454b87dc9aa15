import { invitationStatus, type Invitation } from './invitation.entity';
import type { User } from './user.entity';

export const userView = (u: User) => ({
  id: u.id,
  email: u.email,
  name: u.name,
  role: u.role,
  planId: u.planId,
  organisationId: u.organisationId,
  active: u.active,
  status: u.active ? ('active' as const) : ('deactivated' as const),
});

/** An invitation as the leader sees it: never its token. */
export const invitationView = (i: Invitation) => ({
  id: i.id,
  email: i.email,
  name: i.name,
  role: i.role,
  planId: i.planId,
  organisationId: i.organisationId,
  status: invitationStatus(i) === 'pending' ? ('invited' as const) : invitationStatus(i),
  expiresAt: i.expiresAt,
  sentAt: i.sentAt,
  acceptedAt: i.acceptedAt,
  userId: i.userId,
  createdAt: i.createdAt,
});
