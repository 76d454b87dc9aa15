import { randomBytes } from 'node:crypto';
import { createPlan, expectStatus, type Caller, type PlanFixture } from '../support/fixtures';
import { createTestApp, type TestApp } from '../support/test-app';

async function registerEmployer(caller: Caller, name: string, extra: object = {}): Promise<{ id: string; status: string; version: number }> {
  const res = await caller.post('/employers', { name: `${name} ${randomBytes(2).toString('hex')}`, sector: 'private', ...extra });
  expectStatus(res, 201, 'register employer');
  return res.body;
}

const ids = (res: { body: { items: { id: string }[] } }) => res.body.items.map((e) => e.id);

/** Issue 23 part 3: one employer register for the whole plan, kept by counsellors and social workers. */
describe('the plan\'s employer register', () => {
  let t: TestApp;
  let plan: PlanFixture;
  let otherPlan: PlanFixture;

  beforeAll(async () => {
    t = await createTestApp();
    plan = await createPlan(t, 'Virksomhedsregister');
    otherPlan = await createPlan(t, 'Andet register');
  });
  afterAll(() => t.close());

  describe('who keeps it', () => {
    it('lets the counsellor who records adults\' internships register, read and change employers', async () => {
      const bakery = await registerEmployer(plan.counsellor, 'Bageriet Vejleåparken');
      expect(bakery.status).toBe('prospect');
      expect(ids(await plan.counsellor.get('/employers?limit=200'))).toContain(bakery.id);
      const changed = await plan.counsellor.patch(`/employers/${bakery.id}`, { contactName: 'Mette Holm', version: 1 });
      expect(changed.status).toBe(200);
      expect(changed.body).toMatchObject({ contactName: 'Mette Holm', version: 2 });
      // The social worker sees the same register.
      expect((await plan.socialWorker.get(`/employers/${bakery.id}`)).body).toMatchObject({ contactName: 'Mette Holm' });
    });

    it('keeps the caseworker out of the register, its contacts, the network and the CSR prize (403)', async () => {
      const employer = await registerEmployer(plan.socialWorker, 'Rema 1000');
      const refused = [
        await plan.caseworker.get('/employers'),
        await plan.caseworker.get(`/employers/${employer.id}`),
        await plan.caseworker.post(`/employers/${employer.id}/contacts`, { at: '2026-03-02T10:00:00+01:00', kind: 'call' }),
        await plan.caseworker.get(`/employers/${employer.id}/contacts`),
        await plan.caseworker.post(`/employers/${employer.id}/network`, { from: '2026-01-01' }),
        await plan.caseworker.get('/csr-awards'),
      ];
      expect(refused.map((r) => r.status)).toEqual([403, 403, 403, 403, 403, 403]);
    });

    it('keeps agreements about youths with the social worker: the counsellor may not record one (403)', async () => {
      const employer = await registerEmployer(plan.counsellor, 'Føtex');
      expect((await plan.counsellor.post(`/employers/${employer.id}/agreements`, { signedAt: '2026-01-10', validFrom: '2026-02-01' })).status).toBe(403);
    });
  });

  describe('status', () => {
    it('lists only the employers with the status asked for', async () => {
      const prospect = await registerEmployer(plan.counsellor, 'Lidl');
      const inactive = await registerEmployer(plan.counsellor, 'Kiosken', { status: 'inactive' });
      const listed = async (status: string) => ids(await plan.counsellor.get(`/employers?status=${status}&limit=200`));
      expect(await listed('prospect')).toContain(prospect.id);
      expect(await listed('prospect')).not.toContain(inactive.id);
      expect(await listed('inactive')).toEqual(expect.arrayContaining([inactive.id]));
      expect((await listed('inactive')).includes(prospect.id)).toBe(false);
      expect((await plan.counsellor.get('/employers?status=sleeping')).status).toBe(400);
    });

    it('is set by PATCH with the version read, and a stale version is refused (409)', async () => {
      const employer = await registerEmployer(plan.socialWorker, 'Kvickly');
      const set = await plan.counsellor.patch(`/employers/${employer.id}`, { status: 'inactive', version: 1 });
      expect(set.body).toMatchObject({ status: 'inactive', version: 2 });
      const stale = await plan.socialWorker.patch(`/employers/${employer.id}`, { status: 'cooperating', version: 1 });
      expect(stale.status).toBe(409);
      expect(stale.body).toMatchObject({ code: 'stale_version', currentVersion: 2 });
      expect((await plan.counsellor.patch(`/employers/${employer.id}`, { status: 'asleep', version: 2 })).status).toBe(400);
    });

    it('becomes cooperating when the social worker records a cooperation agreement', async () => {
      const employer = await registerEmployer(plan.socialWorker, 'Meny');
      expectStatus(await plan.socialWorker.post(`/employers/${employer.id}/agreements`, { signedAt: '2026-01-10', validFrom: '2026-02-01' }), 201, 'agreement');
      expect((await plan.counsellor.get(`/employers/${employer.id}`)).body).toMatchObject({ status: 'cooperating', version: 2 });
    });
  });

  describe('the contact log', () => {
    it('moves a prospect to contacted when the counsellor logs a visit, and shows who was in touch', async () => {
      const employer = await registerEmployer(plan.counsellor, 'Netto');
      const visit = await plan.counsellor.post(`/employers/${employer.id}/contacts`, { at: '2026-03-02T10:30:00+01:00', kind: 'visit', note: 'Butikschefen vil høre mere om praktik' });
      expect(visit.status).toBe(201);
      expect(visit.body).toMatchObject({ kind: 'visit', recordedBy: plan.counsellor.user.id, employerStatus: 'contacted', employerVersion: 2 });
      expect((await plan.counsellor.get(`/employers/${employer.id}`)).body).toMatchObject({ status: 'contacted', version: 2 });

      await plan.socialWorker.post(`/employers/${employer.id}/contacts`, { at: '2026-04-01T09:00:00+02:00', kind: 'call' });
      const log = await plan.leader.get(`/employers/${employer.id}/contacts`);
      expect(log.status).toBe(200);
      expect(log.body.items.map((c: { kind: string; recordedBy: string }) => [c.kind, c.recordedBy])).toEqual([
        ['call', plan.socialWorker.user.id],
        ['visit', plan.counsellor.user.id],
      ]);
      expect(log.body.items[1]).toMatchObject({ note: 'Butikschefen vil høre mere om praktik', recordedByName: expect.any(String), at: '2026-03-02T09:30:00.000Z' });
    });

    it('leaves a cooperating or inactive employer\'s status as it is when a contact is logged', async () => {
      const employer = await registerEmployer(plan.counsellor, 'Bilka', { status: 'cooperating' });
      const call = await plan.counsellor.post(`/employers/${employer.id}/contacts`, { at: '2026-03-02T10:30:00+01:00', kind: 'call' });
      expect(call.body).toMatchObject({ employerStatus: 'cooperating', employerVersion: 1 });
    });

    it('refuses a contact in the future (422), an unknown kind, a missing time and a note over 500 characters (400)', async () => {
      const employer = await registerEmployer(plan.counsellor, 'Salling');
      const future = await plan.counsellor.post(`/employers/${employer.id}/contacts`, { at: '2099-01-01T10:00:00+01:00', kind: 'visit' });
      expect(future.status).toBe(422);
      expect(future.body.code).toBe('contact_in_future');
      const bad = [
        await plan.counsellor.post(`/employers/${employer.id}/contacts`, { at: '2026-03-02T10:30:00+01:00', kind: 'sms' }),
        await plan.counsellor.post(`/employers/${employer.id}/contacts`, { kind: 'visit' }),
        await plan.counsellor.post(`/employers/${employer.id}/contacts`, { at: '2026-03-02T10:30:00+01:00', kind: 'visit', note: 'x'.repeat(501) }),
        await plan.counsellor.post(`/employers/${employer.id}/contacts`, { at: '1899-03-02T10:30:00+01:00', kind: 'visit' }),
      ];
      expect(bad.map((r) => r.status)).toEqual([400, 400, 400, 400]);
      expect((await plan.counsellor.get(`/employers/${employer.id}`)).body.status).toBe('prospect');
    });

    it("answers another plan's employer as not found (404)", async () => {
      const employer = await registerEmployer(plan.counsellor, 'Coop 365');
      expect((await otherPlan.counsellor.post(`/employers/${employer.id}/contacts`, { at: '2026-03-02T10:30:00+01:00', kind: 'visit' })).status).toBe(404);
      expect((await otherPlan.counsellor.get(`/employers/${employer.id}/contacts`)).status).toBe(404);
    });
  });

  describe('the employer network', () => {
    it('adds an employer for a period, refuses an overlapping one (409) and lists the members', async () => {
      const employer = await registerEmployer(plan.socialWorker, 'Ishøj Kommune');
      const joined = await plan.socialWorker.post(`/employers/${employer.id}/network`, { from: '2026-01-01' });
      expect(joined.status).toBe(201);
      expect(joined.body).toMatchObject({ from: '2026-01-01', to: null, current: true });

      const overlapping = await plan.counsellor.post(`/employers/${employer.id}/network`, { from: '2025-06-01', to: '2026-01-01' });
      expect(overlapping.status).toBe(409);
      expect(overlapping.body).toMatchObject({ code: 'network_membership_overlaps', existingMembershipId: joined.body.id });
      // The day before is no overlap.
      expectStatus(await plan.counsellor.post(`/employers/${employer.id}/network`, { from: '2025-06-01', to: '2025-12-31' }), 201, 'earlier period');

      const outsider = await registerEmployer(plan.socialWorker, 'Ishøj Bycenter');
      const members = ids(await plan.counsellor.get('/employers?network=member&limit=200'));
      expect(members).toContain(employer.id);
      expect(members).not.toContain(outsider.id);
      const read = await plan.counsellor.get(`/employers/${employer.id}`);
      expect(read.body).toMatchObject({ networkMember: true });
      expect(read.body.network.map((m: { from: string }) => m.from)).toEqual(['2025-06-01', '2026-01-01']);
    });

    it('ends a membership once, not before it began, and then lists the employer no more', async () => {
      const employer = await registerEmployer(plan.counsellor, 'Ishøj Idrætscenter');
      const joined = await plan.counsellor.post(`/employers/${employer.id}/network`, { from: '2026-01-01' });
      const early = await plan.counsellor.post(`/employers/${employer.id}/network/${joined.body.id}/end`, { to: '2025-12-31' });
      expect(early.status).toBe(422);
      expect(early.body.code).toBe('network_period_unmet');
      const ended = await plan.counsellor.post(`/employers/${employer.id}/network/${joined.body.id}/end`, { to: '2026-03-31' });
      expect(ended.status).toBe(200);
      expect(ended.body).toMatchObject({ to: '2026-03-31', current: false });
      expect((await plan.counsellor.post(`/employers/${employer.id}/network/${joined.body.id}/end`, { to: '2026-04-30' })).body.code).toBe('network_membership_ended');
      expect(ids(await plan.counsellor.get('/employers?network=member&limit=200'))).not.toContain(employer.id);
    });

    it('refuses a period that ends before it begins (422)', async () => {
      const employer = await registerEmployer(plan.counsellor, 'Ishøj Havn');
      const res = await plan.counsellor.post(`/employers/${employer.id}/network`, { from: '2026-02-01', to: '2026-01-31' });
      expect(res.status).toBe(422);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'to' })]);
    });
  });

  describe('the CSR prize', () => {
    it('has one winner per plan and year: a second winner for the year is refused (409)', async () => {
      const winner = await registerEmployer(plan.counsellor, 'Danfoss');
      const nominee = await registerEmployer(plan.counsellor, 'Arla');
      const awarded = await plan.leader.post('/csr-awards', { year: 2025, employerId: winner.id, nominees: [nominee.id], reason: 'Seks praktikanter fra området' });
      expect(awarded.status).toBe(201);
      expect(awarded.body).toMatchObject({ year: 2025, employerId: winner.id, nominees: [winner.id, nominee.id] });

      const again = await plan.counsellor.post('/csr-awards', { year: 2025, employerId: nominee.id });
      expect(again.status).toBe(409);
      expect(again.body).toMatchObject({ code: 'csr_award_exists', existingAwardId: awarded.body.id });
      // Another plan gives its own prize for the same year.
      const elsewhere = await registerEmployer(otherPlan.counsellor, 'Grundfos');
      expect((await otherPlan.counsellor.post('/csr-awards', { year: 2025, employerId: elsewhere.id })).status).toBe(201);

      const list = await plan.socialWorker.get('/csr-awards');
      expect(list.body.items).toEqual([expect.objectContaining({ year: 2025, employerName: expect.stringContaining('Danfoss'), nomineeNames: [expect.stringContaining('Danfoss'), expect.stringContaining('Arla')] })]);
    });

    it('refuses a nominee of another plan (422), a winner of another plan (404) and a year not begun (422)', async () => {
      const winner = await registerEmployer(plan.counsellor, 'Novo');
      const foreign = await registerEmployer(otherPlan.counsellor, 'Lego');
      const nominee = await plan.counsellor.post('/csr-awards', { year: 2024, employerId: winner.id, nominees: [foreign.id] });
      expect(nominee.status).toBe(422);
      expect(nominee.body).toMatchObject({ code: 'unknown_employers', errors: [expect.objectContaining({ field: 'nominees[0]' })] });
      expect((await plan.counsellor.post('/csr-awards', { year: 2024, employerId: foreign.id })).status).toBe(404);
      const future = await plan.counsellor.post('/csr-awards', { year: new Date().getFullYear() + 1, employerId: winner.id });
      expect(future.status).toBe(422);
      expect(future.body.code).toBe('csr_year_unmet');
    });
  });

  describe('a network meeting', () => {
    it('records which of the plan\'s employers came, shows them with the session and counts them on the employer', async () => {
      const [a, b] = [await registerEmployer(plan.counsellor, 'Ishøj Tømrer'), await registerEmployer(plan.counsellor, 'Ishøj VVS')];
      const meeting = await plan.counsellor.post('/activities', { kind: 'network_meeting', name: 'Virksomhedsnetværk', startsOn: '2026-01-01' });
      expectStatus(meeting, 201, 'activity');
      const session = await plan.counsellor.post(`/activities/${meeting.body.id}/sessions`, { startsAt: '2026-03-10T16:00:00+01:00', headcount: { total: 3 }, employerIds: [a.id, b.id] });
      expect(session.status).toBe(201);
      expect(session.body.employers.map((e: { employerId: string }) => e.employerId)).toEqual([a.id, b.id]);

      const sessions = await plan.leader.get(`/activities/${meeting.body.id}/sessions`);
      expect(sessions.body.items[0].employers).toEqual(expect.arrayContaining([{ employerId: a.id, name: expect.stringContaining('Tømrer') }]));
      expect((await plan.socialWorker.get(`/employers/${a.id}`)).body.meetingsAttended).toBe(1);
    });

    it('refuses an employer that is not the plan\'s, naming it (422)', async () => {
      const mine = await registerEmployer(plan.counsellor, 'Ishøj Maler');
      const foreign = await registerEmployer(otherPlan.counsellor, 'Gellerup Maler');
      const meeting = await plan.counsellor.post('/activities', { kind: 'network_meeting', name: 'Netværksmøde', startsOn: '2026-01-01' });
      const res = await plan.counsellor.post(`/activities/${meeting.body.id}/sessions`, { startsAt: '2026-04-10T16:00:00+02:00', headcount: { total: 2 }, employerIds: [mine.id, foreign.id] });
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({ code: 'unknown_employers', errors: [expect.objectContaining({ field: 'employerIds[1]' })] });
      expect((await plan.counsellor.post(`/activities/${meeting.body.id}/sessions`, { startsAt: '2026-04-10T16:00:00+02:00', employerIds: ['not-an-id'] })).status).toBe(400);
    });
  });
});
