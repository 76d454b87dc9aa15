import type { components } from '../../../generated/api';
import { answer, api, idempotent } from '../../api/client';
import { ApiProblem, NetworkProblem } from '../../api/problem';
import { networkProblem, problemText } from '../../text/problems';

export type Plan = components['schemas']['PlanResponse'];
export type SetupStatus = components['schemas']['PlanSetupStatusResponse'];
export type Settings = components['schemas']['PlanSettingsResponse'];
export type SettingsBody = components['schemas']['PlanSettingsDto'];
export type HousingArea = components['schemas']['HousingAreaResponse'];
export type Organisation = components['schemas']['OrganisationResponse'];
export type PlanUser = components['schemas']['UserResponse'];
export type OrganisationKind = Organisation['kind'];
export type Invitation = components['schemas']['InvitationResponse'];

export const ORGANISATION_KINDS: readonly OrganisationKind[] = ['municipal', 'housing_association', 'school', 'employer', 'other'];

const plan = (planId: string) => ({ params: { path: { planId } } });

export const setupStatus = (planId: string): Promise<SetupStatus> => answer(api.GET('/plans/{planId}/setup-status', plan(planId)));

export const settings = (planId: string): Promise<Settings> => answer(api.GET('/plans/{planId}/settings', plan(planId)));

export const saveSettings = (planId: string, body: SettingsBody): Promise<Settings> => answer(api.PUT('/plans/{planId}/settings', { ...plan(planId), body }));

/** The leader reads their own plan's lists; the admin any plan's, by its id. */
export const housingAreas = (planId: string, asAdmin: boolean): Promise<HousingArea[]> =>
  (asAdmin ? answer(api.GET('/plans/{planId}/housing-areas', plan(planId))) : answer(api.GET('/housing-areas'))).then((page) => page.items);

export const organisations = (planId: string, asAdmin: boolean): Promise<Organisation[]> =>
  (asAdmin ? answer(api.GET('/plans/{planId}/organisations', plan(planId))) : answer(api.GET('/organisations'))).then((page) => page.items);

/** `version` as read: someone else's change in between is refused (stale_version), not overwritten. */
export const updateHousingArea = (planId: string, id: string, body: { name: string; jobProgrammeEligible: boolean; version: number }): Promise<HousingArea> =>
  answer(api.PATCH('/plans/{planId}/housing-areas/{id}', { params: { path: { planId, id } }, body }));

export const updateOrganisation = (planId: string, id: string, body: { name: string; kind: OrganisationKind; version: number }): Promise<Organisation> =>
  answer(api.PATCH('/plans/{planId}/organisations/{id}', { params: { path: { planId, id } }, body }));

export const plans = (): Promise<Plan[]> => answer(api.GET('/plans')).then((page) => page.items);

export const onePlan = (planId: string): Promise<Plan> => setupStatus(planId).then((status) => status.plan);

export const createPlan = (body: { name: string; municipality: string; validFrom: string; validTo: string }, key: string): Promise<Plan> =>
  answer(api.POST('/plans', { body, headers: idempotent(key) }));

export const addHousingArea = (planId: string, body: { name: string; jobProgrammeEligible: boolean }, key: string): Promise<HousingArea> =>
  answer(api.POST('/plans/{planId}/housing-areas', { ...plan(planId), body, headers: idempotent(key) }));

export const addOrganisation = (planId: string, body: { name: string; kind: OrganisationKind }, key: string): Promise<Organisation> =>
  answer(api.POST('/plans/{planId}/organisations', { ...plan(planId), body, headers: idempotent(key) }));

export const planUsers = (planId: string): Promise<PlanUser[]> => answer(api.GET('/plans/{planId}/users', plan(planId))).then((page) => page.items);

export const inviteLeader = (planId: string, body: { name: string; email: string }, key: string) =>
  answer(api.POST('/plans/{planId}/users', { ...plan(planId), body: { ...body, role: 'leader' }, headers: idempotent(key) }));

const invitationsOf = (planId: string, status: 'pending' | 'expired'): Promise<Invitation[]> =>
  answer(api.GET('/plans/{planId}/invitations', { params: { path: { planId }, query: { status } } })).then((page) => page.items);

/** The invitations not taken and not withdrawn: waiting, and expired ones too, since those are the ones to send again. */
export const openInvitations = (planId: string): Promise<Invitation[]> =>
  Promise.all([invitationsOf(planId, 'pending'), invitationsOf(planId, 'expired')]).then(([waiting, expired]) => [...waiting, ...expired]);



/** `version` as read: a change by someone else in between is refused (stale_version), not overwritten. */
export const updatePlan = (planId: string, body: { name: string; validFrom: string; validTo: string; version: number }): Promise<Plan> =>
  answer(api.PATCH('/plans/{planId}', { ...plan(planId), body }));

/** A failed call as the screens say it: the Danish sentence of the refusal's code, never the API's English. */
export function failureText(error: unknown): string {
  if (error instanceof ApiProblem) return problemText(error.code);
  if (error instanceof NetworkProblem) return networkProblem;
  return problemText(undefined);
}

export const isStale = (error: unknown): boolean => error instanceof ApiProblem && error.code === 'stale_version';
