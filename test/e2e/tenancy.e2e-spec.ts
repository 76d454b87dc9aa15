import type { Response } from 'supertest';
import { createPlan, openCase, registerResident, type Caller, type PlanFixture } from '../support/fixtures';
import { createTestApp, type TestApp } from '../support/test-app';

const PROBLEM_JSON = /^application\/problem\+json/;

function expectNotFound(res: Response, what: string) {
  if (res.status !== 404) throw new Error(`${what}: expected 404, got ${res.status} ${JSON.stringify(res.body)}`);
  expect(res.headers['content-type']).toMatch(PROBLEM_JSON);
  expect(res.body.status).toBe(404);
}

/** Every item of a list endpoint, following `nextCursor` to the end. */
async function everything<T>(caller: Caller, path: string): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const res = await caller.get(`${path}${sep}limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    items.push(...res.body.items);
    cursor = res.body.nextCursor;
  } while (cursor);
  return items;
}

describe('plans are separate tenants', () => {
  let t: TestApp;
  let a: PlanFixture;
  let b: PlanFixture;
  let helle: { id: string };
  let anonymous: { id: string; pseudonym?: string };
  let debtCase: { id: string };
  let anonymousCase: { id: string };
  let planAUserIds: string[];

  beforeAll(async () => {
    t = await createTestApp();
    a = await createPlan(t, 'Plan A');
    b = await createPlan(t, 'Plan B');

    helle = await registerResident(a.counsellor, { housingAreaId: a.areas.eligible, firstName: 'Helle', lastName: 'Tenantsen', gender: 'female', birthYear: 1979 });
    anonymous = await registerResident(a.counsellor, { housingAreaId: a.areas.notEligible, anonymous: true, gender: 'male', birthYear: 1990 });
    debtCase = await openCase(a.counsellor, { residentId: helle.id, topic: 'debt', form: 'appointment', openedAt: '2026-01-05T10:00:00+01:00' });
    anonymousCase = await openCase(a.counsellor, { residentId: anonymous.id, topic: 'benefits', form: 'open_drop_in', openedAt: '2026-01-06T10:00:00+01:00' });
    const contact = await a.counsellor.post(`/counselling-cases/${debtCase.id}/contacts`, { occurredAt: '2026-01-05T10:00:00+01:00', channel: 'in_person', note: 'Gennemgang af gæld' });
    expect(contact.status).toBe(201);
    // Plan A's people read their data, so plan A's audit log has reads as well as changes.
    expect((await a.counsellor.get(`/residents/${helle.id}`)).status).toBe(200);
    expect((await a.counsellor.get(`/counselling-cases/${debtCase.id}`)).status).toBe(200);
    planAUserIds = [a.leader, a.counsellor, a.socialWorker, a.caseworker, a.otherCaseworker].map((c) => c.user.id);
  });
  afterAll(() => t.close());

  it("shows plan A's counsellor their own residents and cases (so the checks below are not vacuous)", async () => {
    expect(anonymous.pseudonym).toEqual(expect.any(String));
    expect((await a.counsellor.get(`/residents/${anonymous.id}`)).status).toBe(200);
    expect((await a.counsellor.get(`/residents?pseudonym=${anonymous.pseudonym}`)).body.items.map((r: { id: string }) => r.id)).toEqual([anonymous.id]);
    expect((await a.counsellor.get(`/counselling-cases?residentId=${helle.id}`)).body.items).toHaveLength(1);
  });

  describe('a user of another plan gets 404 on every object', () => {
    it("cannot read or change plan A's named or anonymous resident", async () => {
      for (const resident of [helle, anonymous]) {
        expectNotFound(await b.counsellor.get(`/residents/${resident.id}`), 'GET resident');
        expectNotFound(await b.counsellor.patch(`/residents/${resident.id}`, { gender: 'other' }), 'PATCH resident');
        expectNotFound(await b.counsellor.patch(`/residents/${resident.id}`, { housingAreaId: b.areas.eligible }), 'PATCH resident into plan B');
        expectNotFound(await b.counsellor.post(`/residents/${resident.id}/guardians`, { name: 'Fatima Hassan', relation: 'mother' }), 'POST guardian');
        expectNotFound(await b.socialWorker.get(`/residents/${resident.id}`), 'GET resident as social worker');
      }
      const still = await a.counsellor.get(`/residents/${helle.id}`);
      expect(still.body).toMatchObject({ firstName: 'Helle', gender: 'female', housingAreaId: a.areas.eligible, guardians: [] });
      expect((await a.counsellor.get(`/residents/${anonymous.id}`)).body).toMatchObject({ gender: 'male', housingAreaId: a.areas.notEligible });
    });

    it("cannot read plan A's counselling cases or record anything in them", async () => {
      for (const c of [debtCase, anonymousCase]) {
        expectNotFound(await b.counsellor.get(`/counselling-cases/${c.id}`), 'GET case');
        expectNotFound(
          await b.counsellor.post(`/counselling-cases/${c.id}/contacts`, { occurredAt: '2026-01-20T10:00:00+01:00', channel: 'phone', note: 'fra plan B' }),
          'POST contact',
        );
        expectNotFound(await b.counsellor.post(`/counselling-cases/${c.id}/referrals`, { recipientName: 'Gældsrådgivningen', referredAt: '2026-01-20T11:00:00+01:00' }), 'POST referral');
        expectNotFound(await b.counsellor.post(`/counselling-cases/${c.id}/referrals`, { organisationId: b.organisations.jobcenter }), 'POST referral to B organisation');
        expectNotFound(await b.counsellor.post(`/counselling-cases/${c.id}/close`, { closedAt: '2026-01-21T10:00:00+01:00', outcome: 'lukket af plan B' }), 'POST close');
        // An open case would answer its own counsellor 409 ("already open"); another plan must not learn even that.
        expectNotFound(await b.counsellor.post(`/counselling-cases/${c.id}/reopen`), 'POST reopen');
      }
      const detail = await a.counsellor.get(`/counselling-cases/${debtCase.id}`);
      expect(detail.body).toMatchObject({ status: 'open', topic: 'debt' });
      expect(detail.body.contacts).toHaveLength(1);
      expect(detail.body.referrals).toHaveLength(0);
    });

    it("cannot reopen plan A's closed case", async () => {
      const family = await openCase(a.counsellor, { residentId: helle.id, topic: 'family', form: 'appointment', openedAt: '2026-01-07T10:00:00+01:00' });
      expect((await a.counsellor.post(`/counselling-cases/${family.id}/close`, { closedAt: '2026-01-08T10:00:00+01:00' })).status).toBe(200);
      expectNotFound(await b.counsellor.post(`/counselling-cases/${family.id}/reopen`), 'POST reopen of closed case');
      expect((await a.counsellor.get(`/counselling-cases/${family.id}`)).body.status).toBe('closed');
    });

    it("cannot open a counselling case for plan A's resident", async () => {
      for (const resident of [helle, anonymous]) {
        expectNotFound(await b.counsellor.post('/counselling-cases', { residentId: resident.id, topic: 'housing', form: 'open_drop_in' }), 'POST case');
      }
      expect((await a.counsellor.get(`/counselling-cases?residentId=${helle.id}&topic=housing`)).body.items).toHaveLength(0);
    });

    it("sees none of plan A's residents or cases in its lists, whatever it searches for", async () => {
      const residentLists = [
        '/residents',
        `/residents?pseudonym=${anonymous.pseudonym}`,
        `/residents?pseudonym=${anonymous.pseudonym!.toLowerCase()}`,
        '/residents?q=Helle',
        '/residents?q=Tenantsen',
        `/residents?housingAreaId=${a.areas.eligible}`,
      ];
      for (const path of residentLists) {
        const res = await b.counsellor.get(path);
        expect([path, res.status, res.body.items]).toEqual([path, 200, []]);
      }
      const caseLists = ['/counselling-cases', `/counselling-cases?residentId=${helle.id}`, `/counselling-cases?residentId=${anonymous.id}`, '/counselling-cases?topic=debt&status=open'];
      for (const path of caseLists) {
        const res = await b.counsellor.get(path);
        expect([path, res.status, res.body.items]).toEqual([path, 200, []]);
      }
    });

    it("lets plan B's leader add no user to plan A", async () => {
      const res = await b.leader.post(`/plans/${a.planId}/users`, { email: `intruder-${Date.now()}@test.dk`, name: 'Indtrænger', role: 'counsellor' });
      expectNotFound(res, 'POST user into plan A');
      expect((await a.leader.get('/users?limit=200')).body.items.map((u: { name: string }) => u.name)).not.toContain('Indtrænger');
    });

    it("lists only plan B's own housing areas, organisations and users", async () => {
      const areas = (await b.counsellor.get('/housing-areas')).body.items as { id: string; planId: string }[];
      expect(areas.map((x) => x.id).sort()).toEqual([b.areas.eligible, b.areas.notEligible].sort());
      expect(areas.every((x) => x.planId === b.planId)).toBe(true);

      const organisations = (await b.caseworker.get('/organisations')).body.items as { id: string; planId: string }[];
      expect(organisations.map((x) => x.id).sort()).toEqual(Object.values(b.organisations).sort());
      expect(organisations.every((x) => x.planId === b.planId)).toBe(true);

      const users = await everything<{ id: string; planId: string }>(b.leader, '/users');
      expect(users.length).toBeGreaterThanOrEqual(5);
      expect(users.every((u) => u.planId === b.planId)).toBe(true);
      expect(users.map((u) => u.id).filter((id) => planAUserIds.includes(id))).toEqual([]);
    });

    it("shows plan B's leader none of plan A's audit events, even when asking for them", async () => {
      const aResidents = [helle.id, anonymous.id];
      const aEvents = await everything<{ planId: string; residentId: string | null; actorId: string | null }>(a.leader, '/audit-events');
      expect(aEvents.some((e) => e.residentId === helle.id)).toBe(true);

      for (const path of ['/audit-events', `/audit-events?planId=${a.planId}`, `/audit-events?residentId=${helle.id}`, `/audit-events?actorId=${a.counsellor.user.id}`]) {
        const events = await everything<{ planId: string; residentId: string | null; actorId: string | null }>(b.leader, path);
        expect(events.filter((e) => e.planId !== b.planId)).toEqual([]);
        expect(events.filter((e) => (e.residentId && aResidents.includes(e.residentId)) || (e.actorId && planAUserIds.includes(e.actorId)))).toEqual([]);
      }
    });
  });

  describe("plan B cannot reach into plan A through its own data", () => {
    it("cannot file its own data under plan A's housing areas or organisations", async () => {
      const register = await b.counsellor.post('/residents', { housingAreaId: a.areas.eligible, firstName: 'Omar' });
      expect(register.status).toBe(422);
      expect(register.body.errors.map((e: { field: string }) => e.field)).toContain('housingAreaId');

      const omar = await registerResident(b.counsellor, { housingAreaId: b.areas.eligible, firstName: 'Omar' });
      const move = await b.counsellor.patch(`/residents/${omar.id}`, { housingAreaId: a.areas.eligible });
      expect(move.status).toBe(422);
      expect(move.body.errors.map((e: { field: string }) => e.field)).toContain('housingAreaId');

      const omarsCase = await openCase(b.counsellor, { residentId: omar.id, topic: 'debt', form: 'open_drop_in' });
      const referral = await b.counsellor.post(`/counselling-cases/${omarsCase.id}/referrals`, { organisationId: a.organisations.jobcenter });
      expect(referral.status).toBe(422);
      expect(referral.body.errors.map((e: { field: string }) => e.field)).toContain('organisationId');

      const caseworker = await b.leader.post(`/plans/${b.planId}/users`, {
        email: `cw-${Date.now()}@test.dk`,
        name: 'Sagsbehandler',
        role: 'caseworker',
        organisationId: a.organisations.jobcenter,
      });
      expect(caseworker.status).toBe(422);
      expect(caseworker.body.errors.map((e: { field: string }) => e.field)).toContain('organisationId');
    });

    it("does not offer plan B's own counselling topics in plan A", async () => {
      const added = await b.leader.post('/counselling-topics', { key: 'plan_b_pension', label: 'Pension (plan B)' });
      expect(added.status).toBe(201);
      const topicsOfA = (await a.counsellor.get('/counselling-topics')).body.items.map((x: { key: string }) => x.key);
      expect(topicsOfA).toContain('debt');
      expect(topicsOfA).not.toContain('plan_b_pension');
      const open = await a.counsellor.post('/counselling-cases', { residentId: helle.id, topic: 'plan_b_pension', form: 'open_drop_in' });
      expect(open.status).toBe(400);
      expect(open.body.errors.map((e: { field: string }) => e.field)).toContain('topic');
    });
  });
});
