import type { components } from '../../../generated/api';
import { answer, api, idempotent } from '../../api/client';

type S = components['schemas'];
export type Programme = S['ProgrammeDetailsResponse'];
export type ProgrammeListItem = S['ProgrammeListItem'];
export type Timesheet = S['TimesheetResponse'];
export type Match = S['MatchResponse'];
export type Employer = S['EmployerResponse'];
export type EmployerDetails = S['EmployerDetailsResponse'];
export type Youth = S['ResidentDetailResponse'];
export type Consent = S['ConsentListItem'];
export type EmploymentBody = S['EmploymentDto'];
export type TransitionBody = S['TransitionDto'];
export type SchoolHoliday = S['SchoolHolidayResponse'];

const LIMIT = 200;

type PhaseName = ProgrammeListItem['phase'];

const inPhase = (phase: PhaseName, limit: number): Promise<ProgrammeListItem[]> =>
  answer(api.GET('/job-programmes', { params: { query: { phase, limit } } })).then((page) => page.items);

/**
 * The board: every running programme (a compartment has tens, not hundreds, in each phase) and the
 * most recently finished ones, which otherwise pile up over the years and would push running ones off a single page.
 */
export async function boardProgrammes(): Promise<ProgrammeListItem[]> {
  const running: PhaseName[] = ['clarification', 'matching', 'employment', 'evaluation'];
  const lists = await Promise.all([...running.map((phase) => inPhase(phase, LIMIT)), inPhase('ordinary_job', 25), inPhase('ended', 25)]);
  return lists.flat();
}

/** The programmes with a match at the employer, each with the status of its matches there. */
export const programmesAtEmployer = (employerId: string): Promise<ProgrammeListItem[]> =>
  answer(api.GET('/job-programmes', { params: { query: { limit: LIMIT, employerId } } })).then((page) => page.items);

export const programme = (id: string): Promise<Programme> => answer(api.GET('/job-programmes/{id}', { params: { path: { id } } }));

export const youth = (id: string): Promise<Youth> => answer(api.GET('/residents/{id}', { params: { path: { id } } }));

export const consentsOf = (residentId: string): Promise<Consent[]> =>
  answer(api.GET('/consents', { params: { query: { residentId, limit: LIMIT } } })).then((page) => page.items);

export const employers = (): Promise<Employer[]> => answer(api.GET('/employers', { params: { query: { limit: LIMIT } } })).then((page) => page.items);

export const employer = (id: string): Promise<EmployerDetails> => answer(api.GET('/employers/{id}', { params: { path: { id } } }));

export const createEmployer = (body: S['CreateEmployerDto']) => answer(api.POST('/employers', { body }));

export const addAgreement = (id: string, body: S['CreateAgreementDto']) => answer(api.POST('/employers/{id}/agreements', { params: { path: { id } }, body }));

export const addGuardian = (residentId: string, body: S['AddGuardianDto']) => answer(api.POST('/residents/{id}/guardians', { params: { path: { id: residentId } }, body }));

/** A guardian's consent to the youth taking part in the programme (no recipients: it shares nothing). */
export const recordParticipationConsent = (residentId: string, guardianId: string, form: 'oral' | 'written') =>
  answer(
    api.POST('/consents', {
      body: { residentId, scope: 'job_programme_participation', recipientOrganisationIds: [], givenBy: 'guardian', guardianId, form, givenAt: new Date(Date.now() - 1000).toISOString(), includesNotes: false },
    }),
  );

export const transition = (id: string, body: TransitionBody): Promise<Programme> => answer(api.POST('/job-programmes/{id}/transitions', { params: { path: { id } }, body }));

export const recordConversation = (id: string, body: S['ConversationDto']) => answer(api.POST('/job-programmes/{id}/conversations', { params: { path: { id } }, body }));

export const proposeMatch = (id: string, employerId: string) => answer(api.POST('/job-programmes/{id}/matches', { params: { path: { id } }, body: { employerId } }));

export const updateMatch = (id: string, matchId: string, body: S['UpdateMatchDto']) =>
  answer(api.PATCH('/job-programmes/{id}/matches/{matchId}', { params: { path: { id, matchId } }, body }));

export const recordEmployment = (id: string, body: EmploymentBody) => answer(api.PUT('/job-programmes/{id}/employment', { params: { path: { id } }, body }));

export const recordTimesheet = (id: string, body: S['TimesheetDto']) => answer(api.POST('/job-programmes/{id}/timesheets', { params: { path: { id } }, body }));

/** Corrects a week on the version read: a correction by someone else in between is refused (stale_version), not overwritten. */
export const correctTimesheet = (id: string, timesheetId: string, body: S['CorrectTimesheetDto']) =>
  answer(api.PUT('/job-programmes/{id}/timesheets/{timesheetId}', { params: { path: { id, timesheetId } }, body }));

/** The plan's school calendar: the young-worker limits differ in school-free weeks. */
export const schoolHolidays = (): Promise<SchoolHoliday[]> => answer(api.GET('/school-holidays', { params: { query: { limit: LIMIT } } })).then((page) => page.items);

export type Resident = S['ResidentResponse'];
export type HousingArea = S['HousingAreaResponse'];
export type RegisterBody = S['RegisterResidentDto'];
export type StartBody = S['CreateProgrammeDto'];

/** Residents of the social workers' compartment: the API searches only the caller's own records. */
export const searchYouth = (q: string): Promise<Resident[]> => answer(api.GET('/residents', { params: { query: { q, limit: 50 } } })).then((page) => page.items);

export const housingAreas = (): Promise<HousingArea[]> => answer(api.GET('/housing-areas')).then((page) => page.items);

/** One registration is one key: a retry after a lost answer never registers the youth twice. */
export const registerYouth = (body: RegisterBody, key: string): Promise<Resident> => answer(api.POST('/residents', { body, headers: idempotent(key) }));

export const startProgramme = (body: StartBody): Promise<Programme> => answer(api.POST('/job-programmes', { body }));

export const withdrawConsent = (id: string, reason: string | undefined) => answer(api.POST('/consents/{id}/withdraw', { params: { path: { id } }, body: reason ? { reason } : {} }));
