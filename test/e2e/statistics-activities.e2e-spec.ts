import { randomBytes } from 'node:crypto';
import { asBytes, expectStatus, openCase, registerResident, shareCounselling, withPlan, type PlanFixture } from '../support/fixtures';
import { ownerDatabase } from '../support/owner-database';
import { programmeFixtures } from '../support/programme-fixtures';
import { completedReport } from '../support/reports';

/**
 * The half-year report's activities and referrals (issue 12), one number at a time on hand-made
 * data for H1 2026: what happened in H1 counts, what happened just outside it does not.
 */
describe('the half-year report on the plan\'s other activities', () => {
  let plan: PlanFixture;
  withPlan((world) => ({ plan } = world), 'Aktivitetsstatistik');
  const owner = ownerDatabase();
  let activities: Record<string, unknown> & { byKind: Record<string, unknown>; byHousingArea: Record<string, unknown>; kindLabels: Record<string, string> };
  let referrals: { byStatus: Record<string, number> };
  let reportId: string;

  const adult = (firstName: string) =>
    registerResident(plan.counsellor, { housingAreaId: plan.areas.notEligible, firstName, lastName: `Test${randomBytes(2).toString('hex')}`, birthDate: '1980-05-01', gender: 'female' });
  const created = async (path: string, body: object, what: string): Promise<{ id: string }> => {
    const res = await plan.counsellor.post(path, body);
    expectStatus(res, 201, what);
    return res.body as { id: string };
  };

  beforeAll(async () => {
    const helle = await adult('Helle');
    const anonymous = await registerResident(plan.counsellor, { housingAreaId: plan.areas.eligible, anonymous: true, birthYear: 1990 });
    const [bodil, karim, dorte, sofie, ali] = [await adult('Bodil'), await adult('Karim'), await adult('Dorte'), await adult('Sofie'), await adult('Ali')];

    // Open counselling in Strandparken on Tuesday evenings and Wednesday just after midnight.
    const leader = plan.leader;
    expectStatus(await leader.post('/activity-kinds', { key: 'social_caretaker', label: 'Social vicevært' }), 201, 'plan kind');
    const drop = await created('/activities', {
      kind: 'open_counselling', name: 'Åben rådgivning', housingAreaId: plan.areas.notEligible, startsOn: '2026-01-01',
      weeklySlots: [{ weekday: 2, start: '18:00', end: '23:59' }, { weekday: 3, start: '00:00', end: '01:00' }],
    }, 'open counselling');
    // A visit at 23:30 on Tuesday 30 June, Danish summer time (21:30 UTC): H1. One at 00:15 on 1 July: H2.
    expectStatus(await plan.counsellor.post(`/activities/${drop.id}/visits`, { at: '2026-06-30T23:30:00+02:00', gender: 'female', ageGroup: 'adult' }), 201, 'visit 30 June');
    expectStatus(await plan.counsellor.post(`/activities/${drop.id}/visits`, { at: '2026-07-01T00:15:00+02:00' }), 201, 'visit 1 July');

    // School workshops for the whole plan: 14 and 6 came; Helle at both, an anonymous resident at one.
    const workshop = await created('/activities', { kind: 'workshop', name: 'Skoleworkshop', startsOn: '2026-01-01', endsOn: '2026-12-31' }, 'workshop');
    await created(`/activities/${workshop.id}/sessions`, { startsAt: '2026-03-02T09:00:00+01:00', headcount: { total: 14, women: 8, men: 6 }, participantIds: [helle.id, anonymous.id] }, 'workshop 1');
    await created(`/activities/${workshop.id}/sessions`, { startsAt: '2026-04-06T09:00:00+02:00', headcount: { total: 6 }, participantIds: [helle.id] }, 'workshop 2');
    // The social caretaker's round on 31 December 2025 at 23:00 (22:00 UTC) belongs to H2 2025.
    const caretaker = await created('/activities', { kind: 'social_caretaker', name: 'Social vicevært', housingAreaId: plan.areas.eligible, startsOn: '2025-06-01' }, 'caretaker');
    await created(`/activities/${caretaker.id}/sessions`, { startsAt: '2025-12-31T23:00:00+01:00', headcount: { total: 9 } }, 'caretaker 2025');
    await created(`/activities/${caretaker.id}/sessions`, { startsAt: '2026-01-01T00:30:00+01:00', headcount: { total: 3 } }, 'caretaker 2026');

    // An employment course with rolling intake: Dorte from December, Bodil and Karim from H1.
    const course = await created('/activities', { kind: 'course', name: 'Jobparat', startsOn: '2025-11-01', rollingIntake: true, capacity: 10 }, 'course');
    const enrol = (residentId: string, startedOn: string) => created(`/activities/${course.id}/enrolments`, { residentId, startedOn, referredFrom: 'partner' }, 'enrolment');
    const end = async (enrolment: { id: string }, endedOn: string, outcome: string) =>
      expectStatus(await plan.counsellor.post(`/activities/${course.id}/enrolments/${enrolment.id}/end`, { endedOn, outcome }), 200, 'end enrolment');
    await end(await enrol(dorte.id, '2025-12-01'), '2026-02-01', 'dropped_out');
    await end(await enrol(bodil.id, '2026-02-01'), '2026-05-01', 'job');
    await enrol(karim.id, '2026-06-30');
    // Sofie ended on 1 July: not in H1.
    await end(await enrol(sofie.id, '2026-07-01'), '2026-07-01', 'completed');

    // Internships: Sofie from February to a job in April; Ali from March, running; Karim from July (H2).
    const employer = await programmeFixtures(plan).employer(`Danfoss ${randomBytes(2).toString('hex')}`, false);
    const internship = (residentId: string, startsOn: string, endsOn: string) => created('/internships', { residentId, employerId: employer, startsOn, endsOn, hoursPerWeek: 15 }, 'internship');
    const sofiesInternship = await internship(sofie.id, '2026-02-02', '2026-05-29');
    expectStatus(await plan.counsellor.post(`/internships/${sofiesInternship.id}/end`, { endedOn: '2026-04-30', outcome: 'job' }), 200, 'internship ended');
    await internship(ali.id, '2026-03-02', '2026-09-30');
    await internship(karim.id, '2026-07-06', '2026-10-30');

    // Referrals to the job centre in H1: one accepted in May, one accepted only now (December), one sent in July.
    await shareCounselling(plan.counsellor, helle.id, [plan.organisations.jobcenter], { givenAt: '2026-01-05T10:00:00+01:00' });
    const kase = await openCase(plan.counsellor, { residentId: helle.id, topic: 'employment', form: 'appointment', openedAt: '2026-01-10T10:00:00+01:00' });
    const refer = (referredAt: string) => created(`/counselling-cases/${kase.id}/referrals`, { organisationId: plan.organisations.jobcenter, reason: 'Praktik', referredAt }, 'referral');
    const inMay = await refer('2026-03-01T10:00:00+01:00');
    const now = await refer('2026-04-01T10:00:00+02:00');
    await refer('2026-07-02T10:00:00+02:00');
    for (const referral of [inMay, now]) expectStatus(await plan.caseworker.post(`/referrals/${referral.id}/status`, { status: 'accepted' }), 200, 'accept');
    // Status changes are stamped by the server; this one is moved back to May as if accepted then.
    await owner.query(`UPDATE counselling_referral_status_changes SET changed_at = '2026-05-04T09:00:00+02:00' WHERE referral_id = $1`, [inMay.id]);

    const report = await completedReport(plan.leader, 2026, 1);
    reportId = report.id;
    activities = report.result!.activities as typeof activities;
    referrals = report.result!.referrals as typeof referrals;
  });

  it('counts the sessions that started in H1 in Danish time: the visit at 23:30 on 30 June and 00:30 on 1 January, not 00:15 on 1 July or 23:00 on 31 December', () => {
    expect(activities.sessions).toBe(4);
    expect(activities.byKind.open_counselling).toEqual({ sessions: 1, headcount: 1, uniqueParticipants: 0 });
    expect(activities.byKind.social_caretaker).toEqual({ sessions: 1, headcount: 3, uniqueParticipants: 0 });
  });

  it('adds up head counts, anonymous visitors included: 14 + 6 + 1 + 3', () => {
    expect(activities.headcount).toBe(24);
    expect(activities.byKind.workshop).toEqual({ sessions: 2, headcount: 20, uniqueParticipants: 2 });
  });

  it('counts each named participant once: Helle at two workshops, the anonymous resident, and the three enrolled during H1', () => {
    // Dorte (enrolled until 1 February), Bodil, Karim (from 30 June); not Sofie (from 1 July).
    expect(activities.uniqueParticipants).toBe(5);
    expect(activities.byKind.course).toEqual({ sessions: 0, headcount: 0, uniqueParticipants: 3 });
  });

  it('groups by housing area, with activities of the whole plan on their own', () => {
    expect(activities.byHousingArea).toEqual({
      whole_plan: { sessions: 2, headcount: 20, uniqueParticipants: 5 },
      Strandparken: { sessions: 1, headcount: 1, uniqueParticipants: 0 },
      Vejleåparken: { sessions: 1, headcount: 3, uniqueParticipants: 0 },
    });
  });

  it('counts enrolments started and ended in H1, by outcome', () => {
    expect(activities).toMatchObject({ enrolmentsStarted: 2, enrolmentsEnded: 2, enrolmentsByOutcome: { dropped_out: 1, job: 1 } });
  });

  it('counts internships started, ended and ended in a job in H1', () => {
    expect(activities).toMatchObject({ internshipsStarted: 2, internshipsEnded: 1, internshipsToJob: 1 });
  });

  it("counts H1's referrals by their status at the end of June: the one accepted in December was still sent", () => {
    expect(referrals.byStatus).toEqual({ accepted: 1, sent: 1 });
  });

  it("keeps the plan's own kind label with the snapshot", () => {
    expect(activities.kindLabels).toEqual({ social_caretaker: 'Social vicevært' });
  });

  it('exports the activities in Danish with small counts hidden', async () => {
    const csv = (await asBytes(plan.leader.get(`/reports/${reportId}/export?format=csv`))).body.toString('utf8');
    expect(csv).toContain('Aktiviteter;Aktivitetsgange;4;');
    expect(csv).toContain('Aktiviteter;Fremmøde i alt (inkl. anonyme);24;');
    expect(csv).toContain('Fremmøde fordelt på aktivitetstype;Workshop;20;');
    // One visitor at the open counselling and three at the caretaker's round: hidden.
    expect(csv).toContain('Fremmøde fordelt på aktivitetstype;Åben rådgivning;<5;');
    expect(csv).toContain('Fremmøde fordelt på aktivitetstype;Social vicevært;<5;');
    expect(csv).toContain('Fremmøde fordelt på boligområde;Hele planen;20;');
    expect(csv).toContain('Afsluttede tilmeldinger fordelt på udfald;Job;<5;');
    expect(csv).toContain('Henvisninger fordelt på status;Modtaget;<5;');
    const xlsx = await asBytes(plan.leader.get(`/reports/${reportId}/export?format=xlsx`));
    expect(xlsx.status).toBe(200);
    const pdf = await asBytes(plan.leader.get(`/reports/${reportId}/export?format=pdf`));
    expect(pdf.status).toBe(200);
  });
});
