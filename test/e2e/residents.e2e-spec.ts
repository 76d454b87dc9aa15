import { createPlan, expectStatus, registerResident, type PlanFixture, withPlan } from '../support/fixtures';
import { ownerDatabase } from '../support/owner-database';
import { type TestApp } from '../support/test-app';

describe('residents, named and anonymous', () => {
  let t: TestApp;
  let plan: PlanFixture;
  withPlan((world) => ({ t, plan } = world));
  const owner = ownerDatabase();

  it('gives an anonymous resident a pseudonym and no name, and finds them by it however it is typed', async () => {
    const anonymous = await registerResident(plan.counsellor, { housingAreaId: plan.areas.eligible, anonymous: true, birthYear: 1988, gender: 'male' });
    expect(anonymous.pseudonym).toMatch(/^[34679ACDEFGHJKMNPQRTWXY]{6}$/);
    expect(anonymous).not.toHaveProperty('firstName');
    expect(anonymous).not.toHaveProperty('phone');

    const typed = `${anonymous.pseudonym!.slice(0, 3).toLowerCase()}-${anonymous.pseudonym!.slice(3)}`;
    const found = await plan.counsellor.get(`/residents?pseudonym=${typed}`);
    expect(found.status).toBe(200);
    expect(found.body.items.map((r: { id: string }) => r.id)).toEqual([anonymous.id]);
  });

  it('refuses a name, birth date, phone or e-mail on an anonymous resident, naming every field', async () => {
    const res = await plan.counsellor.post('/residents', {
      housingAreaId: plan.areas.eligible,
      anonymous: true,
      firstName: 'Ali',
      birthDate: '1990-01-01',
      phone: '20304050',
    });
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['birthDate', 'firstName', 'phone']);
    const list = await plan.counsellor.get('/residents?q=Ali');
    expect(list.body.items).toHaveLength(0);
  });

  it('keeps an anonymous resident anonymous when edited', async () => {
    const anonymous = await registerResident(plan.counsellor, { housingAreaId: plan.areas.eligible, anonymous: true });
    const res = await plan.counsellor.patch(`/residents/${anonymous.id}`, { lastName: 'Hansen' });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].field).toBe('lastName');
    const ok = await plan.counsellor.patch(`/residents/${anonymous.id}`, { gender: 'female', housingAreaId: plan.areas.notEligible });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ anonymous: true, gender: 'female', housingAreaId: plan.areas.notEligible, pseudonym: anonymous.pseudonym });
  });

  it('finds a named resident by part of the name and records their guardians', async () => {
    const youth = await registerResident(plan.socialWorker, { housingAreaId: plan.areas.eligible, firstName: 'Yasmin', lastName: 'Khalil', birthDate: '2012-05-04', gender: 'female' });
    const guardian = await plan.socialWorker.post(`/residents/${youth.id}/guardians`, { name: 'Fatima Khalil', relation: 'mother', phone: '+45 20 30 40 51' });
    expect(guardian.status).toBe(201);
    const found = await plan.socialWorker.get('/residents?q=khal');
    expect(found.body.items.map((r: { id: string }) => r.id)).toContain(youth.id);
    const detail = await plan.socialWorker.get(`/residents/${youth.id}`);
    expect(detail.body).toMatchObject({ firstName: 'Yasmin', birthDate: '2012-05-04', birthYear: 2012 });
    expect(detail.body.guardians).toEqual([expect.objectContaining({ name: 'Fatima Khalil', relation: 'mother' })]);
  });

  it('refuses a guardian for an anonymous resident', async () => {
    const anonymous = await registerResident(plan.counsellor, { housingAreaId: plan.areas.eligible, anonymous: true });
    const res = await plan.counsellor.post(`/residents/${anonymous.id}/guardians`, { name: 'X', relation: 'father' });
    expect(res.status).toBe(422);
  });

  it('refuses a housing area of another plan and a birth date in the future', async () => {
    const other = await createPlan(t, 'Anden plan');
    const wrongArea = await plan.counsellor.post('/residents', { housingAreaId: other.areas.eligible, firstName: 'Per' });
    expect(wrongArea.status).toBe(422);
    expect(wrongArea.body.errors[0].field).toBe('housingAreaId');
    const future = await plan.counsellor.post('/residents', { housingAreaId: plan.areas.eligible, firstName: 'Per', birthDate: '2999-01-01' });
    expect(future.status).toBe(400);
    expect(future.body.errors[0].field).toBe('birthDate');
  });

  it('pages through residents with a cursor, newest first, without repeats', async () => {
    const fresh = await createPlan(t, 'Sideplan');
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1) ids.push((await registerResident(fresh.counsellor, { housingAreaId: fresh.areas.eligible, firstName: `Person${i}` })).id);
    const first = await fresh.counsellor.get('/residents?limit=2');
    const second = await fresh.counsellor.get(`/residents?limit=2&cursor=${first.body.nextCursor}`);
    const third = await fresh.counsellor.get(`/residents?limit=2&cursor=${second.body.nextCursor}`);
    const seen = [...first.body.items, ...second.body.items, ...third.body.items].map((r: { id: string }) => r.id);
    expect(seen).toEqual([...ids].reverse());
    expect(third.body.nextCursor).toBeNull();
    const bad = await fresh.counsellor.get('/residents?cursor=not-a-cursor');
    expect(bad.status).toBe(400);
    const tooMany = await fresh.counsellor.get('/residents?limit=500');
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.errors[0].field).toBe('limit');
  });

  it('refuses a change to a resident someone else changed since it was read, as stale_version', async () => {
    const registered = await plan.counsellor.post('/residents', { housingAreaId: plan.areas.eligible, firstName: 'Karen' });
    expectStatus(registered, 201, 'register');
    expect(registered.body.version).toBe(1);

    const first = await plan.counsellor.patch(`/residents/${registered.body.id}`, { lastName: 'Nielsen', version: 1 });
    expectStatus(first, 200, 'first edit');
    expect(first.body.version).toBe(2);

    const second = await plan.counsellor.patch(`/residents/${registered.body.id}`, { lastName: 'Larsen', version: 1 });
    expect(second.status).toBe(409);
    expect(second.body).toMatchObject({ code: 'stale_version', currentVersion: 2 });
    const now = await plan.counsellor.get(`/residents/${registered.body.id}`);
    expect(now.body).toMatchObject({ lastName: 'Nielsen', version: 2 });
  });

  it("registers nobody into another plan's housing area, and writes no audit event for the refusal", async () => {
    const other = await createPlan(t, 'Tredje plan');
    const before = await owner.count(`audit_events WHERE action = 'resident.registered' AND plan_id = $1`, [plan.planId]);
    const refused = await plan.counsellor.post('/residents', { housingAreaId: other.areas.eligible, firstName: 'Ingrid', lastName: 'Andenplan' });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('housing_area_not_in_plan');
    expect(await owner.count(`residents WHERE last_name = 'Andenplan'`, [])).toBe(0);
    expect(await owner.count(`audit_events WHERE action = 'resident.registered' AND plan_id = $1`, [plan.planId])).toBe(before);
    const registered = await plan.counsellor.post('/residents', { housingAreaId: plan.areas.eligible, firstName: 'Ingrid', lastName: 'Rigtigplan', birthDate: '1961-04-30' });
    expectStatus(registered, 201, 'register Ingrid');
    expect(registered.body).toMatchObject({ planId: plan.planId, firstName: 'Ingrid', birthDate: '1961-04-30', birthYear: 1961, version: 1 });
    expect(await owner.count(`audit_events WHERE action = 'resident.registered' AND resident_id = $1`, [registered.body.id])).toBe(1);
  });

  it('gives each refusal about a resident its own code', async () => {
    const anonymous = await registerResident(plan.counsellor, { housingAreaId: plan.areas.eligible, anonymous: true });
    const named = await plan.counsellor.patch(`/residents/${anonymous.id}`, { lastName: 'Hansen' });
    expect(named.status).toBe(400);
    expect(named.body.code).toBe('identity_not_allowed');
    const guardian = await plan.counsellor.post(`/residents/${anonymous.id}/guardians`, { name: 'Fatima', relation: 'mother' });
    expect(guardian.status).toBe(422);
    expect(guardian.body.code).toBe('anonymous_has_no_guardians');
    const elsewhere = await plan.counsellor.post('/residents', { housingAreaId: '00000000-0000-4000-8000-000000000000', firstName: 'Ib' });
    expect(elsewhere.status).toBe(422);
    expect(elsewhere.body.code).toBe('housing_area_not_in_plan');
  });
});
