import type { components } from '../../../generated/api';
import { answer, api } from '../../api/client';
import { ApiProblem, NetworkProblem } from '../../api/problem';
import type { ReferralStatus } from '../../text/caseworker';
import { networkProblem, problemText } from '../../text/problems';

export type Referral = components['schemas']['ReferralFollowUpResponse'];
export type ReferralPage = components['schemas']['ReferralFollowUpPage'];
export type SharedResident = components['schemas']['SharedResidentResponse'];
export type SharedResidentPage = components['schemas']['SharedResidentPage'];
export type CaseListItem = components['schemas']['CaseListItem'];

/** The inbox's statuses, in the order of its tabs; revoked referrals are the counsellor's doing and come last. */
export const INBOX_STATUSES: readonly ReferralStatus[] = ['sent', 'accepted', 'completed', 'rejected', 'revoked'];

export const isInboxStatus = (value: string | null): value is ReferralStatus => value !== null && (INBOX_STATUSES as readonly string[]).includes(value);

const PAGE = 25;

export const referrals = (status: ReferralStatus, cursor?: string): Promise<ReferralPage> =>
  answer(api.GET('/referrals', { params: { query: { status, limit: PAGE, ...(cursor ? { cursor } : {}) } } }));

export const referral = (id: string): Promise<Referral> => answer(api.GET('/referrals/{id}', { params: { path: { id } } }));

/** Accept, reject or complete; `version` as read, so a change by someone else in between is refused (stale_version), not overwritten. */
export const answerReferral = (id: string, body: { status: 'accepted' | 'rejected' | 'completed'; note?: string; version: number }): Promise<Referral> =>
  answer(api.POST('/referrals/{id}/status', { params: { path: { id } }, body }));

export const sharedResidents = (q: string, cursor?: string): Promise<SharedResidentPage> =>
  answer(api.GET('/shared-residents', { params: { query: { limit: PAGE, ...(q ? { q } : {}), ...(cursor ? { cursor } : {}) } } }));

export const sharedResident = (id: string): Promise<SharedResident> => answer(api.GET('/shared-residents/{id}', { params: { path: { id } } }));

export const casesOf = (residentId: string): Promise<CaseListItem[]> =>
  answer(api.GET('/counselling-cases', { params: { query: { residentId, limit: 200 } } })).then((page) => page.items);

/** A failed call as the screens say it: the Danish sentence of the refusal's code, never the API's English. */
export function failureText(error: unknown): string {
  if (error instanceof ApiProblem) return problemText(error.code);
  if (error instanceof NetworkProblem) return networkProblem;
  return problemText(undefined);
}
