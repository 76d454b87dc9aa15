import { todayInPlanZone } from '../../src/common/time';
import { addDays, addMonths } from '../../src/common/calendar';
import { expectStatus, registerResident, withPlan, type Caller, type PlanFixture } from './fixtures';
import type { TestApp } from './test-app';

export const TODAY = todayInPlanZone();

export const shiftDays = addDays;

/** A birth date that makes the youth `age` today, and for the next few months. */
export const birthDateForAge = (age: number) => shiftDays(addMonths(TODAY, -12 * age), -100);
export const anHourAgo = () => new Date(Date.now() - 3600_000).toISOString();
const minDate = (a: string, b: string) => (a < b ? a : b);

export interface Programme {
  id: string;
  version: number;
  phase: string;
}

export type ProgrammeFixtures = ReturnType<typeof programmeFixtures>;

/** What a programme test file works with: its app, its plan, the plan's social worker and the arranging steps. */
export interface ProgrammeWorld {
  t: TestApp;
  plan: PlanFixture;
  sw: Caller;
  fx: () => ProgrammeFixtures;
}

/**
 * The set-up every programme test file shares: before its tests, an app on the file's own database
 * copy and a plan (housing areas, organisations, one user per role) named `planName`; the app is
 * closed after them. `receive` gets the world once it exists, e.g.
 * `withProgrammePlan('Ishøj fritidsjob', (world) => ({ t, plan, sw, fx } = world));`
 */
export function withProgrammePlan(planName: string, receive: (world: ProgrammeWorld) => void): void {
  withPlan(({ t, plan }) => receive({ t, plan, sw: plan.socialWorker, fx: () => programmeFixtures(plan) }), planName);
}

/** Small steps for arranging leisure-job programmes through the API, as a social worker would. */
export function programmeFixtures(plan: PlanFixture) {
  const sw = plan.socialWorker;

  /** A youth (14 unless told) from an eligible area whose mother has consented to the programme. */
  async function youthWithConsent(firstName = 'Amira', age = 14): Promise<{ id: string; guardianId: string; consentId: string }> {
    const youth = await registerResident(sw, { housingAreaId: plan.areas.eligible, firstName, lastName: 'Hassan', birthDate: birthDateForAge(age), gender: 'female' });
    const guardian = await sw.post(`/residents/${youth.id}/guardians`, { name: 'Fatima Hassan', relation: 'mother', phone: '+45 20 30 40 50' });
    expectStatus(guardian, 201, 'add guardian');
    const consent = await sw.post('/consents', {
      residentId: youth.id,
      scope: 'job_programme_participation',
      recipientOrganisationIds: [],
      givenBy: 'guardian',
      guardianId: guardian.body.id,
      form: 'written',
      givenAt: anHourAgo(),
    });
    expectStatus(consent, 201, 'record consent');
    return { id: youth.id, guardianId: guardian.body.id, consentId: consent.body.id };
  }

  async function startProgramme(residentId: string): Promise<Programme> {
    const res = await sw.post('/job-programmes', { residentId });
    expectStatus(res, 201, 'start programme');
    return res.body;
  }

  async function employer(name: string, agreement = true): Promise<string> {
    const res = await sw.post('/employers', { name, sector: 'private' });
    expectStatus(res, 201, 'register employer');
    if (agreement) {
      const signed = shiftDays(TODAY, -365);
      expectStatus(await sw.post(`/employers/${res.body.id}/agreements`, { signedAt: signed, validFrom: signed }), 201, 'sign agreement');
    }
    return res.body.id;
  }

  const move = (p: Programme, body: object) => sw.post(`/job-programmes/${p.id}/transitions`, { version: p.version, ...body });

  async function moveOk(p: Programme, body: object): Promise<Programme> {
    const res = await move(p, body);
    expectStatus(res, 200, `move to ${JSON.stringify(body)}`);
    return res.body;
  }

  async function conversation(p: Programme, kind: string, participants = ['youth', 'guardian']) {
    expectStatus(await sw.post(`/job-programmes/${p.id}/conversations`, { occurredAt: anHourAgo(), kind, participants, note: 'Forventningsafstemning' }), 201, `${kind} conversation`);
  }

  async function acceptedMatch(p: Programme, employerId: string) {
    const match = await sw.post(`/job-programmes/${p.id}/matches`, { employerId });
    expectStatus(match, 201, 'propose match');
    expectStatus(await sw.patch(`/job-programmes/${p.id}/matches/${match.body.id}`, { status: 'accepted', version: match.body.version }), 200, 'accept match');
    return match.body.id as string;
  }

  /** An employment whose contract the youth and the named guardian signed five days before it starts. */
  const signedEmployment = (employerId: string, guardianId: string, startDate = shiftDays(TODAY, -30)) => ({
    employerId,
    contractSignedByYouthAt: minDate(shiftDays(startDate, -5), TODAY),
    contractSignedByGuardianAt: minDate(shiftDays(startDate, -5), TODAY),
    contractSignedByGuardianId: guardianId,
    startDate,
    endDate: addMonths(startDate, 4),
    hoursPerWeek: 4,
  });

  /** A fresh programme moved forward to `phase` with everything its guards need. */
  async function programmeIn(
    phase: 'clarification' | 'matching' | 'employment' | 'evaluation',
    name = 'Yasmin',
    age = 14,
  ): Promise<{ p: Programme; employerId: string; youth: { id: string; guardianId: string; consentId: string } }> {
    const youth = await youthWithConsent(name, age);
    let p = await startProgramme(youth.id);
    const employerId = await employer(`Netto Ishøj ${name} ${Math.random().toString(36).slice(2, 6)}`);
    if (phase === 'clarification') return { p, employerId, youth };
    await conversation(p, 'clarification');
    p = await moveOk(p, { to: 'matching' });
    if (phase === 'matching') return { p, employerId, youth };
    await acceptedMatch(p, employerId);
    expectStatus(await sw.put(`/job-programmes/${p.id}/employment`, signedEmployment(employerId, youth.guardianId)), 200, 'record employment');
    p = await moveOk(p, { to: 'employment' });
    if (phase === 'employment') return { p, employerId, youth };
    return { p: await moveOk(p, { to: 'evaluation' }), employerId, youth };
  }

  return { youthWithConsent, startProgramme, employer, move, moveOk, conversation, acceptedMatch, signedEmployment, programmeIn };
}
