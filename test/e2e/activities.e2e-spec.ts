import { createPlan, expectStatus, registerResident, type Caller, type PlanFixture, withPlan } from '../support/fixtures';
import { ownerDatabase } from '../support/owner-database';
import { type TestApp } from '../support/test-app';

const MON_TUE_THU_12_17 = [1, 2, 4].map((weekday) => ({ weekday, start: '12:00', end: '17:00' }));

describe('activities of a plan and their kinds', () => {
  let t: TestApp;
  let plan: PlanFixture;
  let other: PlanFixture;
  withPlan((world) => ({ t, plan } = world), 'Aktiviteter');
  const owner = ownerDatabase();

  beforeAll(async () => {
    other = await createPlan(t, 'Anden plan');
  });

  async function newActivity(caller: Caller, body: object = {}): Promise<{ id: string; version: number }> {
    const res = await caller.post('/activities', { kind: 'open_counselling', name: 'Åben Rådgivning', ...body });
    expectStatus(res, 201, 'create activity');
    return res.body;
  }

  it("plans Sønderborg's open counselling Mon/Tue/Thu 12-17 in one housing area with a partner", async () => {
    const res = await plan.counsellor.post('/activities', {
      kind: 'open_counselling',
      name: 'Åben Rådgivning i Nørager',
      housingAreaId: plan.areas.eligible,
      organisationId: plan.organisations.jobcenter,
      startsOn: '2026-01-05',
      endsOn: '2026-12-18',
      weeklySlots: MON_TUE_THU_12_17,
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ kind: 'open_counselling', kindLabel: 'Åben rådgivning', housingAreaId: plan.areas.eligible, organisationId: plan.organisations.jobcenter, weeklySlots: MON_TUE_THU_12_17, capacity: null, rollingIntake: false, version: 1 });
    const read = await plan.leader.get(`/activities/${res.body.id}`);
    expect(read.status).toBe(200);
    expect(read.body.name).toBe('Åben Rådgivning i Nørager');
    expect(await owner.count(`audit_events WHERE action = 'activity.created' AND entity_id = $1`, [res.body.id])).toBe(1);
  });

  it('lets counsellors, social workers and the leader run activities, and no one else', async () => {
    await newActivity(plan.socialWorker, { kind: 'course', name: 'Jobparat-forløb', capacity: 12, rollingIntake: true });
    await newActivity(plan.leader, { kind: 'network_meeting', name: 'Netværksmøde med skolerne' });
    expect((await plan.caseworker.post('/activities', { kind: 'event', name: 'Fest' })).status).toBe(403);
    expect((await plan.admin.post('/activities', { kind: 'event', name: 'Fest' })).status).toBe(403);
    expect((await plan.caseworker.get('/activities')).status).toBe(403);
  });

  it("makes an activity for the whole plan when no housing area is named, and refuses another plan's area or organisation", async () => {
    const whole = await newActivity(plan.counsellor, { kind: 'event', name: 'Sommerfest' });
    expect((await plan.counsellor.get(`/activities/${whole.id}`)).body.housingAreaId).toBeNull();
    const foreignArea = await plan.counsellor.post('/activities', { kind: 'event', name: 'Fest', housingAreaId: other.areas.eligible });
    expect(foreignArea.status).toBe(422);
    expect(foreignArea.body.code).toBe('housing_area_not_in_plan');
    const foreignOrganisation = await plan.counsellor.post('/activities', { kind: 'event', name: 'Fest', organisationId: other.organisations.school });
    expect(foreignOrganisation.status).toBe(422);
    expect(foreignOrganisation.body.code).toBe('organisation_not_in_plan');
  });

  it('refuses a slot that ends before it starts, overlapping slots on a weekday, and an end before the start', async () => {
    const backwards = await plan.counsellor.post('/activities', { kind: 'job_cafe', name: 'Jobcafé', weeklySlots: [{ weekday: 3, start: '17:00', end: '15:00' }] });
    expect(backwards.status).toBe(422);
    expect(backwards.body.code).toBe('invalid_weekly_slots');
    const overlapping = await plan.counsellor.post('/activities', { kind: 'job_cafe', name: 'Jobcafé', weeklySlots: [{ weekday: 3, start: '12:00', end: '15:00' }, { weekday: 3, start: '14:00', end: '17:00' }] });
    expect(overlapping.status).toBe(422);
    expect(overlapping.body.errors[0].rule).toBe('no_overlap');
    const dates = await plan.counsellor.post('/activities', { kind: 'job_cafe', name: 'Jobcafé', startsOn: '2026-05-01', endsOn: '2026-04-30' });
    expect(dates.status).toBe(422);
    expect(dates.body.code).toBe('activity_dates_unmet');
    const badClock = await plan.counsellor.post('/activities', { kind: 'job_cafe', name: 'Jobcafé', weeklySlots: [{ weekday: 8, start: '24:00', end: '25:00' }] });
    expect(badClock.status).toBe(400);
  });

  it("lets the leader add the plan's own kind, a social caretaker, with a Danish label, once", async () => {
    expect((await plan.counsellor.post('/activity-kinds', { key: 'social_caretaker', label: 'Social vicevært' })).status).toBe(403);
    const added = await plan.leader.post('/activity-kinds', { key: 'social_caretaker', label: 'Social vicevært' });
    expect(added.status).toBe(201);
    expect((await plan.leader.post('/activity-kinds', { key: 'social_caretaker', label: 'Igen' })).body.code).toBe('activity_kind_exists');
    expect((await plan.leader.post('/activity-kinds', { key: 'course', label: 'Kursus igen' })).status).toBe(409);
    const kinds = await plan.socialWorker.get('/activity-kinds');
    expect(kinds.body.items).toEqual(expect.arrayContaining([{ key: 'social_caretaker', label: 'Social vicevært', builtIn: false }, { key: 'volunteer_group', label: 'Frivilliggruppe', builtIn: true }]));
    const activity = await plan.counsellor.post('/activities', { kind: 'social_caretaker', name: 'Social vicevært i Varde' });
    expect(activity.body.kindLabel).toBe('Social vicevært');
    // Another plan has not added it.
    const elsewhere = await other.counsellor.post('/activities', { kind: 'social_caretaker', name: 'Social vicevært' });
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.body.code).toBe('unknown_activity_kind');
  });

  it('finds activities by kind, housing area and the day they run, a page at a time', async () => {
    const p = await createPlan(t, 'Filtre');
    const spring = await newActivity(p.counsellor, { kind: 'course', name: 'Forår', housingAreaId: p.areas.eligible, startsOn: '2026-02-01', endsOn: '2026-05-31' });
    const autumn = await newActivity(p.counsellor, { kind: 'course', name: 'Efterår', housingAreaId: p.areas.notEligible, startsOn: '2026-08-01', endsOn: '2026-11-30' });
    const always = await newActivity(p.counsellor, { kind: 'outreach', name: 'Opsøgende' });
    const ids = async (query: string) => (await p.counsellor.get(`/activities${query}`)).body.items.map((a: { id: string }) => a.id);
    expect(await ids('?kind=course')).toEqual([autumn.id, spring.id]);
    expect(await ids(`?housingAreaId=${p.areas.eligible}`)).toEqual([spring.id]);
    expect(await ids('?activeOn=2026-03-15')).toEqual([always.id, spring.id]);
    const first = await p.counsellor.get('/activities?limit=2');
    expect(first.body.items).toHaveLength(2);
    const second = await p.counsellor.get(`/activities?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.items.map((a: { id: string }) => a.id)).toEqual([spring.id]);
    expect(second.body.nextCursor).toBeNull();
    expect((await p.counsellor.get('/activities?activeOn=2026-02-30')).status).toBe(400);
  });

  it('changes an activity, refusing a stale version and dates or a capacity that leave out what is recorded', async () => {
    const course = await newActivity(plan.socialWorker, { kind: 'course', name: 'Jobparat', startsOn: '2026-03-02', endsOn: '2026-05-08', capacity: 3, rollingIntake: true });
    const renamed = await plan.socialWorker.patch(`/activities/${course.id}`, { name: 'Jobparat forår', version: 1, housingAreaId: plan.areas.eligible });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: 'Jobparat forår', version: 2, housingAreaId: plan.areas.eligible });
    const stale = await plan.leader.patch(`/activities/${course.id}`, { name: 'Gammel', version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('stale_version');

    const youths = [await registerResident(plan.socialWorker, { housingAreaId: plan.areas.eligible, firstName: 'Ali' }), await registerResident(plan.socialWorker, { housingAreaId: plan.areas.eligible, firstName: 'Bo' })];
    for (const y of youths) expectStatus(await plan.socialWorker.post(`/activities/${course.id}/enrolments`, { residentId: y.id, startedOn: '2026-03-16' }), 201, 'enrol');
    const tooSmall = await plan.socialWorker.patch(`/activities/${course.id}`, { capacity: 1 });
    expect(tooSmall.status).toBe(422);
    expect(tooSmall.body.code).toBe('capacity_below_enrolled');
    const leavesOut = await plan.socialWorker.patch(`/activities/${course.id}`, { startsOn: '2026-04-01' });
    expect(leavesOut.status).toBe(422);
    expect(leavesOut.body.code).toBe('activity_dates_unmet');
    const cleared = await plan.socialWorker.patch(`/activities/${course.id}`, { capacity: null, endsOn: null, housingAreaId: null });
    expect(cleared.status).toBe(200);
    expect(cleared.body).toMatchObject({ capacity: null, endsOn: null, housingAreaId: null });
    expect((await plan.socialWorker.patch(`/activities/${course.id}`, { name: null })).status).toBe(400);
    expect((await plan.caseworker.patch(`/activities/${course.id}`, { name: 'x' })).status).toBe(403);
  });

  it("treats another plan's activity as missing", async () => {
    const theirs = await newActivity(other.counsellor, { kind: 'event', name: 'Deres fest' });
    expect((await plan.counsellor.get(`/activities/${theirs.id}`)).status).toBe(404);
    expect((await plan.leader.patch(`/activities/${theirs.id}`, { name: 'Vores nu' })).status).toBe(404);
    expect((await plan.counsellor.get(`/activities/${theirs.id}/sessions`)).status).toBe(404);
    expect((await plan.counsellor.post(`/activities/${theirs.id}/sessions`, { startsAt: '2026-03-02T12:00:00+01:00', headcount: { total: 3 } })).status).toBe(404);
    expect((await plan.counsellor.post(`/activities/${theirs.id}/visits`, {})).status).toBe(404);
    expect((await plan.counsellor.get(`/activities/${theirs.id}/enrolments`)).status).toBe(404);
    expect((await plan.counsellor.get('/activities')).body.items.map((a: { id: string }) => a.id)).not.toContain(theirs.id);
    const theirCourse = await newActivity(other.counsellor, { kind: 'course', name: 'Deres kursus', rollingIntake: true });
    const theirResident = await registerResident(other.counsellor, { housingAreaId: other.areas.eligible, firstName: 'Fremmed' });
    const theirEnrolment = await other.counsellor.post(`/activities/${theirCourse.id}/enrolments`, { residentId: theirResident.id, startedOn: '2026-03-02' });
    expectStatus(theirEnrolment, 201, 'their enrolment');
    const ours = await newActivity(plan.counsellor, { kind: 'course', name: 'Vores kursus', rollingIntake: true });
    const mine = await registerResident(plan.counsellor, { housingAreaId: plan.areas.eligible, firstName: 'Egen' });
    expect((await plan.counsellor.post(`/activities/${theirCourse.id}/enrolments`, { residentId: mine.id, startedOn: '2026-03-02' })).status).toBe(404);
    expect((await plan.counsellor.post(`/activities/${ours.id}/enrolments`, { residentId: theirResident.id, startedOn: '2026-03-02' })).status).toBe(404);
    expect((await plan.counsellor.post(`/activities/${theirCourse.id}/enrolments/${theirEnrolment.body.id}/end`, { endedOn: '2026-03-20', outcome: 'completed' })).status).toBe(404);
    expect((await plan.counsellor.post(`/activities/${ours.id}/enrolments/${theirEnrolment.body.id}/end`, { endedOn: '2026-03-20', outcome: 'completed' })).status).toBe(404);
    expect((await plan.counsellor.post(`/activities/${ours.id}/sessions`, { startsAt: '2026-03-02T12:00:00+01:00', participantIds: [theirResident.id] })).status).toBe(404);
  });
});
