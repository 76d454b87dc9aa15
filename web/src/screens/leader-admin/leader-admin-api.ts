import type { components } from '../../../generated/api';
import { answer, api } from '../../api/client';
import { ApiProblem, NetworkProblem } from '../../api/problem';
import { networkProblem, problemText } from '../../text/problems';

export type StaffMember = components['schemas']['UserResponse'];
export type StaffPage = components['schemas']['UserPage'];
export type Invitation = components['schemas']['InvitationResponse'];
export type InvitationPage = components['schemas']['InvitationPage'];
export type PlanRole = components['schemas']['CreateUserDto']['role'];
export type AuditEvent = components['schemas']['AuditEventResponse'];
export type AuditPage = components['schemas']['AuditEventPage'];
export type AuditKind = 'sign_in' | 'account';
export type Activity = components['schemas']['ActivityResponse'];
export type ActivityPage = components['schemas']['ActivityPage'];
export type ActivityKind = components['schemas']['ActivityKindResponse'];
export type WeeklySlot = components['schemas']['WeeklySlotDto'];
export type Session = components['schemas']['SessionListItem'];
export type HousingArea = components['schemas']['HousingAreaResponse'];
export type Organisation = components['schemas']['OrganisationResponse'];
export type CreateActivity = components['schemas']['CreateActivityDto'];
export type UpdateActivity = components['schemas']['UpdateActivityDto'];

export const PLAN_ROLES: readonly PlanRole[] = ['counsellor', 'social_worker', 'leader', 'caseworker', 'volunteer'];

const PAGE = 50;
const page = (cursor?: string) => ({ limit: PAGE, ...(cursor ? { cursor } : {}) });

// Staff (src/users/)

export const staff = (cursor?: string): Promise<StaffPage> => answer(api.GET('/users', { params: { query: page(cursor) } }));

/** Every member of the plan, for naming the people in the audit log (a plan has tens of staff, not thousands). */
export async function allStaff(): Promise<StaffMember[]> {
  const members: StaffMember[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < 10; i += 1) {
    const next = await answer(api.GET('/users', { params: { query: { limit: 200, ...(cursor ? { cursor } : {}) } } }));
    members.push(...next.items);
    if (!next.nextCursor) break;
    cursor = next.nextCursor;
  }
  return members;
}

export const member = (id: string): Promise<StaffMember> => answer(api.GET('/users/{id}', { params: { path: { id } } }));

export const invitations = (cursor?: string): Promise<InvitationPage> => answer(api.GET('/invitations', { params: { query: page(cursor) } }));

export const invite = (planId: string, body: { email: string; name: string; role: PlanRole; organisationId?: string }): Promise<Invitation> =>
  answer(api.POST('/plans/{planId}/users', { params: { path: { planId } }, body })) as Promise<Invitation>;

export const resendInvitation = (id: string): Promise<Invitation> => answer(api.POST('/invitations/{id}/resend', { params: { path: { id } } }));

export const revokeInvitation = (id: string): Promise<Invitation> => answer(api.POST('/invitations/{id}/revoke', { params: { path: { id } } }));

export const updateMember = (id: string, body: { role?: PlanRole; active?: boolean }): Promise<StaffMember> =>
  answer(api.PATCH('/users/{id}', { params: { path: { id } }, body }));

export const approve = (id: string): Promise<StaffMember> => answer(api.POST('/users/{id}/approve', { params: { path: { id } } }));

export const refuseApproval = (id: string): Promise<StaffMember> => answer(api.POST('/users/{id}/reject-approval', { params: { path: { id } } }));

/** Needs the leader's recent second factor: the client's step-up dialog asks for it. */
export const resetSecondFactor = async (id: string): Promise<void> => {
  const { error, response } = await api.POST('/users/{id}/mfa/reset', { params: { path: { id } } });
  if (error !== undefined || !response.ok) await answer(Promise.resolve({ error, response }));
};

export const organisations = (): Promise<Organisation[]> => answer(api.GET('/organisations')).then((p) => p.items);

// Audit (src/audit/)

/** `from` and `to` are Danish local times (`2026-12-07T00:00`); `to` is exclusive. */
export interface AuditFilters {
  actorId?: string;
  kind?: AuditKind;
  action?: string;
  outcome?: 'succeeded' | 'failed' | 'refused' | 'locked' | 'ended' | 'changed';
  from?: string;
  to?: string;
}

export const auditEvents = (filters: AuditFilters, cursor?: string): Promise<AuditPage> =>
  answer(api.GET('/audit-events', { params: { query: { ...filters, ...page(cursor) } } }));

// Activities (src/activities/)

export const activities = (cursor?: string): Promise<ActivityPage> => answer(api.GET('/activities', { params: { query: page(cursor) } }));

export const activity = (id: string): Promise<Activity> => answer(api.GET('/activities/{id}', { params: { path: { id } } }));

export const createActivity = (body: CreateActivity): Promise<Activity> => answer(api.POST('/activities', { body }));

export const updateActivity = (id: string, body: UpdateActivity): Promise<Activity> => answer(api.PATCH('/activities/{id}', { params: { path: { id } }, body }));

export const activityKinds = (): Promise<ActivityKind[]> => answer(api.GET('/activity-kinds')).then((p) => p.items);

export const addActivityKind = (body: { key: string; label: string }): Promise<ActivityKind> => answer(api.POST('/activity-kinds', { body }));

export const housingAreas = (): Promise<HousingArea[]> => answer(api.GET('/housing-areas')).then((p) => p.items);

/** The activity's latest sessions (up to `max`), for head counts by month. */
export async function sessionsOf(id: string, max = 1000): Promise<{ items: Session[]; truncated: boolean }> {
  const items: Session[] = [];
  let cursor: string | undefined;
  while (items.length < max) {
    const next = await answer(api.GET('/activities/{id}/sessions', { params: { path: { id }, query: { limit: 200, ...(cursor ? { cursor } : {}) } } }));
    items.push(...next.items);
    if (!next.nextCursor) return { items, truncated: false };
    cursor = next.nextCursor;
  }
  return { items, truncated: true };
}

/** A failed call as the screens say it: the Danish sentence of the refusal's code, never the API's English. */
export function failureText(error: unknown): string {
  if (error instanceof ApiProblem) return problemText(error.code);
  if (error instanceof NetworkProblem) return networkProblem;
  return problemText(undefined);
}
