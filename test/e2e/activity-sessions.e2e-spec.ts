import { addStaff, Caller, expectStatus, registerResident, type PlanFixture, withPlan } from '../support/fixtures';
import { ownerDatabase } from '../support/owner-database';
import { type TestApp } from '../support/test-app';

describe('sessions of an activity and quick entry at the door', () => {
  let t: TestApp;
  let plan: PlanFixture;
  withPlan((world) => ({ t, plan } = world), 'Fremmøde');
  const owner = ownerDatabase();

  let workshop: string;
  let helle: { id: string };
  let anonymous: { id: string; pseudonym?: string };
  let youth: { id: string };
  let secondCounsellor: Caller;

  beforeAll(async () => {
    const res = await plan.counsellor.post('/activities', { kind: 'workshop', name: 'Skoleworkshop', startsOn: '2026-01-01', endsOn: '2026-12-31' });
    expectStatus(res, 201, 'workshop');
    workshop = res.body.id;
    helle = await registerResident(plan.counsellor, { housingAreaId: plan.areas.eligible, firstName: 'Helle', lastName: 'Jensen', gender: 'female' });
    anonymous = await registerResident(plan.counsellor, { housingAreaId: plan.areas.eligible, anonymous: true, birthYear: 1990 });
    youth = await registerResident(plan.socialWorker, { housingAreaId: plan.areas.eligible, firstName: 'Yasmin' });
    secondCounsellor = await addStaff(t, plan, 'counsellor', { email: `door-${plan.planId.slice(0, 8)}@test.dk`, name: 'Anden rådgiver' });
  });

  async function openCounselling(body: object = {}): Promise<string> {
    const res = await plan.counsellor.post('/activities', { kind: 'open_counselling', name: 'Åben Rådgivning', weeklySlots: [{ weekday: 1, start: '12:00', end: '17:00' }, { weekday: 2, start: '18:00', end: '23:59' }, { weekday: 4, start: '12:00', end: '17:00' }], ...body });
    expectStatus(res, 201, 'open counselling');
    return res.body.id;
  }

  it('records a workshop with 14 pupils, Helle and an anonymous resident named, and shows the names only to those who may see them', async () => {
    const res = await plan.counsellor.post(`/activities/${workshop}/sessions`, {
      startsAt: '2026-03-02T09:00:00+01:00',
      endsAt: '2026-03-02T11:00:00+01:00',
      headcount: { total: 14, women: 8, men: 6, youth: 12, adults: 2 },
      participantIds: [helle.id, anonymous.id],
      note: 'God stemning',
    });
    expect(res.status).toBe(201);
    expect(res.body.headcount).toEqual({ total: 14, women: 8, men: 6, youth: 12, adults: 2 });
    expect(res.body.participants.map((p: { name: string }) => p.name).sort()).toEqual(['Helle Jensen', anonymous.pseudonym].sort());
    expect(await owner.count(`audit_events WHERE action = 'activity_session.recorded' AND entity_id = $1`, [res.body.id])).toBe(2);

    const counsellor = await plan.counsellor.get(`/activities/${workshop}/sessions`);
    const mine = counsellor.body.items.find((s: { id: string }) => s.id === res.body.id);
    expect(mine.participants).toHaveLength(2);
    expect(mine.participantsWithheld).toBe(0);
    expect(await owner.count(`audit_events WHERE action = 'activity_session.listed' AND resident_id = $1`, [helle.id])).toBe(1);

    for (const outsider of [plan.leader, plan.socialWorker]) {
      const seen = (await outsider.get(`/activities/${workshop}/sessions`)).body.items.find((s: { id: string }) => s.id === res.body.id);
      expect(seen.headcount.total).toBe(14);
      expect(seen.participants).toEqual([]);
      expect(seen.participantsWithheld).toBe(2);
    }
    expect((await plan.caseworker.get(`/activities/${workshop}/sessions`)).status).toBe(403);
  });

  it("shows a session's note only to the staff of the compartment that recorded it, in the session's own read, never in the list", async () => {
    const res = await plan.counsellor.post(`/activities/${workshop}/sessions`, {
      startsAt: '2026-03-11T13:15:00+01:00',
      headcount: { total: 5 },
      participantIds: [helle.id],
      note: 'Helle var ked af det efter udsættelsesbrevet',
    });
    expectStatus(res, 201, 'session with a note');

    for (const reader of [plan.counsellor, plan.socialWorker, plan.leader]) {
      const listed = (await reader.get(`/activities/${workshop}/sessions`)).body.items.find((s: { id: string }) => s.id === res.body.id);
      expect(listed).not.toHaveProperty('note');
    }
    const own = await secondCounsellor.get(`/activities/${workshop}/sessions/${res.body.id}`);
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ id: res.body.id, note: 'Helle var ked af det efter udsættelsesbrevet', noteShared: true, participants: [{ residentId: helle.id, name: 'Helle Jensen' }] });
    const other = await plan.socialWorker.get(`/activities/${workshop}/sessions/${res.body.id}`);
    expect(other.status).toBe(200);
    expect(other.body).toMatchObject({ note: null, noteShared: false, participants: [], participantsWithheld: 1 });
    expect((await plan.leader.get(`/activities/${workshop}/sessions/${res.body.id}`)).status).toBe(403);
    expect((await plan.counsellor.get(`/activities/${workshop}/sessions/00000000-0000-4000-8000-000000000000`)).status).toBe(404);
  });

  it('takes the named participants as the head count when none is given', async () => {
    const res = await plan.counsellor.post(`/activities/${workshop}/sessions`, { startsAt: '2026-03-09T09:00:00+01:00', participantIds: [helle.id] });
    expect(res.status).toBe(201);
    expect(res.body.headcount).toEqual({ total: 1, women: null, men: null, youth: null, adults: null });
  });

  it('refuses breakdowns above the total and a total below the named participants', async () => {
    const gender = await plan.counsellor.post(`/activities/${workshop}/sessions`, { startsAt: '2026-03-16T09:00:00+01:00', headcount: { total: 10, women: 6, men: 5 } });
    expect(gender.status).toBe(422);
    expect(gender.body.code).toBe('headcount_unmet');
    const age = await plan.counsellor.post(`/activities/${workshop}/sessions`, { startsAt: '2026-03-16T09:00:00+01:00', headcount: { total: 3, youth: 2, adults: 2 } });
    expect(age.body.errors.map((e: { rule: string }) => e.rule)).toEqual(['age_within_total']);
    const named = await plan.counsellor.post(`/activities/${workshop}/sessions`, { startsAt: '2026-03-16T09:00:00+01:00', headcount: { total: 1 }, participantIds: [helle.id, anonymous.id] });
    expect(named.body.errors.map((e: { rule: string }) => e.rule)).toEqual(['total_covers_participants']);
    expect((await plan.counsellor.post(`/activities/${workshop}/sessions`, { startsAt: '2026-03-16T09:00:00+01:00', headcount: { total: -1 } })).status).toBe(400);
  });

  it("refuses a participant outside the caller's compartment as missing, and an erased one with resident_erased", async () => {
    const social = await plan.counsellor.post(`/activities/${workshop}/sessions`, { startsAt: '2026-03-23T09:00:00+01:00', headcount: { total: 5 }, participantIds: [youth.id] });
    expect(social.status).toBe(404);
    const unknown = await plan.counsellor.post(`/activities/${workshop}/sessions`, { startsAt: '2026-03-23T09:00:00+01:00', participantIds: ['00000000-0000-4000-8000-000000000000'] });
    expect(unknown.status).toBe(404);
    const gone = await registerResident(plan.counsellor, { housingAreaId: plan.areas.eligible, firstName: 'Gone' });
    expectStatus(await plan.counsellor.post(`/residents/${gone.id}/erase`, { reason: 'resident_request' }), 200, 'erase');
    const erased = await plan.counsellor.post(`/activities/${workshop}/sessions`, { startsAt: '2026-03-23T09:00:00+01:00', headcount: { total: 5 }, participantIds: [gone.id] });
    expect(erased.status).toBe(409);
    expect(erased.body.code).toBe('resident_erased');
    expect(await owner.count(`activity_sessions WHERE activity_id = $1 AND starts_at = '2026-03-23T08:00:00Z'`, [workshop])).toBe(0);
    // The social worker names their own youth.
    expect((await plan.socialWorker.post(`/activities/${workshop}/sessions`, { startsAt: '2026-03-23T09:00:00+01:00', headcount: { total: 5 }, participantIds: [youth.id] })).status).toBe(201);
  });

  it("refuses a session outside the activity's dates and a second session at the same start", async () => {
    const outside = await plan.counsellor.post(`/activities/${workshop}/sessions`, { startsAt: '2027-01-01T00:30:00+01:00', headcount: { total: 2 } });
    expect(outside.status).toBe(422);
    expect(outside.body.code).toBe('activity_dates_unmet');
    // 23:30 on 31 December Danish time is still in the activity's year.
    expect((await plan.counsellor.post(`/activities/${workshop}/sessions`, { startsAt: '2026-12-31T22:30:00Z', headcount: { total: 2 } })).status).toBe(201);
    const first = await plan.counsellor.post(`/activities/${workshop}/sessions`, { startsAt: '2026-04-13T09:00:00+02:00', headcount: { total: 2 } });
    const again = await plan.counsellor.post(`/activities/${workshop}/sessions`, { startsAt: '2026-04-13T07:00:00Z', headcount: { total: 4 } });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'session_exists', existingSessionId: first.body.id });
    expect((await plan.leader.post(`/activities/${workshop}/sessions`, { startsAt: '2026-04-20T09:00:00+02:00', headcount: { total: 2 } })).status).toBe(403);
  });

  it('puts a visitor at 23:30 on 30 June Danish time in the Tuesday evening slot of 30 June', async () => {
    const activity = await openCounselling();
    const res = await plan.counsellor.post(`/activities/${activity}/visits`, { at: '2026-06-30T23:30:00+02:00', gender: 'female', ageGroup: 'adult' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ startsAt: '2026-06-30T16:00:00.000Z', endsAt: '2026-06-30T21:59:00.000Z', headcount: { total: 1, women: 1, men: null, youth: null, adults: 1 } });
  });

  it('refuses a visit outside every weekly slot, and one in the future', async () => {
    const activity = await openCounselling();
    const wednesday = await plan.counsellor.post(`/activities/${activity}/visits`, { at: '2026-03-04T13:00:00+01:00' });
    expect(wednesday.status).toBe(422);
    expect(wednesday.body.code).toBe('visit_outside_slots');
    const early = await plan.counsellor.post(`/activities/${activity}/visits`, { at: '2026-03-02T11:59:00+01:00' });
    expect(early.body.code).toBe('visit_outside_slots');
    const tomorrow = await plan.counsellor.post(`/activities/${activity}/visits`, { at: new Date(Date.now() + 86_400_000).toISOString() });
    expect(tomorrow.status).toBe(422);
    expect(tomorrow.body.code).toBe('visit_in_future');
    expect(await owner.count('activity_sessions WHERE activity_id = $1', [activity])).toBe(0);
  });

  it('counts every one of 12 visitors recorded by two counsellors at the same door in the same second', async () => {
    const activity = await openCounselling();
    const at = '2026-03-02T12:30:00+01:00';
    const visits = await Promise.all(Array.from({ length: 12 }, (_, i) => (i % 2 ? secondCounsellor : plan.counsellor).post(`/activities/${activity}/visits`, { at, gender: i < 7 ? 'female' : 'male', ageGroup: i < 3 ? 'youth' : 'adult' })));
    expect(visits.map((v) => v.status)).toEqual(Array(12).fill(201));
    expect(new Set(visits.map((v) => v.body.sessionId)).size).toBe(1);
    const sessions = await plan.counsellor.get(`/activities/${activity}/sessions`);
    expect(sessions.body.items).toHaveLength(1);
    expect(sessions.body.items[0].headcount).toEqual({ total: 12, women: 7, men: 5, youth: 3, adults: 9 });
  });

  it('counts a visit once when the tablet at the door sends it again with the same Idempotency-Key', async () => {
    const activity = await openCounselling();
    const send = () => plan.counsellor.post(`/activities/${activity}/visits`, { at: '2026-03-03T19:00:00+01:00', gender: 'male' }).set('Idempotency-Key', `door-${activity}`);
    const first = await send();
    const retry = await send();
    expect([first.status, retry.status]).toEqual([201, 201]);
    expect(retry.body).toEqual(first.body);
    expect((await plan.counsellor.get(`/activities/${activity}/sessions`)).body.items[0].headcount).toMatchObject({ total: 1, men: 1 });
  });

  it('adds a named visitor to the head count and the participants, and refuses one out of reach', async () => {
    const activity = await openCounselling();
    expect((await plan.counsellor.post(`/activities/${activity}/visits`, { at: '2026-03-05T12:10:00+01:00' })).status).toBe(201);
    const named = await plan.counsellor.post(`/activities/${activity}/visits`, { at: '2026-03-05T16:55:00+01:00', residentId: helle.id });
    expect(named.body.headcount.total).toBe(2);
    const sessions = await plan.counsellor.get(`/activities/${activity}/sessions`);
    expect(sessions.body.items[0].participants).toEqual([{ residentId: helle.id, name: 'Helle Jensen' }]);
    expect((await plan.counsellor.post(`/activities/${activity}/visits`, { at: '2026-03-05T13:00:00+01:00', residentId: youth.id })).status).toBe(404);
    expect((await plan.caseworker.post(`/activities/${activity}/visits`, { at: '2026-03-05T13:00:00+01:00' })).status).toBe(403);
    // A time without an offset is Danish time; one the clocks skip in spring is no time at all.
    expect((await plan.counsellor.post(`/activities/${activity}/visits`, { at: '2026-03-29T02:30:00' })).status).toBe(400);
  });

  it("refuses a visit on a day outside the activity's dates", async () => {
    const activity = await openCounselling({ startsOn: '2026-09-01' });
    const res = await plan.counsellor.post(`/activities/${activity}/visits`, { at: '2026-03-02T12:30:00+01:00' });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('activity_dates_unmet');
  });

  it('pages sessions latest first', async () => {
    const first = await plan.counsellor.get(`/activities/${workshop}/sessions?limit=2`);
    expect(first.body.items).toHaveLength(2);
    expect(new Date(first.body.items[0].startsAt) >= new Date(first.body.items[1].startsAt)).toBe(true);
    const next = await plan.counsellor.get(`/activities/${workshop}/sessions?limit=2&cursor=${first.body.nextCursor}`);
    expect(next.status).toBe(200);
    expect(next.body.items.map((s: { id: string }) => s.id)).not.toContain(first.body.items[0].id);
  });
});
