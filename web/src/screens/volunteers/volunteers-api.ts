import type { components } from '../../../generated/api';
import { answer, api, idempotent } from '../../api/client';
import { ApiProblem, NetworkProblem } from '../../api/problem';
import { networkProblem, problemText } from '../../text/problems';

export type HelpEntry = components['schemas']['VolunteerHelpResponse'];
export type HelpPage = components['schemas']['VolunteerHelpPage'];
export type Summary = components['schemas']['VolunteerHelpSummary'];
export type Topic = components['schemas']['VolunteerTopicResponse'];
export type Group = components['schemas']['VolunteerGroupResponse'];
export type Coordinator = components['schemas']['CoordinatorResponse'];
export type StaffMember = components['schemas']['UserResponse'];

export const topics = (): Promise<Topic[]> => answer(api.GET('/volunteer-help-topics')).then((p) => p.items);
export const addTopic = (body: { key: string; label: string }): Promise<Topic> => answer(api.POST('/volunteer-help-topics', { body }));
export const groups = (): Promise<Group[]> => answer(api.GET('/volunteer-help/groups')).then((p) => p.items);
export const coordinator = (): Promise<Coordinator> => answer(api.GET('/volunteer-help/coordinator'));
export const nameCoordinator = (userId: string | null): Promise<Coordinator> => answer(api.PUT('/volunteer-help/coordinator', { body: { userId } }));

/** The volunteer's latest entries: a day's help fits one page. */
export const myHelp = (): Promise<HelpEntry[]> => answer(api.GET('/volunteer-help', { params: { query: { limit: 50 } } })).then((p) => p.items);

/** One key per filled-in form, so a retried "Gem" on a shaky phone connection records the help once. */
export const recordHelp = (body: components['schemas']['RecordHelpDto'], key: string): Promise<HelpEntry> =>
  answer(api.POST('/volunteer-help', { body, headers: idempotent(key) }));

export async function removeHelp(id: string): Promise<void> {
  await answer(api.DELETE('/volunteer-help/{id}', { params: { path: { id } } }));
}

export const summary = (from: string, to: string): Promise<Summary> => answer(api.GET('/volunteer-help/summary', { params: { query: { from, to } } }));

/** The plan's counsellors and social workers, the people a coordinator can be (a plan has tens of staff). */
export const coordinatorCandidates = (): Promise<StaffMember[]> =>
  answer(api.GET('/users', { params: { query: { limit: 200 } } })).then((p) => p.items.filter((u) => (u.role === 'counsellor' || u.role === 'social_worker') && u.active));

export function failureText(error: unknown): string {
  if (error instanceof ApiProblem) return problemText(error.code);
  if (error instanceof NetworkProblem) return networkProblem;
  return problemText(undefined);
}

export const isProblem = (error: unknown, code: string): boolean => error instanceof ApiProblem && error.code === code;
