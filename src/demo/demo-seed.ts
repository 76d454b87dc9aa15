import { randomBytes } from 'node:crypto';
import { releaseSessionLock, takeSessionLock } from '../database/advisory-locks';
import type { INestApplicationContext } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { PlanActor } from '../access/actor';
import type { PlanRole } from '../access/roles';
import { uncheckedCaller, type UncheckedCaller } from '../access/session-checked-write';
import { AMR } from '../auth/authentication-methods';
import { PUBLISHED_DEMO_PASSWORD } from '../auth/password-policy';
import { hashPassword } from '../auth/passwords';
import { CaseActivityService } from '../counselling/case-activity.service';
import { CounsellingCasesService } from '../counselling/counselling-cases.service';
import { PlansService } from '../plans/plans.service';
import { SessionsRepository } from '../users/sessions.repository';
import { UsersRepository } from '../users/users.repository';
import { UsersService } from '../users/users.service';
import { ResidentsService } from '../residents/residents.service';
import { seedActivities } from './demo-activities';
import { seedIndicators } from './demo-indicators';
import { seedJobProgrammes } from './demo-job-programmes';
import { seedLastHalfYear, seedLastHalfYearFollowUp, type LastHalfYearResidents } from './demo-last-half-year';
import { seedVolunteers } from './demo-volunteers';

export const DEMO_PLAN_NAME = 'Den boligsociale helhedsplan i Ishøj';
/** Published (README): the password policy refuses it for every real account, and the seed sets it past the policy. */
export const DEMO_PASSWORD = PUBLISHED_DEMO_PASSWORD;
const DEMO_SEED_LOCK = 7413004;

/** The partner organisation whose volunteers give everyday counselling (003_*'s Dansk Flygtningehjælp). */
const VOLUNTEER_ORGANISATION = 'Frivilligcenter Ishøj';

/** Who logs in to the demo: one user per role, from the parties named in 001_* (Ishøj 2025-29). */
export const DEMO_USERS: { email: string; name: string; role: PlanRole; organisation?: string }[] = [
  { email: 'leder@ishoj.demo', name: 'Lone Leder', role: 'leader' },
  { email: 'raadgiver@ishoj.demo', name: 'Rasmus Rådgiver', role: 'counsellor' },
  { email: 'medarbejder@ishoj.demo', name: 'Maja Medarbejder', role: 'social_worker' },
  { email: 'jobcenter@ishoj.demo', name: 'Jonas Jobcenter', role: 'caseworker', organisation: 'Center for Beskæftigelse og Erhverv (Jobcenter Ishøj)' },
  { email: 'boern@ishoj.demo', name: 'Bente Børn og Forebyggelse', role: 'caseworker', organisation: 'Center for Børn og Forebyggelse' },
  { email: 'frivillig@ishoj.demo', name: 'Fatma Frivillig', role: 'volunteer', organisation: VOLUNTEER_ORGANISATION },
];

const AREAS = [
  { name: 'Vejleåparken', jobProgrammeEligible: true },
  { name: 'Vildtbanegård I', jobProgrammeEligible: true },
  { name: 'Vildtbanegård II', jobProgrammeEligible: true },
];

const ORGANISATIONS = [
  { name: 'Center for Beskæftigelse og Erhverv (Jobcenter Ishøj)', kind: 'municipal' },
  { name: 'Center for Børn og Forebyggelse', kind: 'municipal' },
  { name: 'Boligforeningen AAB', kind: 'housing_association' },
  { name: 'Ishøj Ungdomsskole', kind: 'school' },
  { name: 'Vejlebroskolen', kind: 'school' },
  { name: 'Strandgårdskolen', kind: 'school' },
  { name: 'Gildbroskolen', kind: 'school' },
  { name: VOLUNTEER_ORGANISATION, kind: 'other' },
] as const;

/**
 * Loads a demo plan a newcomer can log in to. It goes through the same services as the API,
 * so the demo obeys the counting rule and leaves audit events like real use. Idempotent.
 */
