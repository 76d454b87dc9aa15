import { randomBytes } from 'node:crypto';
import { addStaff, createPlan, expectStatus, openCase, registerResident, type Caller, type PlanFixture } from '../fixtures';
import { anHourAgo, programmeFixtures } from '../programme-fixtures';
import type { TestApp } from '../test-app';

/** Who sends a request: nobody (no token) or one user per role of the fuzzed plan. */
export interface FuzzCaller {
  name: string;
  role?: string;
  token?: string;
}

/**
 * Real objects the fuzz suite can point path parameters and id fields at, by kind ("resident",
 * "counsellingCase", ...): ids of the callers' own plan and of a second plan (foreign ids).
 */
export interface FixtureWorld {
  planId: string;
  callers: FuzzCaller[];
  own: Map<string, string[]>;
  foreign: Map<string, string[]>;
  /** Per role, the object of a kind that role can normally reach (e.g. the social worker's youth). */
  preferred: Map<string, Map<string, string>>;
}

/** The kind of object a collection segment holds: `counselling-cases` -> `counsellingCase`. */
export function kindOfSegment(segment: string): string {
  const singular = segment.endsWith('ies')
    ? segment.slice(0, -3) + 'y'
    : /(ch|sh|ss|x)es$/.test(segment)
      ? segment.slice(0, -2)
      : segment.endsWith('s')
        ? segment.slice(0, -1)
        : segment;
  return singular.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

const FIELD_ALIASES: Record<string, string> = { actor: 'user', participant: 'resident', recipientOrganisation: 'organisation', case: 'counsellingCase', programme: 'jobProgramme' };

/** The kind a field or parameter names: `residentId` -> `resident`, `recipientOrganisationIds` -> `organisation`. */
export function kindOfName(name: string, world: FixtureWorld): string | undefined {
  const base = name.replace(/Ids?$/, '');
  if (base === name) return undefined;
  if (FIELD_ALIASES[base]) return FIELD_ALIASES[base];
  if (world.own.has(base)) return base;
  const known = [...world.own.keys()].filter((k) => base.toLowerCase().endsWith(k.toLowerCase()));
  return known.sort((a, b) => b.length - a.length)[0] ?? base;
}

/** The kind of a path parameter: `{id}` after `/residents` is a resident, `{matchId}` a match. */
export function kindOfPathParam(path: string, param: string, world: FixtureWorld): string {
  if (param !== 'id') return kindOfName(param, world) ?? param;
  const segments = path.split('/');
  const at = segments.indexOf(`{${param}}`);
  return kindOfSegment(segments[at - 1] ?? param);
}

/** A real id of `kind` in the caller's plan, the one the caller's role can normally reach first. */
export function realId(world: FixtureWorld, kind: string, role: string | undefined): string | undefined {
  return (role && world.preferred.get(role)?.get(kind)) ?? world.own.get(kind)?.[0];
}

interface PlanObjects {
  ids: Record<string, string[]>;
  preferred: Record<string, Record<string, string>>;
}

/** One plan with a named and an anonymous resident, a case with a contact and referrals, consents, an employer, a programme with a match, an internship, a småjob, an outreach list, a report, ... */
async function arrangePlan(t: TestApp, plan: PlanFixture, label: string): Promise<PlanObjects> {
  const { counsellor, socialWorker: sw, leader } = plan;
  const ok = async <T = { id: string }>(what: string, res: Promise<{ status: number; body: T }> | { status: number; body: T }, status = 201): Promise<T> => {
    const r = await res;
    expectStatus(r as { status: number; body: unknown }, status, `${label}: ${what}`);
    return r.body;
  };
  const named = await registerResident(counsellor, { housingAreaId: plan.areas.notEligible, firstName: 'Helle', lastName: 'Jensen', birthDate: '1978-04-12', gender: 'female', phone: '+45 20 30 40 50' });
  const anonymous = await registerResident(counsellor, { housingAreaId: plan.areas.notEligible, anonymous: true, birthYear: 1990, gender: 'male' });
  const guardian = await ok('guardian', counsellor.post(`/residents/${named.id}/guardians`, { name: 'Jens Jensen', relation: 'guardian' }));
  // Opened early in the year, so the documented examples (March 2026) fall inside the case.
  const kase = await openCase(counsellor, { residentId: named.id, topic: 'debt', form: 'open_drop_in', openedAt: '2026-01-05T09:00:00+01:00' });
  const contact = await ok('contact', counsellor.post(`/counselling-cases/${kase.id}/contacts`, { occurredAt: anHourAgo(), channel: 'in_person', note: 'Første samtale' }));
  const referral = await ok('referral', counsellor.post(`/counselling-cases/${kase.id}/referrals`, { recipientName: 'Gældsrådgivningen', reason: 'Gæld' }));
  const counsellingConsent = await ok(
    'share_counselling consent',
    counsellor.post('/consents', { residentId: named.id, scope: 'share_counselling', recipientOrganisationIds: [plan.organisations.jobcenter], givenBy: 'resident', form: 'written', givenAt: anHourAgo() }),
  );
  // Sent to the job centre under that consent, so its caseworker can follow it up.
  const sharedReferral = await ok('referral to the job centre', counsellor.post(`/counselling-cases/${kase.id}/referrals`, { organisationId: plan.organisations.jobcenter, reason: 'Praktik' }));

  const f = programmeFixtures(plan);
  const youth = await f.youthWithConsent(`Yasmin${label}`);
  const youthConsents = await ok<{ items: Array<{ id: string }> }>('list consents', sw.get(`/consents?residentId=${youth.id}`), 200);
  const employerId = await f.employer(`Netto ${label} ${randomBytes(2).toString('hex')}`);
  let programme = await f.startProgramme(youth.id);
  await f.conversation(programme, 'clarification');
  programme = await f.moveOk(programme, { to: 'matching' });
  const match = await ok('match', sw.post(`/job-programmes/${programme.id}/matches`, { employerId }));
  const internship = await ok('internship', counsellor.post('/internships', { residentId: named.id, employerId, startsOn: '2026-03-02', endsOn: '2026-05-29', hoursPerWeek: 15 }));
  const membership = await ok('network membership', counsellor.post(`/employers/${employerId}/network`, { from: '2026-01-01' }));
  const smallJob = await ok('småjob', counsellor.post('/small-jobs', { residentId: named.id, employerId, startsOn: '2026-03-02', hoursPerWeek: 6 }));
  const outreachList = await ok('outreach list', counsellor.post('/outreach-lists', { name: `Opsøgende ${label}`, source: 'Kommunen', legalBasis: 'Databehandleraftale', retentionDays: 90 }));
  const person = await ok('person on the outreach list', counsellor.post(`/outreach-lists/${outreachList.id}/people`, { name: 'Amira Hassan', birthYear: 2004 }));

  await ok('activity kind', leader.post('/activity-kinds', { key: `own_kind_${label.toLowerCase()}`, label: 'Social vicevært' }));
  const activity = await ok(
    'activity',
    counsellor.post('/activities', { kind: 'course', name: `Jobparat ${label}`, housingAreaId: plan.areas.notEligible, organisationId: plan.organisations.jobcenter, rollingIntake: true, capacity: 50, weeklySlots: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '00:00', end: '23:59' })) }),
  );
  await ok('session', counsellor.post(`/activities/${activity.id}/sessions`, { startsAt: '2026-03-02T12:00:00+01:00', headcount: { total: 5, women: 3, men: 2 }, participantIds: [named.id, anonymous.id] }));
  await ok('visit', counsellor.post(`/activities/${activity.id}/visits`, { residentId: anonymous.id, gender: 'male' }));
  const enrolment = await ok('enrolment', counsellor.post(`/activities/${activity.id}/enrolments`, { residentId: named.id, startedOn: '2026-03-02', referredFrom: 'self' }));

  const report = await ok('report', leader.post('/reports/half-year', { year: 2026, half: 1 }), 202);
  const indicator = await ok('indicator', leader.post('/indicators', { goal: 'Flere unge i job', indicator: 'Antal forløb', unit: 'unge', dataSource: 'Registreringer' }));
  await ok('indicator value', leader.post(`/indicators/${indicator.id}/values`, { period: '2026-H1', value: 3, source: 'Registreringer' }));
  const help = await ok('volunteer help', plan.volunteer.post('/volunteer-help', { topic: 'mitid', minutes: 10, escort: true }));
  const victim = (await addStaff(t, plan, 'counsellor', { email: `victim-${randomBytes(4).toString('hex')}@test.dk`, name: 'Offer Bruger' })).user;
  return {
    ids: {
      plan: [plan.planId],
      housingArea: [plan.areas.eligible, plan.areas.notEligible],
      organisation: [plan.organisations.jobcenter, plan.organisations.children, plan.organisations.school, plan.organisations.partner],
      // Never a caller: PATCH /users/:id may end sessions or change roles; the victim is there for that.
      user: [victim.id],
      resident: [named.id, anonymous.id, youth.id],
      // Helle's consent shares her with the job centre: /shared-residents/:id reads her.
      sharedResident: [named.id],
      guardian: [guardian.id, youth.guardianId],
      counsellingCase: [kase.id],
      contact: [contact.id],
      referral: [referral.id, sharedReferral.id],
      consent: [counsellingConsent.id, ...youthConsents.items.map((c) => c.id)],
      employer: [employerId],
      membership: [membership.id],
      jobProgramme: [programme.id],
      match: [match.id],
      internship: [internship.id],
      smallJob: [smallJob.id],
      outreachList: [outreachList.id],
      person: [person.id],
      report: [report.id],
      indicator: [indicator.id],
      activity: [activity.id],
      enrolment: [enrolment.id],
      volunteerHelp: [help.id],
    },
    preferred: {
      social_worker: { resident: youth.id, guardian: youth.guardianId, consent: youthConsents.items[0]?.id ?? counsellingConsent.id },
      caseworker: { organisation: plan.organisations.jobcenter, referral: sharedReferral.id },
    },
  };
}

/** Two plans: the fuzzed one (callers of every role) and a second one whose ids are "foreign". */
export async function arrangeWorld(t: TestApp): Promise<FixtureWorld> {
  const plan = await createPlan(t, 'Fuzzplan');
  const other = await createPlan(t, 'Fremmed plan');
  const mine = await arrangePlan(t, plan, 'A');
  const theirs = await arrangePlan(t, other, 'B');
  const caller = (name: string, c: Caller): FuzzCaller => ({ name, role: name, token: c.token });
  return {
    planId: plan.planId,
    callers: [
      { name: 'anonymous' },
      caller('admin', plan.admin),
      caller('leader', plan.leader),
      caller('counsellor', plan.counsellor),
      caller('social_worker', plan.socialWorker),
      caller('caseworker', plan.caseworker),
      caller('volunteer', plan.volunteer),
    ],
    own: new Map(Object.entries(mine.ids)),
    foreign: new Map(Object.entries(theirs.ids)),
    preferred: new Map(Object.entries(mine.preferred).map(([role, m]) => [role, new Map(Object.entries(m))])),
  };
}
