import type { INestApplicationContext } from '@nestjs/common';
import type { PlanActor } from '../access/actor';
import type { UncheckedCaller } from '../access/session-checked-write';
import type { BuiltInTopic, ContactChannel, CounsellingForm } from '../counselling/topics';
import { ConsentsService } from '../consents/consents.service';
import { CaseActivityService } from '../counselling/case-activity.service';
import { ReferralFollowUpService } from '../counselling/referrals/referral-follow-up.service';
import { planDateOf } from '../common/time';
import { EmployersService } from '../employers/employers.service';
import { InternshipsService } from '../internships/internships.service';
import { CounsellingCasesService } from '../counselling/counselling-cases.service';
import type { Gender } from '../residents/resident.entity';
import { ResidentsService } from '../residents/residents.service';
import { localMidnightIso } from '../common/time';
import { periodDates, previousHalfYear, type HalfYear } from '../statistics/report-period';

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** The last completed half-year, and a moment in it: `day` days after its first midnight, at `hour` o'clock (roughly, Danish time). */
export function lastCompletedHalfYear(now = new Date()): { period: HalfYear; at: (day: number, hour?: number) => Date } {
  const period = previousHalfYear(now);
  const start = new Date(localMidnightIso(periodDates(period).fromDate)).getTime();
  return { period, at: (day, hour = 10) => new Date(start + day * DAY + hour * HOUR) };
}

interface Matter {
  topic: BuiltInTopic;
  subject: string;
  form: CounsellingForm;
  day: number;
  contacts: ContactChannel[];
  closedAfterDays?: number;
  outcome?: string;
}

interface DemoResident {
  firstName: string;
  lastName: string;
  birthYear: number;
  gender: Gender;
  area: string;
  matters: Matter[];
}

// Counselling in the last completed half-year (001_*: open drop-in, debt, rent arrears, digital
// self-service, employment), enough that a new user's first report shows numbers above the
// suppression threshold rather than zeros and "<5".
const RESIDENTS: DemoResident[] = [
  { firstName: 'Fatima', lastName: 'Hassan', birthYear: 1988, gender: 'female', area: 'Vejleåparken', matters: [
    { topic: 'rent_arrears', subject: 'Restance to måneder', form: 'open_drop_in', day: 8, contacts: ['in_person', 'phone'], closedAfterDays: 30, outcome: 'Afdragsordning med boligforeningen' },
    { topic: 'benefits', subject: 'Boligstøtte', form: 'open_drop_in', day: 40, contacts: ['in_person'], closedAfterDays: 5, outcome: 'Ansøgning sendt' },
  ] },
  { firstName: 'Jens', lastName: 'Nielsen', birthYear: 1961, gender: 'male', area: 'Vejleåparken', matters: [
    { topic: 'digital_self_service', subject: 'MitID og e-Boks', form: 'open_drop_in', day: 15, contacts: ['in_person'], closedAfterDays: 1, outcome: 'MitID oprettet' },
  ] },
  { firstName: 'Aisha', lastName: 'Omar', birthYear: 1995, gender: 'female', area: 'Vildtbanegård I', matters: [
    { topic: 'employment', subject: 'Jobsøgning', form: 'appointment', day: 22, contacts: ['in_person', 'email', 'in_person'] },
    { topic: 'education', subject: 'Optagelse på HF', form: 'appointment', day: 60, contacts: ['in_person'], closedAfterDays: 20, outcome: 'Optaget' },
  ] },
  { firstName: 'Kasper', lastName: 'Larsen', birthYear: 1999, gender: 'male', area: 'Vildtbanegård I', matters: [
    { topic: 'debt', subject: 'Gæld til SKAT', form: 'appointment', day: 30, contacts: ['in_person', 'phone', 'email', 'in_person'] },
  ] },
  { firstName: 'Mariam', lastName: 'Yusuf', birthYear: 1972, gender: 'female', area: 'Vildtbanegård II', matters: [
    { topic: 'family', subject: 'Samvær', form: 'appointment', day: 45, contacts: ['in_person', 'phone'], closedAfterDays: 40, outcome: 'Henvist til familierådgivning' },
  ] },
  { firstName: 'Peter', lastName: 'Hansen', birthYear: 1955, gender: 'male', area: 'Vildtbanegård II', matters: [
    { topic: 'health', subject: 'Hjemmehjælp', form: 'outreach', day: 70, contacts: ['home_visit', 'phone'], closedAfterDays: 14, outcome: 'Visitation bestilt' },
  ] },
  { firstName: 'Leyla', lastName: 'Demir', birthYear: 2002, gender: 'female', area: 'Vejleåparken', matters: [
    { topic: 'employment', subject: 'CV og ansøgning', form: 'job_cafe', day: 90, contacts: ['in_person'], closedAfterDays: 7, outcome: 'Ansøgninger sendt' },
    { topic: 'digital_self_service', subject: 'borger.dk', form: 'open_drop_in', day: 120, contacts: ['in_person'], closedAfterDays: 0, outcome: 'Klaret ved fremmøde' },
  ] },
  { firstName: 'Ole', lastName: 'Christensen', birthYear: 1968, gender: 'male', area: 'Vildtbanegård I', matters: [
    { topic: 'rent_arrears', subject: 'Udsættelsestruet', form: 'outreach', day: 100, contacts: ['home_visit', 'in_person', 'phone'], closedAfterDays: 35, outcome: 'Restance betalt via kommunen' },
  ] },
  { firstName: 'Nadia', lastName: 'Ahmadi', birthYear: 1983, gender: 'female', area: 'Vildtbanegård II', matters: [
    { topic: 'residence_permit', subject: 'Forlængelse', form: 'appointment', day: 130, contacts: ['in_person', 'email'] },
  ] },
  { firstName: 'Mikkel', lastName: 'Pedersen', birthYear: 1990, gender: 'male', area: 'Vejleåparken', matters: [
    { topic: 'debt', subject: 'Kviklån', form: 'open_drop_in', day: 150, contacts: ['in_person', 'phone'] },
  ] },
];

