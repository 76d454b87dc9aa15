import { RetentionService } from '../../src/resident-rights/retention.service';
import { expectStatus, registerResident, type PlanFixture, withPlan } from '../support/fixtures';
import { ownerDatabase } from '../support/owner-database';
import { type TestApp } from '../support/test-app';

describe('enrolments in courses and activities with rolling intake', () => {
  let t: TestApp;
  let plan: PlanFixture;
  withPlan((world) => ({ t, plan } = world), 'Forløb');
  const owner = ownerDatabase();

  async function course(body: object = {}): Promise<string> {
    const res = await plan.socialWorker.post('/activities', { kind: 'course', name: 'Jobparat-forløb', startsOn: '2026-03-02', endsOn: '2026-05-08', ...body });
    expectStatus(res, 201, 'course');
    return res.body.id;
  }
  const adult = (caller = plan.socialWorker, firstName = 'Amina') => registerResident(caller, { housingAreaId: plan.areas.eligible, firstName });

  it('enrols Amina referred by the youth service and ends her enrolment with a job', async () => {
    const activity = await course({ rollingIntake: true, capacity: 10 });
    const amina = await adult();
    const enrolled = await plan.socialWorker.post(`/activities/${activity}/enrolments`, { residentId: amina.id, startedOn: '2026-03-16', referredFrom: 'youth_service' });
    expect(enrolled.status).toBe(201);
    expect(enrolled.body).toMatchObject({ residentId: amina.id, startedOn: '2026-03-16', endedOn: null, outcome: null, referredFrom: 'youth_service' });
    const ended = await plan.socialWorker.post(`/activities/${activity}/enrolments/${enrolled.body.id}/end`, { endedOn: '2026-05-01', outcome: 'job' });
    expect(ended.status).toBe(200);
    expect(ended.body).toMatchObject({ endedOn: '2026-05-01', outcome: 'job' });
    expect(await owner.count(`audit_events WHERE resident_id = $1 AND action IN ('activity_enrolment.started', 'activity_enrolment.ended')`, [amina.id])).toBe(2);
  });

  it('refuses a second open enrolment of the same resident, and takes her again once the first has ended', async () => {
    const activity = await course({ rollingIntake: true });
    const amina = await adult();
    const first = await plan.socialWorker.post(`/activities/${activity}/enrolments`, { residentId: amina.id, startedOn: '2026-03-02' });
    const again = await plan.socialWorker.post(`/activities/${activity}/enrolments`, { residentId: amina.id, startedOn: '2026-03-09' });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'already_enrolled', existingEnrolmentId: first.body.id });
    expectStatus(await plan.socialWorker.post(`/activities/${activity}/enrolments/${first.body.id}/end`, { endedOn: '2026-03-06', outcome: 'dropped_out' }), 200, 'end');
    expect((await plan.socialWorker.post(`/activities/${activity}/enrolments`, { residentId: amina.id, startedOn: '2026-03-09' })).status).toBe(201);
  });

  it('keeps open enrolments within the capacity, also when six arrive at once', async () => {
    const activity = await course({ rollingIntake: true, capacity: 2 });
    const residents = await Promise.all(['A', 'B', 'C', 'D', 'E', 'F'].map((n) => adult(plan.socialWorker, n)));
    const attempts = await Promise.all(residents.map((r) => plan.socialWorker.post(`/activities/${activity}/enrolments`, { residentId: r.id, startedOn: '2026-03-02' })));
    expect(attempts.filter((a) => a.status === 201)).toHaveLength(2);
    const full = attempts.filter((a) => a.status === 409);
    expect(full).toHaveLength(4);
    expect(full[0].body.code).toBe('activity_full');
    const taken = attempts.find((a) => a.status === 201)!;
    expectStatus(await plan.socialWorker.post(`/activities/${activity}/enrolments/${taken.body.id}/end`, { endedOn: '2026-03-20', outcome: 'completed' }), 200, 'end');
    const late = residents.find((r) => !attempts.some((a) => a.status === 201 && a.body.residentId === r.id))!;
    expect((await plan.socialWorker.post(`/activities/${activity}/enrolments`, { residentId: late.id, startedOn: '2026-03-23' })).status).toBe(201);
  });

  it("refuses a start outside the course's dates, a late start without rolling intake, and an activity that takes no enrolments", async () => {
    const fixed = await course();
    const amina = await adult();
    const before = await plan.socialWorker.post(`/activities/${fixed}/enrolments`, { residentId: amina.id, startedOn: '2026-03-01' });
    expect(before.status).toBe(422);
    expect(before.body.code).toBe('activity_dates_unmet');
    const late = await plan.socialWorker.post(`/activities/${fixed}/enrolments`, { residentId: amina.id, startedOn: '2026-03-16' });
    expect(late.body.errors[0].rule).toBe('no_rolling_intake');
    expect((await plan.socialWorker.post(`/activities/${fixed}/enrolments`, { residentId: amina.id, startedOn: '2026-03-02' })).status).toBe(201);
    const event = await plan.socialWorker.post('/activities', { kind: 'event', name: 'Sommerfest' });
    const refused = await plan.socialWorker.post(`/activities/${event.body.id}/enrolments`, { residentId: amina.id, startedOn: '2026-06-20' });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('enrolment_not_offered');
    const group = await plan.socialWorker.post('/activities', { kind: 'volunteer_group', name: 'Frivilliggruppen', rollingIntake: true });
    expect((await plan.socialWorker.post(`/activities/${group.body.id}/enrolments`, { residentId: amina.id, startedOn: '2026-06-20' })).status).toBe(201);
  });

  it('refuses an end before the start and ending twice', async () => {
    const activity = await course({ rollingIntake: true });
    const amina = await adult();
    const enrolled = await plan.socialWorker.post(`/activities/${activity}/enrolments`, { residentId: amina.id, startedOn: '2026-03-16' });
    const early = await plan.socialWorker.post(`/activities/${activity}/enrolments/${enrolled.body.id}/end`, { endedOn: '2026-03-15', outcome: 'other' });
    expect(early.status).toBe(422);
    expect(early.body.code).toBe('enrolment_dates_unmet');
    expectStatus(await plan.socialWorker.post(`/activities/${activity}/enrolments/${enrolled.body.id}/end`, { endedOn: '2026-03-16', outcome: 'education' }), 200, 'end');
    const twice = await plan.socialWorker.post(`/activities/${activity}/enrolments/${enrolled.body.id}/end`, { endedOn: '2026-03-20', outcome: 'job' });
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('enrolment_already_ended');
    expect((await plan.socialWorker.post(`/activities/${activity}/enrolments/${enrolled.body.id}/end`, { endedOn: '2026-03-20', outcome: 'hired' })).status).toBe(400);
  });

  it("keeps each compartment to its own residents' enrolments, and the leader and caseworker out", async () => {
    const activity = await course({ rollingIntake: true });
    const amina = await adult();
    const helle = await adult(plan.counsellor, 'Helle');
    const theirs = await plan.socialWorker.post(`/activities/${activity}/enrolments`, { residentId: amina.id, startedOn: '2026-03-02' });
    const ours = await plan.counsellor.post(`/activities/${activity}/enrolments`, { residentId: helle.id, startedOn: '2026-03-02', referredFrom: 'self' });
    expect(ours.status).toBe(201);
    expect((await plan.counsellor.post(`/activities/${activity}/enrolments`, { residentId: amina.id, startedOn: '2026-03-02' })).status).toBe(404);
    expect((await plan.counsellor.post(`/activities/${activity}/enrolments/${theirs.body.id}/end`, { endedOn: '2026-03-20', outcome: 'completed' })).status).toBe(404);

    const listed = await plan.counsellor.get(`/activities/${activity}/enrolments`);
    expect(listed.status).toBe(200);
    expect(listed.body.items).toEqual([expect.objectContaining({ residentId: helle.id, residentName: 'Helle' })]);
    expect(await owner.count(`audit_events WHERE action = 'activity_enrolment.listed' AND resident_id = $1`, [helle.id])).toBe(1);
    expect((await plan.socialWorker.get(`/activities/${activity}/enrolments?status=open`)).body.items.map((e: { residentId: string }) => e.residentId)).toEqual([amina.id]);
    expect((await plan.socialWorker.get(`/activities/${activity}/enrolments?status=ended`)).body.items).toEqual([]);
    for (const outsider of [plan.leader, plan.caseworker]) {
      expect((await outsider.get(`/activities/${activity}/enrolments`)).status).toBe(403);
      expect((await outsider.post(`/activities/${activity}/enrolments`, { residentId: amina.id, startedOn: '2026-03-02' })).status).toBe(403);
    }
  });

  it("refuses enrolling an erased resident, keeps an erased resident's enrolment and lets it end", async () => {
    const activity = await course({ rollingIntake: true });
    const amina = await adult();
    const enrolled = await plan.socialWorker.post(`/activities/${activity}/enrolments`, { residentId: amina.id, startedOn: '2026-03-02' });
    const gone = await adult(plan.socialWorker, 'Gone');
    expectStatus(await plan.socialWorker.post(`/residents/${gone.id}/erase`, { reason: 'resident_request' }), 200, 'erase');
    const refused = await plan.socialWorker.post(`/activities/${activity}/enrolments`, { residentId: gone.id, startedOn: '2026-03-02' });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('resident_erased');
    expectStatus(await plan.socialWorker.post(`/residents/${amina.id}/erase`, { reason: 'resident_request' }), 200, 'erase amina');
    expect(await owner.count('activity_enrolments WHERE resident_id = $1', [amina.id])).toBe(1);
    expect((await plan.socialWorker.post(`/activities/${activity}/enrolments/${enrolled.body.id}/end`, { endedOn: '2026-03-20', outcome: 'dropped_out' })).status).toBe(200);
  });

  it("hands Helle her enrolments and the sessions she was named at in her copy, and keeps them through her erasure", async () => {
    const helle = await adult(plan.counsellor, 'Helle');
    const activity = await plan.counsellor.post('/activities', { kind: 'job_cafe', name: 'Jobcafé', rollingIntake: true });
    expectStatus(await plan.counsellor.post(`/activities/${activity.body.id}/enrolments`, { residentId: helle.id, startedOn: '2026-02-02', referredFrom: 'school' }), 201, 'enrol');
    expectStatus(await plan.counsellor.post(`/activities/${activity.body.id}/sessions`, { startsAt: '2026-02-02T15:00:00+01:00', headcount: { total: 8 }, participantIds: [helle.id] }), 201, 'session');
    const copy = await plan.counsellor.get(`/residents/${helle.id}/export?format=json`);
    expect(copy.status).toBe(200);
    expect(copy.body.activities.enrolments).toEqual([expect.objectContaining({ activity: 'Jobcafé', kind: 'job_cafe', startedOn: '2026-02-02', referredFrom: 'school' })]);
    expect(copy.body.activities.sessions).toEqual([expect.objectContaining({ activity: 'Jobcafé', startsAt: '2026-02-02T14:00:00+00:00' })]);
    const pdf = await plan.counsellor.get(`/residents/${helle.id}/export?format=pdf`);
    expect(pdf.status).toBe(200);
    expectStatus(await plan.counsellor.post(`/residents/${helle.id}/erase`, { reason: 'resident_request' }), 200, 'erase');
    expect(await owner.count('activity_session_participants WHERE resident_id = $1', [helle.id])).toBe(1);
  });

  it('keeps a resident with an open enrolment from retention, and one who came to a session within the period', async () => {
    await owner.query(`UPDATE plans SET retention_months = 12 WHERE id = $1`, [plan.planId]);
    const old = '2020-01-01T00:00:00Z';
    const age = (id: string) => owner.query(`UPDATE residents SET created_at = $2, updated_at = $2 WHERE id = $1`, [id, old]);
    const activity = await plan.counsellor.post('/activities', { kind: 'job_cafe', name: 'Jobcafé 2', rollingIntake: true });
    const enrolledLongAgo = await adult(plan.counsellor, 'Open');
    const visitor = await adult(plan.counsellor, 'Visitor');
    const forgotten = await adult(plan.counsellor, 'Forgotten');
    expectStatus(await plan.counsellor.post(`/activities/${activity.body.id}/enrolments`, { residentId: enrolledLongAgo.id, startedOn: '2020-01-06' }), 201, 'enrol');
    expectStatus(await plan.counsellor.post(`/activities/${activity.body.id}/sessions`, { startsAt: new Date(Date.now() - 86_400_000).toISOString(), participantIds: [visitor.id] }), 201, 'session');
    for (const r of [enrolledLongAgo, visitor, forgotten]) await age(r.id);
    await owner.query(`UPDATE activity_enrolments SET created_at = $2, updated_at = $2 WHERE resident_id = $1`, [enrolledLongAgo.id, old]);
    await owner.query(`UPDATE activity_session_participants SET created_at = $2 WHERE resident_id = $1`, [visitor.id, old]);
    await t.app.get(RetentionService, { strict: false }).run();
    const erased = async (id: string) => (await owner.query(`SELECT erased_at FROM residents WHERE id = $1`, [id])).rows[0].erased_at !== null;
    expect(await erased(forgotten.id)).toBe(true);
    expect(await erased(enrolledLongAgo.id)).toBe(false);
    expect(await erased(visitor.id)).toBe(false);
  });
});