export async function seedDemoData(app: INestApplicationContext): Promise<{ created: boolean }> {
  // Processes starting together must not both load it: one waits for the other, then finds the plan.
  const lock = app.get<DataSource>(getDataSourceToken(), { strict: false }).createQueryRunner();
  await lock.connect();
  try {
    await takeSessionLock(lock.manager, DEMO_SEED_LOCK);
    return await seedOnce(app);
  } finally {
    await releaseSessionLock(lock.manager, DEMO_SEED_LOCK).catch(() => undefined);
    await lock.release();
  }
}

async function seedOnce(app: INestApplicationContext): Promise<{ created: boolean }> {
  const plans = app.get(PlansService, { strict: false });
  const people = app.get(UsersService, { strict: false });
  if (await plans.findPlanByName(DEMO_PLAN_NAME)) return { created: false };

  const platform = { userId: '00000000-0000-0000-0000-000000000000', role: 'admin' as const, planId: null, organisationId: null, requestId: 'demo-seed' };
  const plan = await plans.createPlan(platform, { name: DEMO_PLAN_NAME, municipality: 'Ishøj', validFrom: '2025-11-01', validTo: '2029-10-31' });
  const areas: Record<string, string> = {};
  for (const area of AREAS) areas[area.name] = (await plans.addHousingArea(platform, plan.id, area)).id;
  const organisations: Record<string, string> = {};
  for (const org of ORGANISATIONS) organisations[org.name] = (await plans.addOrganisation(platform, plan.id, { ...org })).id;
  const users: Record<string, PlanActor> = {};
  const accounts = app.get(UsersRepository, { strict: false });
  const demoPasswordHash = await hashPassword(DEMO_PASSWORD);
  for (const u of DEMO_USERS) {
    // As already approved: the demo has one user per role that works at once (the API invites everyone instead).
    const created = await people.createSeededUser(platform, plan.id, {
      email: u.email,
      name: u.name,
      // A throwaway password the policy accepts, replaced at once by the demo's published one, which it refuses.
      password: randomBytes(24).toString('hex'),
      role: u.role,
      organisationId: u.organisation ? organisations[u.organisation] : undefined,
    });
    await accounts.update(app.get<DataSource>(getDataSourceToken(), { strict: false }).manager, created.id, { passwordHash: demoPasswordHash });
    users[u.role] ??= { userId: created.id, role: u.role, planId: plan.id, organisationId: created.organisationId, requestId: 'demo-seed' };
  }

  const lastHalfYear = await seedCounselling(app, users.counsellor, areas);
  await seedJobProgrammes(app, users.social_worker, areas['Vejleåparken']);
  await seedLastHalfYearFollowUp(
    app,
    { counsellor: users.counsellor, socialWorker: users.social_worker, caseworker: users.caseworker },
    organisations['Center for Beskæftigelse og Erhverv (Jobcenter Ishøj)'],
    lastHalfYear,
  );
  await seedIndicators(app, plan.id);
  await seedActivities(app, { leader: users.leader, counsellor: users.counsellor, socialWorker: users.social_worker }, areas, organisations);
  await seedVolunteers(app, { leader: users.leader, counsellor: users.counsellor, volunteer: users.volunteer }, organisations[VOLUNTEER_ORGANISATION]);
  return { created: true };
}