/** Who the last half-year's residents are: first name → resident and their cases by topic. */
export type LastHalfYearResidents = Record<string, { residentId: string; cases: Partial<Record<BuiltInTopic, string>> }>;

/** Counselling cases, contacts and closings dated in the last completed half-year, through the same services as the API. */
export async function seedLastHalfYear(app: INestApplicationContext, counsellor: PlanActor, caller: UncheckedCaller, areas: Record<string, string>): Promise<LastHalfYearResidents> {
  const residents = app.get(ResidentsService, { strict: false });
  const cases = app.get(CounsellingCasesService, { strict: false });
  const activity = app.get(CaseActivityService, { strict: false });
  const { at } = lastCompletedHalfYear();
  const seeded: LastHalfYearResidents = {};

  for (const person of RESIDENTS) {
    const resident = await residents.register(counsellor, { housingAreaId: areas[person.area], firstName: person.firstName, lastName: person.lastName, birthYear: person.birthYear, gender: person.gender });
    seeded[person.firstName] = { residentId: resident.id, cases: {} };
    for (const matter of person.matters) {
      const opened = await cases.openCase(counsellor, { residentId: resident.id, topic: matter.topic, subject: matter.subject, form: matter.form, openedAt: at(matter.day) });
      seeded[person.firstName].cases[matter.topic] = opened.id;
      let last = at(matter.day);
      for (const [index, channel] of matter.contacts.entries()) {
        last = at(matter.day + index * 7, 11);
        await activity.recordContact(caller, opened.id, { occurredAt: last, channel, durationMinutes: channel === 'email' ? 10 : 30, withAppointment: matter.form === 'appointment' });
      }
      if (matter.closedAfterDays !== undefined) {
        const closedAt = new Date(Math.max(at(matter.day + matter.closedAfterDays, 15).getTime(), last.getTime() + HOUR));
        await cases.close(counsellor, opened.id, { closedAt, outcome: matter.outcome });
      }
    }
  }
  return seeded;
}

/**
 * Follow-up in the last completed half-year: Aisha, looking for work, agrees to share her
 * counselling with the job centre, is referred there (its caseworker accepts) and gets an
 * internship (praktikplads) that ends in a job, so the first report's internship and referral
 * rows are not empty either.
 */
export async function seedLastHalfYearFollowUp(
  app: INestApplicationContext,
  staff: { counsellor: PlanActor; socialWorker: PlanActor; caseworker: PlanActor },
  jobCentreId: string,
  seeded: LastHalfYearResidents,
): Promise<void> {
  const get = <T>(type: new (...args: never[]) => T) => app.get(type, { strict: false });
  const { at } = lastCompletedHalfYear();
  const day = (d: number) => planDateOf(at(d));
  const aisha = seeded['Aisha'];
  const employmentCase = aisha.cases.employment;
  if (!employmentCase) throw new Error("the demo's Aisha has no employment case");

  await get(ConsentsService).give(staff.counsellor, {
    residentId: aisha.residentId, scope: 'share_counselling', recipientOrganisationIds: [jobCentreId], givenBy: 'resident', form: 'written', givenAt: at(22, 11),
  });
  const referral = await get(CaseActivityService).recordReferral(staff.counsellor, employmentCase, { organisationId: jobCentreId, reason: 'Afklaring til praktik', referredAt: at(25, 14) });
  await get(ReferralFollowUpService).changeStatus(staff.caseworker, referral.id, { status: 'accepted', note: 'Samtale aftalt i jobcentret' });

  const employer = await get(EmployersService).create(staff.socialWorker, { name: 'Ishøj Bycenter', sector: 'private', contactName: 'Centerchef Birgit' });
  const internships = get(InternshipsService);
  const internship = await internships.create(staff.counsellor, { residentId: aisha.residentId, employerId: employer.id, startsOn: day(40), endsOn: day(130), hoursPerWeek: 15, referredFrom: 'partner' });
  await internships.end(staff.counsellor, internship.id, { endedOn: day(120), outcome: 'job' });
}
