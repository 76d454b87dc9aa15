import type { components } from '../../../generated/api';
import { answer, api, idempotent } from '../../api/client';

type S = components['schemas'];
export type OutreachList = S['OutreachListSummary'];
export type OutreachListPage = S['OutreachListPage'];
export type OutreachListDetails = S['OutreachListDetails'];
export type Person = S['OutreachPersonResponse'];
export type Topic = S['TopicResponse'];
export type HousingArea = S['HousingAreaResponse'];

export const lists = (cursor?: string): Promise<OutreachListPage> => answer(api.GET('/outreach-lists', { params: { query: { limit: 50, ...(cursor ? { cursor } : {}) } } }));

export const list = (id: string): Promise<OutreachListDetails> => answer(api.GET('/outreach-lists/{id}', { params: { path: { id } } }));

export const createList = (body: S['CreateOutreachListDto'], key: string): Promise<OutreachList> => answer(api.POST('/outreach-lists', { body, headers: idempotent(key) }));

export const addPerson = (id: string, body: S['AddOutreachPersonDto'], key: string): Promise<Person> =>
  answer(api.POST('/outreach-lists/{id}/people', { params: { path: { id } }, body, headers: idempotent(key) }));

/** One visit is one key: a retry after a lost answer never registers the young person or opens the case twice. */
export const recordAttempt = (id: string, personId: string, body: S['RecordAttemptDto'], key: string) =>
  answer(api.POST('/outreach-lists/{id}/people/{personId}/attempts', { params: { path: { id, personId } }, body, headers: idempotent(key) }));

export const topics = (): Promise<Topic[]> => answer(api.GET('/counselling-topics')).then((page) => page.items);

export const housingAreas = (): Promise<HousingArea[]> => answer(api.GET('/housing-areas')).then((page) => page.items);
