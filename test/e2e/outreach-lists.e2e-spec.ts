import { OutreachRetentionService } from '../../src/outreach/outreach-retention.service';
import { createPlan, expectStatus, openCase, withPlan, type PlanFixture } from '../support/fixtures';
import { ownerDatabase } from '../support/owner-database';
import type { TestApp } from '../support/test-app';

interface Person {
  id: string;
  name: string;
  residentId: string | null;
  attempts: { id: string; outcome: string; caseId: string | null }[];
}

const LIST = { name: 'Unge 18-25 uden kontakt, marts', source: 'Ishøj Kommune, Ungeindsatsen', legalBasis: 'Databehandleraftale af 1. februar 2026', retentionDays: 90 };

describe('door-to-door outreach lists (001_* Ishøj)', () => {
  let t: TestApp;
  let plan: PlanFixture;
  withPlan((world) => ({ t, plan } = world), 'Ishøj opsøgende');
  const owner = ownerDatabase();

  async function newList(extra: object = {}): Promise<{ id: string }> {
    const res = await plan.counsellor.post('/outreach-lists', { ...LIST, ...extra });
    expectStatus(res, 201, 'list');
    return res.body;
  }
  async function addPerson(listId: string, name = 'Amira Hassan', extra: object = {}): Promise<Person> {
    const res = await plan.counsellor.post(`/outreach-lists/${listId}/people`, { name, address: 'Vejleåparken 12, 2. th.', birthYear: 2004, ...extra });
    expectStatus(res, 201, 'person');
    return res.body;
  }
  const attempt = (listId: string, personId: string, body: object) => plan.counsellor.post(`/outreach-lists/${listId}/people/${personId}/attempts`, body);

  it('sets up a list with its legal basis and a short retention, as a counsellor or the leader', async () => {
    const res = await plan.counsellor.post('/outreach-lists', LIST);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ ...LIST, expired: false, peopleCount: 0, attemptCount: 0, namesDeletedAt: null });
    expect(new Date(res.body.retainedUntil).getTime() - new Date(res.body.createdAt).getTime()).toBe(90 * 86_400_000);
    expectStatus(await plan.leader.post('/outreach-lists', { ...LIST, retentionDays: 30 }), 201, 'leader list');
    expect(await owner.count(`audit_events WHERE entity_id = $1 AND action = 'outreach_list.created'`, [res.body.id])).toBe(1);
  });

  it('refuses a list without a legal basis, or kept longer than 180 days or less than one (400)', async () => {
    const { legalBasis: _, ...withoutBasis } = LIST;
    for (const body of [withoutBasis, { ...LIST, legalBasis: '' }, { ...LIST, retentionDays: 181 }, { ...LIST, retentionDays: 0 }, { ...LIST, retentionDays: 30.5 }]) {
      const res = await plan.counsellor.post('/outreach-lists', body);
      expect(res.status).toBe(400);
      expect(res.body.errors).toBeDefined();
    }
    expectStatus(await plan.counsellor.post('/outreach-lists', { ...LIST, retentionDays: 180 }), 201, '180 days');
  });

  it('adds people and shows them with their attempts to the counsellors only, auditing the read; the leader sees counts, no names', async () => {
    const list = await newList();
    const amira = await addPerson(list.id);
    expect(amira).toMatchObject({ name: 'Amira Hassan', address: 'Vejleåparken 12, 2. th.', birthYear: 2004, residentId: null, attempts: [] });
    expectStatus(await attempt(list.id, amira.id, { at: '2026-03-02T17:30:00+01:00', outcome: 'not_home' }), 201, 'not home');
    const read = await plan.counsellor.get(`/outreach-lists/${list.id}`);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ peopleCount: 1, attemptCount: 1, people: [{ id: amira.id, name: 'Amira Hassan', attempts: [{ outcome: 'not_home', caseId: null }] }] });
    expect(await owner.count(`audit_events WHERE entity_id = $1 AND action = 'outreach_list.read'`, [list.id])).toBe(1);

    const leaders = await plan.leader.get('/outreach-lists');
    expect(leaders.status).toBe(200);
    const mine = (leaders.body.items as { id: string }[]).find((l) => l.id === list.id);
    expect(mine).toMatchObject({ peopleCount: 1, attemptCount: 1 });
    expect(JSON.stringify(leaders.body)).not.toContain('Amira');
    expect((await plan.leader.get(`/outreach-lists/${list.id}`)).status).toBe(403);
    for (const who of [plan.socialWorker, plan.caseworker]) expect((await who.get('/outreach-lists')).status).toBe(403);
    expect((await plan.socialWorker.post(`/outreach-lists/${list.id}/people`, { name: 'X' })).status).toBe(403);
    expect((await plan.counsellor.post(`/outreach-lists/${list.id}/people`, { name: 'Y', birthYear: 2999 })).status).toBe(400);
  });

  it("keeps another plan's lists out of reach (404)", async () => {
    const list = await newList();
    const amira = await addPerson(list.id);
    const other = await createPlan(t, 'Anden plan');
    expect((await other.counsellor.get(`/outreach-lists/${list.id}`)).status).toBe(404);
    expect((await other.counsellor.post(`/outreach-lists/${list.id}/people`, { name: 'Z' })).status).toBe(404);
    expect((await other.counsellor.post(`/outreach-lists/${list.id}/people/${amira.id}/attempts`, { at: '2026-03-02T17:30:00+01:00', outcome: 'talked' })).status).toBe(404);
    expect(((await other.counsellor.get('/outreach-lists')).body.items as { id: string }[]).map((l) => l.id)).not.toContain(list.id);
  });

  it('records a talk at the door and opens a counselling case from it in one step: a counselling resident, a case on the topic, the talk as a home visit', async () => {
    const list = await newList();
    const amira = await addPerson(list.id, 'Amira Hassan Ali');
    const res = await attempt(list.id, amira.id, { at: '2026-03-02T17:30:00+01:00', outcome: 'talked', openCase: { topic: 'education', housingAreaId: plan.areas.eligible } });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ outcome: 'talked', caseId: expect.any(String), residentId: expect.any(String) });
    const resident = await plan.counsellor.get(`/residents/${res.body.residentId}`);
    expect(resident.body).toMatchObject({ compartment: 'counselling', firstName: 'Amira Hassan', lastName: 'Ali', birthYear: 2004, housingAreaId: plan.areas.eligible });
    const kase = await plan.counsellor.get(`/counselling-cases/${res.body.caseId}`);
    expect(kase.body).toMatchObject({ residentId: res.body.residentId, topic: 'education', form: 'outreach', status: 'open' });
    expect(kase.body.contacts).toEqual([expect.objectContaining({ channel: 'home_visit', occurredAt: '2026-03-02T16:30:00.000Z' })]);
    const read = await plan.counsellor.get(`/outreach-lists/${list.id}`);
    expect((read.body.people as Person[])[0]).toMatchObject({ residentId: res.body.residentId, attempts: [{ outcome: 'talked', caseId: res.body.caseId }] });
    expect(await owner.count(`audit_events WHERE resident_id = $1 AND action = 'outreach_person.read'`, [res.body.residentId])).toBe(1);
    expect(await owner.count(`audit_events WHERE resident_id = $1 AND action IN ('resident.registered', 'counselling_case.opened', 'outreach_attempt.recorded')`, [res.body.residentId])).toBe(3);

    const twice = await attempt(list.id, amira.id, { at: '2026-03-09T17:30:00+01:00', outcome: 'offer_accepted', openCase: { topic: 'employment', housingAreaId: plan.areas.eligible } });
    expect(twice.status).toBe(409);
    expect(twice.body).toMatchObject({ code: 'outreach_person_has_case', caseId: res.body.caseId, residentId: res.body.residentId });
  });

  it("puts the list's entry in the resident's copy, and the resident's erasure blanks the name and address on the list", async () => {
    const list = await newList();
    const amira = await addPerson(list.id, 'Amira Kopi');
    const talk = await attempt(list.id, amira.id, { at: '2026-03-02T17:30:00+01:00', outcome: 'offer_accepted', openCase: { topic: 'employment', housingAreaId: plan.areas.eligible } });
    expectStatus(talk, 201, 'talk');
    const copy = await plan.counsellor.get(`/residents/${talk.body.residentId}/export`);
    expect(copy.body.outreach).toEqual([
      expect.objectContaining({ list: LIST.name, legalBasis: LIST.legalBasis, name: 'Amira Kopi', address: 'Vejleåparken 12, 2. th.', attempts: [expect.objectContaining({ outcome: 'offer_accepted', outcomeLabel: 'Tog imod et tilbud' })] }),
    ]);
    expectStatus(await plan.counsellor.post(`/residents/${talk.body.residentId}/erase`, { reason: 'resident_request' }), 200, 'erase');
    const read = await plan.counsellor.get(`/outreach-lists/${list.id}`);
    expect((read.body.people as Person[]).find((p) => p.id === amira.id)).toMatchObject({ name: '[slettet]', address: null, birthYear: null, attempts: [expect.objectContaining({ outcome: 'offer_accepted' })] });
  });

  it('opens the case for a resident already registered when named, and leaves nothing behind when the case is refused', async () => {
    const list = await newList();
    const person = await addPerson(list.id, 'Sara Nielsen');
    const known = await plan.counsellor.post('/residents', { housingAreaId: plan.areas.eligible, firstName: 'Sara', lastName: 'Nielsen', birthYear: 2003 });
    expectStatus(known, 201, 'resident');
    await openCase(plan.counsellor, { residentId: known.body.id, topic: 'debt', form: 'appointment' });
    const refused = await attempt(list.id, person.id, { at: '2026-03-02T18:00:00+01:00', outcome: 'talked', openCase: { topic: 'debt', residentId: known.body.id } });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('duplicate_open_case');
    expect(await owner.count(`outreach_attempts WHERE person_id = $1`, [person.id])).toBe(0);
    const opened = await attempt(list.id, person.id, { at: '2026-03-02T18:00:00+01:00', outcome: 'offer_accepted', openCase: { topic: 'education', residentId: known.body.id } });
    expect(opened.status).toBe(201);
    expect(opened.body.residentId).toBe(known.body.id);
  });

  it('refuses a case from anything but a talk (422), a case without a housing area (400), an attempt in the future (422), and replays an idempotent attempt', async () => {
    const list = await newList();
    const omar = await addPerson(list.id, 'Omar Khan');
    const notHome = await attempt(list.id, omar.id, { at: '2026-03-02T17:30:00+01:00', outcome: 'not_home', openCase: { topic: 'education', housingAreaId: plan.areas.eligible } });
    expect(notHome.status).toBe(422);
    expect(notHome.body.code).toBe('outreach_case_needs_talk');
    expect((await attempt(list.id, omar.id, { at: '2026-03-02T17:30:00+01:00', outcome: 'talked', openCase: { topic: 'education' } })).status).toBe(400);
    const future = await attempt(list.id, omar.id, { at: new Date(Date.now() + 86_400_000).toISOString(), outcome: 'talked' });
    expect(future.status).toBe(422);
    expect(future.body.code).toBe('outreach_attempt_in_future');
    expect((await attempt(list.id, omar.id, { at: '2026-03-02T17:30:00+01:00', outcome: 'moved' })).status).toBe(400);

    const body = { at: '2026-03-03T17:30:00+01:00', outcome: 'talked', openCase: { topic: 'employment', housingAreaId: plan.areas.eligible } };
    const first = await plan.counsellor.post(`/outreach-lists/${list.id}/people/${omar.id}/attempts`, body).set('Idempotency-Key', 'door-omar-1');
    const replay = await plan.counsellor.post(`/outreach-lists/${list.id}/people/${omar.id}/attempts`, body).set('Idempotency-Key', 'door-omar-1');
    expect(first.status).toBe(201);
    expect(replay.status).toBe(201);
    expect(replay.body).toEqual(first.body);
    expect(await owner.count(`outreach_attempts WHERE person_id = $1`, [omar.id])).toBe(1);
    expect(await owner.count(`counselling_cases WHERE resident_id = $1`, [first.body.residentId])).toBe(1);
  });

  it('deletes the names and attempts of a list past its retention, keeps its counts, and takes nothing more on it', async () => {
    const old = await newList({ retentionDays: 30 });
    const fresh = await newList({ retentionDays: 30 });
    const amira = await addPerson(old.id, 'Amira Hassan');
    const bo = await addPerson(old.id, 'Bo Larsen');
    const talk = await attempt(old.id, amira.id, { at: '2026-06-30T23:30:00+02:00', outcome: 'talked', openCase: { topic: 'education', housingAreaId: plan.areas.eligible } });
    expectStatus(talk, 201, 'talk');
    expectStatus(await attempt(old.id, bo.id, { at: '2026-07-01T00:15:00+02:00', outcome: 'not_home' }), 201, 'not home');
    const freshPerson = await addPerson(fresh.id, 'Carla Jensen');
    // The old list was set up 31 days ago.
    await owner.query(`UPDATE outreach_lists SET created_at = now() - interval '31 days' WHERE id = $1`, [old.id]);

    const sweep = t.app.get(OutreachRetentionService, { strict: false });
    const run = await sweep.run(new Date());
    expect(run).toMatchObject({ lists: 1, people: 2, attempts: 2 });
    expect(await owner.count(`outreach_people WHERE list_id = $1`, [old.id])).toBe(0);
    expect(await owner.count(`outreach_attempts WHERE list_id = $1`, [old.id])).toBe(0);
    expect(await owner.count(`outreach_people WHERE id = $1`, [freshPerson.id])).toBe(1);
    // The counts per Danish day survive: 30 June and 1 July.
    expect((await owner.query(`SELECT day::text, outcome, attempts FROM outreach_attempt_tallies WHERE list_id = $1 ORDER BY day`, [old.id])).rows).toEqual([
      { day: '2026-06-30', outcome: 'talked', attempts: 1 },
      { day: '2026-07-01', outcome: 'not_home', attempts: 1 },
    ]);
    // The case opened at the door is the counselling compartment's now, under its own retention.
    expect(await owner.count(`counselling_cases WHERE id = $1`, [talk.body.caseId])).toBe(1);

    const read = await plan.counsellor.get(`/outreach-lists/${old.id}`);
    expect(read.body).toMatchObject({ expired: true, people: [], peopleCount: 0, attemptCount: 2, namesDeletedAt: expect.any(String) });
    expect(JSON.stringify(read.body)).not.toContain('Amira');
    const late = await plan.counsellor.post(`/outreach-lists/${old.id}/people`, { name: 'Dina' });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('outreach_list_expired');
    expect((await sweep.run(new Date())).lists).toBe(0);
  });
});
