import type { components } from '../../../generated/api';
import { answer, api, idempotent } from '../../api/client';
import { ApiProblem, NetworkProblem } from '../../api/problem';
import { networkProblem, problemText } from '../../text/problems';

export type Enrolment = components['schemas']['JobcentreEnrolmentResponse'];
export type EnrolmentPage = components['schemas']['JobcentreEnrolmentPage'];
export type Figures = components['schemas']['JobcentreFiguresResponse'];
export type NewEnrolment = components['schemas']['CreateJobcentreEnrolmentDto'];
export type EndReason = components['schemas']['EndJobcentreEnrolmentDto']['reason'];
type HousingArea = components['schemas']['HousingAreaResponse'];

const PAGE = 25;

export const enrolments = (cursor?: string): Promise<EnrolmentPage> =>
  answer(api.GET('/jobcentre-enrolments', { params: { query: { limit: PAGE, ...(cursor ? { cursor } : {}) } } }));

export const enrolment = (id: string): Promise<Enrolment> => answer(api.GET('/jobcentre-enrolments/{id}', { params: { path: { id } } }));

export const figures = (period: string): Promise<Figures> => answer(api.GET('/jobcentre-enrolments/figures', { params: { query: { period } } }));

export const housingAreas = (): Promise<HousingArea[]> => answer(api.GET('/housing-areas')).then((page) => page.items);

/** The person first (in the job centre's compartment), then the enrolment; each POST once however often it is sent. */
export async function registerAndEnrol(person: { firstName: string; lastName?: string; birthDate?: string; housingAreaId: string }, enrolmentBody: Omit<NewEnrolment, 'residentId'>): Promise<Enrolment> {
  const resident = await answer(api.POST('/residents', { body: { ...person, anonymous: false, gender: 'unknown', confirmNotDuplicate: true }, headers: idempotent() }));
  return answer(api.POST('/jobcentre-enrolments', { body: { ...enrolmentBody, residentId: resident.id }, headers: idempotent() }));
}

export const markQuarter = (id: string, quarter: string, active: boolean, version: number): Promise<Enrolment> =>
  answer(api.PUT('/jobcentre-enrolments/{id}/quarters/{quarter}', { params: { path: { id, quarter } }, body: { active, version } }));

export const endEnrolment = (id: string, body: { endedOn: string; reason: EndReason; version: number }): Promise<Enrolment> =>
  answer(api.POST('/jobcentre-enrolments/{id}/end', { params: { path: { id } }, body, headers: idempotent() }));

/** The quarters from the enrolment's first to its last day (or today), oldest first: the ones that can be marked. */
export function quartersOf(startedOn: string, endedOn: string | null | undefined, today: string): string[] {
  const last = endedOn ?? today;
  const quarter = (date: string) => ({ year: Number(date.slice(0, 4)), q: Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1 });
  const from = quarter(startedOn);
  const to = quarter(last);
  const out: string[] = [];
  for (let y = from.year, q = from.q; y < to.year || (y === to.year && q <= to.q); q === 4 ? ((q = 1), (y += 1)) : (q += 1)) out.push(`${y}-Q${q}`);
  return out;
}

/** The periods the figures can be asked for, newest first: this year's and last year's quarters and half-years that have begun. */
export function figurePeriods(today: string): string[] {
  const year = Number(today.slice(0, 4));
  const current = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
  const periods: string[] = [];
  for (const y of [year, year - 1]) {
    for (let q = 4; q >= 1; q -= 1) if (y < year || q <= current) periods.push(`${y}-Q${q}`);
    for (const h of [2, 1]) if (y < year || (h - 1) * 2 + 1 <= current) periods.push(`${y}-H${h}`);
  }
  return periods;
}

/** Today's calendar date in Danish time. */
export const todayInDenmark = (): string => new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Copenhagen' });

export function failureText(error: unknown): string {
  if (error instanceof ApiProblem) return problemText(error.code);
  if (error instanceof NetworkProblem) return networkProblem;
  return problemText(undefined);
}
