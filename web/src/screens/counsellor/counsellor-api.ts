/**
 * The counsellor's calls to the API, in one place: the screens speak in the domain's words
 * ("record a visit", "open a case") and this file speaks HTTP through the app's client.
 */
import type { components } from '../../../generated/api';
import { answer, api, idempotent, type ApiPaths } from '../../api/client';
import { ApiProblem } from '../../api/problem';
import type { ContactBody, QueuedItem, SendResult, VisitBody } from '../../outbox/outbox';

type Schemas = components['schemas'];
export type Headcount = Schemas['HeadcountResponse'];
export type TodaySlot = Schemas['TodaySlotResponse'];
export type HousingArea = Schemas['HousingAreaResponse'];
export type Resident = Schemas['ResidentResponse'];
export type CaseListItem = Schemas['CaseListItem'];
export type CaseDetail = Schemas['CaseDetailResponse'];
export type ConsentSummary = Schemas['ConsentSummary'];
export type ReferralRecipient = Schemas['ReferralRecipientResponse'];
export type Consent = Schemas['ConsentListItem'];
export type Organisation = Schemas['OrganisationResponse'];
export type Topic = Schemas['TopicResponse'];
export type RegisterBody = Schemas['RegisterResidentDto'];
export type CaseForm = Schemas['OpenCaseDto']['form'];
export type ContactChannel = Schemas['RecordContactDto']['channel'];

type Query<P extends keyof ApiPaths, M extends 'get'> = ApiPaths[P][M] extends { parameters: { query?: infer Q } } ? Q : never;

/** Leaves out empty filters: the API refuses an empty string where it wants an id. */
function defined<T extends object>(params: T): T {
  return Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined && v !== '')) as T;
}

export const newKey = (): string => crypto.randomUUID();
const once = idempotent;

export const counsellorApi = {
  today: (housingAreaId?: string) => answer(api.GET('/activities/today', { params: { query: defined({ housingAreaId }) } })),
  housingAreas: () => answer(api.GET('/housing-areas')),
  organisations: () => answer(api.GET('/organisations')),
  topics: () => answer(api.GET('/counselling-topics')),
  searchResidents: (q: string) => answer(api.GET('/residents', { params: { query: { q, limit: 50 } } })),
  resident: (id: string) => answer(api.GET('/residents/{id}', { params: { path: { id } } })),
  registerResident: (body: Schemas['RegisterResidentDto'], key: string) => answer(api.POST('/residents', { body, headers: once(key) })),
  cases: (filters: Query<'/counselling-cases', 'get'>) => answer(api.GET('/counselling-cases', { params: { query: defined(filters ?? {}) } })),
  caseDetail: (id: string) => answer(api.GET('/counselling-cases/{id}', { params: { path: { id } } })),
  openCase: (body: Schemas['OpenCaseDto'], key: string) => answer(api.POST('/counselling-cases', { body, headers: once(key) })),
  consents: (residentId: string) => answer(api.GET('/consents', { params: { query: { residentId, limit: 200 } } })),
  giveConsent: (body: Schemas['GiveConsentDto'], key: string) => answer(api.POST('/consents', { body, headers: once(key) })),
  referralRecipients: (id: string) => answer(api.GET('/counselling-cases/{id}/referral-recipients', { params: { path: { id } } })),
  refer: (id: string, body: Schemas['RecordReferralDto'], key: string) => answer(api.POST('/counselling-cases/{id}/referrals', { params: { path: { id } }, body, headers: once(key) })),
  close: (id: string, body: Schemas['CloseCaseDto'], key: string) => answer(api.POST('/counselling-cases/{id}/close', { params: { path: { id } }, body, headers: once(key) })),
  reopen: (id: string, body: Schemas['CaseVersionDto'], key: string) => answer(api.POST('/counselling-cases/{id}/reopen', { params: { path: { id } }, body, headers: once(key) })),
  visit: (id: string, body: VisitBody, key: string) => answer(api.POST('/activities/{id}/visits', { params: { path: { id } }, body, headers: once(key) })),
  contact: (id: string, body: ContactBody, key: string) => answer(api.POST('/counselling-cases/{id}/contacts', { params: { path: { id } }, body: body as Schemas['RecordContactDto'], headers: once(key) })),
};

/** Head counts as the API last answered a visit: the "I dag" screen shows them at once. */
const visitAnswers = new Map<string, Headcount>();
const answerListeners = new Set<() => void>();
export const lastVisitAnswer = (activityId: string) => visitAnswers.get(activityId);
export function onVisitAnswered(listener: () => void): () => void {
  answerListeners.add(listener);
  return () => answerListeners.delete(listener);
}

/**
 * How the outbox sends: each item with the key it was given when entered. No answer at all (the
 * network) or a server that cannot answer now (5xx, 429, or 409 while the first attempt with the key
 * runs) is tried again; any other refusal is final and shown.
 */
export async function sendQueued(item: QueuedItem): Promise<SendResult> {
  try {
    if (item.kind === 'visit') {
      const answer = await counsellorApi.visit(item.activityId, item.body, item.key);
      visitAnswers.set(item.activityId, answer.headcount);
      for (const listener of answerListeners) listener();
    } else {
      await counsellorApi.contact(item.caseId, item.body, item.key);
    }
    return { outcome: 'sent' };
  } catch (error) {
    if (error instanceof ApiProblem) {
      if (error.status >= 500 || error.status === 429 || error.status === 401 || (error.status === 409 && error.code === 'idempotency_key_in_progress')) return { outcome: 'retry' };
      return { outcome: 'refused', code: error.code ?? null };
    }
    return { outcome: 'retry' };
  }
}
