import type { components } from '../../../generated/api';
import { answer, api } from '../../api/client';

type S = components['schemas'];
export type EmployerListItem = S['EmployerListItem'];
export type EmployerDetails = S['EmployerDetailsResponse'];
export type EmployerContact = S['EmployerContactResponse'];
export type ContactPage = S['EmployerContactPage'];
export type EmployerPage = S['EmployerPage'];
export type CsrAward = S['CsrAwardResponse'];
export type EmployerStatus = EmployerListItem['status'];

export interface EmployerFilter {
  status?: EmployerStatus;
  networkOnly?: boolean;
}

export const employerPage = (filter: EmployerFilter, cursor?: string): Promise<EmployerPage> =>
  answer(api.GET('/employers', { params: { query: { limit: 50, ...(filter.status ? { status: filter.status } : {}), ...(filter.networkOnly ? { network: 'member' as const } : {}), ...(cursor ? { cursor } : {}) } } }));

/** Every employer of the plan for a choice (a prize's winner and nominees): a plan has tens, not thousands. */
export const allEmployers = (): Promise<EmployerListItem[]> => answer(api.GET('/employers', { params: { query: { limit: 200 } } })).then((page) => page.items);

export const employer = (id: string): Promise<EmployerDetails> => answer(api.GET('/employers/{id}', { params: { path: { id } } }));

export const createEmployer = (body: S['CreateEmployerDto']) => answer(api.POST('/employers', { body }));

export const setStatus = (id: string, status: EmployerStatus, version: number) => answer(api.PATCH('/employers/{id}', { params: { path: { id } }, body: { status, version } }));

export const addAgreement = (id: string, body: S['CreateAgreementDto']) => answer(api.POST('/employers/{id}/agreements', { params: { path: { id } }, body }));

export const contacts = (id: string, cursor?: string): Promise<ContactPage> =>
  answer(api.GET('/employers/{id}/contacts', { params: { path: { id }, query: { limit: 20, ...(cursor ? { cursor } : {}) } } }));

export const recordContact = (id: string, body: S['EmployerContactDto']) => answer(api.POST('/employers/{id}/contacts', { params: { path: { id } }, body }));

export const joinNetwork = (id: string, body: S['JoinNetworkDto']) => answer(api.POST('/employers/{id}/network', { params: { path: { id } }, body }));

export const endMembership = (id: string, membershipId: string, to: string) =>
  answer(api.POST('/employers/{id}/network/{membershipId}/end', { params: { path: { id, membershipId } }, body: { to } }));

export const csrAwards = (): Promise<CsrAward[]> => answer(api.GET('/csr-awards')).then((page) => page.items);

export const awardCsrPrize = (body: S['AwardCsrPrizeDto']) => answer(api.POST('/csr-awards', { body }));

export type MeetingActivity = S['ActivityResponse'];
export type MeetingSession = S['SessionListItem'];

/** The plan's network meetings (activities of kind network_meeting): a plan holds a handful. */
export const networkMeetingActivities = (): Promise<MeetingActivity[]> =>
  answer(api.GET('/activities', { params: { query: { kind: 'network_meeting', limit: 200 } } })).then((page) => page.items);

/** A network meeting's latest sessions, with the employers who came. */
export const meetingSessions = (id: string): Promise<MeetingSession[]> =>
  answer(api.GET('/activities/{id}/sessions', { params: { path: { id }, query: { limit: 50 } } })).then((page) => page.items);

export const recordMeeting = (id: string, body: S['RecordSessionDto']) => answer(api.POST('/activities/{id}/sessions', { params: { path: { id } }, body }));
