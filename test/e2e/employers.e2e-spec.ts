import { DataSource } from 'typeorm';
import { EmployersRepository } from '../../src/employers/employers.repository';
import { createPlan, expectStatus, type Caller, type PlanFixture } from '../support/fixtures';
import { createTestApp, type TestApp } from '../support/test-app';

const NETTO = { name: 'Netto Ishøj Bycenter', sector: 'private', address: 'Ishøj Bycenter 18, 2635 Ishøj', contactName: 'Jonas Pedersen' };

async function registerEmployer(caller: Caller, body: object): Promise<{ id: string; cvr: string | null }> {
  const res = await caller.post('/employers', body);
  expectStatus(res, 201, 'register employer');
  return res.body;
}

describe('employers and their agreements', () => {
  let t: TestApp;
  let plan: PlanFixture;
  let otherPlan: PlanFixture;

  beforeAll(async () => {
    t = await createTestApp();
    plan = await createPlan(t, 'Vejleåparken');
    otherPlan = await createPlan(t, 'Gellerup');
  });
  afterAll(() => t.close());

  it('registers an employer with a valid CVR typed in groups and stores 8 digits', async () => {
    const res = await plan.socialWorker.post('/employers', { ...NETTO, cvr: '1015 0817', contactEmail: 'Ishoej@Netto.dk' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name: 'Netto Ishøj Bycenter', cvr: '10150817', sector: 'private', contactEmail: 'ishoej@netto.dk' });

    const read = await plan.socialWorker.get(`/employers/${res.body.id}`);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ id: res.body.id, cvr: '10150817', agreements: [] });
  });

  it('finds employers by part of the name, newest first, taking % literally', async () => {
    await registerEmployer(plan.socialWorker, { name: 'Ishøj Kommune, Rådhuset', sector: 'public' });
    const bakery = await registerEmployer(plan.socialWorker, { name: 'Bageriet i Vejleåparken', sector: 'private' });
    const found = await plan.socialWorker.get('/employers?q=vejleå');
    expect(found.status).toBe(200);
    expect(found.body.items.map((e: { id: string }) => e.id)).toEqual([bakery.id]);
    expect((await plan.socialWorker.get('/employers?q=%25')).body.items).toEqual([]);
  });

  it('refuses a CVR that fails the modulus-11 check, naming the field', async () => {
    const res = await plan.socialWorker.post('/employers', { ...NETTO, cvr: '10150816' });
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'cvr', message: expect.stringMatching(/modulus-11/) })]);
  });

  it('refuses a CVR of 7 digits or with letters, naming the field', async () => {
    for (const cvr of ['1015081', '1015O817']) {
      const res = await plan.socialWorker.post('/employers', { ...NETTO, cvr });
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain('cvr');
    }
  });

  it('a duplicate CVR in the plan is 409 but the same CVR in another plan is fine', async () => {
    const first = await registerEmployer(plan.socialWorker, { name: 'Rema 1000 Ishøj', sector: 'private', cvr: '29189706' });
    const again = await plan.socialWorker.post('/employers', { name: 'Rema 1000 Ishøj Strand', sector: 'private', cvr: '2918 9706' });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'duplicate_cvr', existingEmployerId: first.id });

    const elsewhere = await otherPlan.socialWorker.post('/employers', { name: 'Rema 1000 Gellerup', sector: 'private', cvr: '29189706' });
    expect(elsewhere.status).toBe(201);
  });

  it('registers the employer once when the same CVR is sent five times at once', async () => {
    const attempts = await Promise.all(
      Array.from({ length: 5 }, () => plan.socialWorker.post('/employers', { name: 'Salling Group Ishøj', sector: 'private', cvr: '30060946' })),
    );
    expect(attempts.filter((r) => r.status === 201)).toHaveLength(1);
    expect(attempts.filter((r) => r.status === 409)).toHaveLength(4);
  });

  it('refuses changing an employer to a CVR another employer of the plan has, but keeps its own', async () => {
    await registerEmployer(plan.socialWorker, { name: 'Lidl Ishøj', sector: 'private', cvr: '25313763' });
    const other = await registerEmployer(plan.socialWorker, { name: 'Føtex Ishøj', sector: 'private', cvr: '35954716' });
    const taken = await plan.socialWorker.patch(`/employers/${other.id}`, { cvr: '25313763', version: 1 });
    expect(taken.status).toBe(409);
    expect(taken.body.code).toBe('duplicate_cvr');

    const renamed = await plan.socialWorker.patch(`/employers/${other.id}`, { name: 'Føtex Ishøj Bycenter', cvr: '35954716', contactName: null, version: 1 });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: 'Føtex Ishøj Bycenter', cvr: '35954716', contactName: null, version: 2 });
    expect((await plan.socialWorker.patch(`/employers/${other.id}`, { name: null, version: 2 })).status).toBe(400);
  });

  it('refuses a change made on an employer read before another change (409 stale_version), and names the current version', async () => {
    const employer = await registerEmployer(plan.socialWorker, { name: 'Bilka Ishøj', sector: 'private' });
    expect(employer).toMatchObject({ version: 1 });
    const first = await plan.socialWorker.patch(`/employers/${employer.id}`, { contactName: 'Mette Holm', version: 1 });
    expect(first.body).toMatchObject({ contactName: 'Mette Holm', version: 2 });

    const stale = await plan.socialWorker.patch(`/employers/${employer.id}`, { contactName: 'Jens Berg', version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'stale_version', currentVersion: 2 });
    expect((await plan.socialWorker.get(`/employers/${employer.id}`)).body).toMatchObject({ contactName: 'Mette Holm', version: 2 });
    // api.md's body has no version: such a change applies to the employer as it is now.
    expect((await plan.socialWorker.patch(`/employers/${employer.id}`, { contactName: 'Jens Berg' })).body).toMatchObject({ contactName: 'Jens Berg', version: 3 });
  });

  it('answers a refused CVR with the code invalid_cvr and a refused agreement with agreement_rules_unmet', async () => {
    expect((await plan.socialWorker.post('/employers', { ...NETTO, cvr: '10150816' })).body.code).toBe('invalid_cvr');
    const employer = await registerEmployer(plan.socialWorker, { name: 'Ishøj Svømmehal', sector: 'public' });
    const future = await plan.socialWorker.post(`/employers/${employer.id}/agreements`, { signedAt: '2099-01-01', validFrom: '2099-01-01' });
    expect(future.body.code).toBe('agreement_rules_unmet');
  });

  it('shows an open-ended samarbejdsaftale as active today and one that has ended as not active', async () => {
    const employer = await registerEmployer(plan.socialWorker, { name: 'Ishøj Bibliotek', sector: 'public' });
    const ended = await plan.socialWorker.post(`/employers/${employer.id}/agreements`, { signedAt: '2024-01-10', validFrom: '2024-02-01', validTo: '2024-12-31', capacity: 2 });
    expect(ended.status).toBe(201);
    expect(ended.body).toMatchObject({ validTo: '2024-12-31', capacity: 2, active: false });
    const running = await plan.socialWorker.post(`/employers/${employer.id}/agreements`, { signedAt: '2025-01-15', validFrom: '2025-02-01' });
    expect(running.body).toMatchObject({ validTo: null, active: true });

    const read = await plan.leader.get(`/employers/${employer.id}`);
    expect(read.body.agreements.map((a: { validFrom: string; active: boolean }) => [a.validFrom, a.active])).toEqual([
      ['2024-02-01', false],
      ['2025-02-01', true],
    ]);
  });

  it('refuses an agreement that ends before it starts (422)', async () => {
    const employer = await registerEmployer(plan.socialWorker, { name: 'Café Bycenter', sector: 'private' });
    const res = await plan.socialWorker.post(`/employers/${employer.id}/agreements`, { signedAt: '2025-03-01', validFrom: '2025-04-01', validTo: '2025-03-31' });
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'validTo', rule: 'agreement_period' })]);
  });

  it('refuses an agreement signed in the future (422) and a day that does not exist (400)', async () => {
    const employer = await registerEmployer(plan.socialWorker, { name: 'Ishøj Idrætscenter', sector: 'public' });
    const future = await plan.socialWorker.post(`/employers/${employer.id}/agreements`, { signedAt: '2099-01-01', validFrom: '2099-01-01' });
    expect(future.status).toBe(422);
    expect(future.body.errors[0].field).toBe('signedAt');
    const impossible = await plan.socialWorker.post(`/employers/${employer.id}/agreements`, { signedAt: '2025-02-30', validFrom: '2025-03-01' });
    expect(impossible.status).toBe(400);
    expect(impossible.body.errors[0].field).toBe('signedAt');
  });

  it('tells the job-programme module whether an agreement covers a day, both ends included', async () => {
    const employer = await registerEmployer(plan.socialWorker, { name: 'Meny Ishøj', sector: 'private' });
    await plan.socialWorker.post(`/employers/${employer.id}/agreements`, { signedAt: '2025-05-20', validFrom: '2025-06-01', validTo: '2025-11-30' });
    const employers = t.app.get(EmployersRepository, { strict: false });
    const manager = t.app.get(DataSource).manager;
    const covers = (day: string) => employers.hasActiveAgreement(manager, plan, employer.id, day);
    expect([await covers('2025-05-31'), await covers('2025-06-01'), await covers('2025-11-30'), await covers('2025-12-01')]).toEqual([false, true, true, false]);
    expect(await employers.hasActiveAgreement(manager, otherPlan, employer.id, '2025-07-01')).toBe(false);
    expect((await employers.findOrNull(manager, plan, employer.id))?.name).toBe('Meny Ishøj');
    expect(await employers.findOrNull(manager, otherPlan, employer.id)).toBeNull();
  });

  it('the caseworker gets 403: the register is the plan staff\'s, not the municipality\'s', async () => {
    expect((await plan.caseworker.get('/employers')).status).toBe(403);
    expect((await plan.caseworker.post('/employers', NETTO)).status).toBe(403);
  });

  it("another plan's social worker gets 404 and does not see the employer in the list", async () => {
    const employer = await registerEmployer(plan.socialWorker, { name: 'Kvickly Ishøj', sector: 'private' });
    expect((await otherPlan.socialWorker.get(`/employers/${employer.id}`)).status).toBe(404);
    expect((await otherPlan.socialWorker.patch(`/employers/${employer.id}`, { name: 'Overtaget', version: 1 })).status).toBe(404);
    expect((await otherPlan.socialWorker.post(`/employers/${employer.id}/agreements`, { signedAt: '2025-01-01', validFrom: '2025-01-01' })).status).toBe(404);
    const list = await otherPlan.socialWorker.get('/employers?q=Kvickly');
    expect(list.body.items).toEqual([]);
  });

  it('the leader can read employers but not register or change them (403)', async () => {
    const employer = await registerEmployer(plan.socialWorker, { name: 'Skolekøkkenet Vibeholm', sector: 'public' });
    expect((await plan.leader.get('/employers')).status).toBe(200);
    expect((await plan.leader.get(`/employers/${employer.id}`)).status).toBe(200);
    expect((await plan.leader.post('/employers', NETTO)).status).toBe(403);
    expect((await plan.leader.patch(`/employers/${employer.id}`, { name: 'Nyt navn', version: 1 })).status).toBe(403);
    expect((await plan.leader.post(`/employers/${employer.id}/agreements`, { signedAt: '2025-01-01', validFrom: '2025-01-01' })).status).toBe(403);
  });
});
