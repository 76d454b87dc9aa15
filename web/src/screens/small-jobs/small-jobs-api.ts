import type { components } from '../../../generated/api';
import { answer, api, idempotent } from '../../api/client';

type S = components['schemas'];
export type SmallJob = S['SmallJobDetails'];
export type SmallJobPage = S['SmallJobPage'];
export type Resident = S['ResidentResponse'];
export type Employer = S['EmployerResponse'];

export const smallJobsPage = (cursor?: string): Promise<SmallJobPage> => answer(api.GET('/small-jobs', { params: { query: { limit: 50, ...(cursor ? { cursor } : {}) } } }));

export const employers = (): Promise<Employer[]> => answer(api.GET('/employers', { params: { query: { limit: 200 } } })).then((page) => page.items);

/** The counsellor's own residents: the API searches only the caller's compartment. */
export const searchResidents = (q: string): Promise<Resident[]> => answer(api.GET('/residents', { params: { query: { q, limit: 50 } } })).then((page) => page.items);

/** One start is one key: a retry after a lost answer never starts the småjob twice. */
export const startSmallJob = (body: S['CreateSmallJobDto'], key: string): Promise<SmallJob> => answer(api.POST('/small-jobs', { body, headers: idempotent(key) }));

export const endSmallJob = (id: string, body: S['EndSmallJobDto'], key: string): Promise<SmallJob> =>
  answer(api.POST('/small-jobs/{id}/end', { params: { path: { id } }, body, headers: idempotent(key) }));