/** Helle's three matters and Mohammed's one long debt case (001_* footnote 7), plus an anonymous drop-in visitor. */
async function seedCounselling(app: INestApplicationContext, counsellor: PlanActor, areas: Record<string, string>): Promise<LastHalfYearResidents> {
  const residents = app.get(ResidentsService, { strict: false });
  const cases = app.get(CounsellingCasesService, { strict: false });
  const activity = app.get(CaseActivityService, { strict: false });
  // Contacts are logged by a signed-in counsellor, in a statement that checks the session
  // (src/access/session-checked-write.ts): the seed signs the demo counsellor in for it.
  const sessions = app.get(SessionsRepository, { strict: false });
  const manager = app.get<DataSource>(getDataSourceToken(), { strict: false }).manager;
  const session = await sessions.open(manager, counsellor.userId, { amr: [AMR.password], authenticatedAt: new Date(), expiresAt: new Date(Date.now() + 3600_000) });
  const caller: UncheckedCaller = { ...uncheckedCaller({ ...counsellor, sessionId: session.id, amr: session.amr }, ['counsellor']), requestId: 'demo-seed' };
  const daysAgo = (days: number, hour = 10) => new Date(Date.now() - days * 86_400_000 + (hour - 12) * 3_600_000);

  const helle = await residents.register(counsellor, { housingAreaId: areas['Vejleåparken'], firstName: 'Helle', lastName: 'Jensen', birthYear: 1979, gender: 'female' });
  for (const [topic, subject, days] of [
    ['family', 'Skilsmisse', 60],
    ['rent_arrears', 'Huslejerestance hos AAB', 45],
    ['digital_self_service', 'MitID', 20],
  ] as const) {
    const opened = await cases.openCase(counsellor, { residentId: helle.id, topic, subject, form: 'open_drop_in', openedAt: daysAgo(days) });
    await activity.recordContact(caller, opened.id, { occurredAt: daysAgo(days, 11), channel: 'in_person', durationMinutes: 30, withAppointment: false });
  }

  const mohammed = await residents.register(counsellor, { housingAreaId: areas['Vildtbanegård I'], firstName: 'Mohammed', lastName: 'Ali', birthYear: 1985, gender: 'male' });
  const debt = await cases.openCase(counsellor, { residentId: mohammed.id, topic: 'debt', subject: 'Gæld til inkasso og SKAT', form: 'appointment', openedAt: daysAgo(120) });
  for (const [days, channel] of [[120, 'in_person'], [105, 'email'], [90, 'phone'], [70, 'email'], [40, 'in_person'], [10, 'email']] as const) {
    await activity.recordContact(caller, debt.id, { occurredAt: daysAgo(days, 13), channel, durationMinutes: channel === 'email' ? 10 : 45 });
  }
  await activity.recordReferral(counsellor, debt.id, { recipientName: 'Gældsrådgivningen', reason: 'Forhandling med kreditorer', referredAt: daysAgo(40, 14) });

  const anonymous = await residents.register(counsellor, { housingAreaId: areas['Vildtbanegård II'], anonymous: true, birthYear: 1990, gender: 'unknown' });
  const benefits = await cases.openCase(counsellor, { residentId: anonymous.id, topic: 'benefits', form: 'open_drop_in', openedAt: daysAgo(5) });
  await activity.recordContact(caller, benefits.id, { occurredAt: daysAgo(5, 11), channel: 'in_person', durationMinutes: 15, withAppointment: false });
  await cases.close(counsellor, benefits.id, { closedAt: daysAgo(5, 12), outcome: 'Ansøgning om boligstøtte sendt' });
  const lastHalfYear = await seedLastHalfYear(app, counsellor, caller, areas);
  await sessions.end(manager, session.id, 'demo_seeded');
  return lastHalfYear;
}

/** What `npm start` prints: the demo logins, but not their password (it is in the README, and logs are not the place for passwords). */
export function demoLoginHelp(baseUrl: string, mfaRequired = false): string {
  const lines = DEMO_USERS.map((u) => `    ${u.role.padEnd(14)} ${u.email}`);
  return [
    `  Demo plan "${DEMO_PLAN_NAME}" — the demo users (their shared password is in README.md, "Start it"):`,
    ...lines,
    `  Try it: open ${baseUrl}/api/docs, POST /api/v1/auth/login as raadgiver@ishoj.demo,`,
    ...(mfaRequired
      ? ['  enrol an authenticator app with the mfaToken (POST /api/v1/auth/mfa/totp/enrol, then /confirm with its code),']
      : []),
    '  "Authorize" with the accessToken, then GET /api/v1/residents and POST /api/v1/counselling-cases.',
  ].join('\n');
}
