import { randomBytes, randomUUID } from 'node:crypto';
import { API, createTestApp, type TestApp } from '../support/test-app';
import { addStaff, Caller, createPlan, expectStatus, openCase, registerResident, STAFF_PASSWORD, type PlanFixture } from '../support/fixtures';
import { ownerDatabase } from '../support/owner-database';

/** Retrying a POST with its Idempotency-Key (api.md conventions): the first answer again, never a second write. */
describe('a retried request with an Idempotency-Key', () => {
  let t: TestApp;
  let plan: PlanFixture;
  const owner = ownerDatabase();

  beforeAll(async () => {
    t = await createTestApp();
    plan = await createPlan(t, 'Gentagelser');
  });
  afterAll(() => t.close());

  const count = owner.count;
  const residentsNamed = (firstName: string) => count(`residents WHERE plan_id = $1 AND first_name = $2`, [plan.planId, firstName]);
  const contactsOf = (caseId: string) => count(`counselling_contacts WHERE case_id = $1`, [caseId]);
  const withKey = (caller: Caller, path: string, body: object, key: string) => caller.post(path, body).set('Idempotency-Key', key);

  it('registers a resident once when the same request is sent twice, and answers the second time with the first answer', async () => {
    const body = { housingAreaId: plan.areas.eligible, firstName: 'Helle', lastName: 'Jensen', gender: 'female', birthYear: 1979 };
    const key = randomUUID();
    const first = await withKey(plan.counsellor, '/residents', body, key);
    const retry = await withKey(plan.counsellor, '/residents', body, key);
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    expect(await residentsNamed('Helle')).toBe(1);
  });

  it('treats a body with its fields in another order as the same request', async () => {
    const key = randomUUID();
    const first = await withKey(plan.counsellor, '/residents', { housingAreaId: plan.areas.eligible, firstName: 'Malene', gender: 'female' }, key);
    const retry = await withKey(plan.counsellor, '/residents', { gender: 'female', firstName: 'Malene', housingAreaId: plan.areas.eligible }, key);
    expect(retry.status).toBe(201);
    expect(retry.body.id).toBe(first.body.id);
    expect(await residentsNamed('Malene')).toBe(1);
  });

  it('records a contact once when the counsellor retries it', async () => {
    const resident = await registerResident(plan.counsellor, { housingAreaId: plan.areas.eligible, firstName: 'Mohammed' });
    const debt = await openCase(plan.counsellor, { residentId: resident.id, topic: 'debt', form: 'appointment', openedAt: '2026-01-05T10:00:00+01:00' });
    const body = { occurredAt: '2026-01-19T09:30:00+01:00', channel: 'phone', durationMinutes: 20, note: 'Budget gennemgået' };
    const key = randomUUID();
    const first = await withKey(plan.counsellor, `/counselling-cases/${debt.id}/contacts`, body, key);
    const retry = await withKey(plan.counsellor, `/counselling-cases/${debt.id}/contacts`, body, key);
    expect(first.status).toBe(201);
    expect({ status: retry.status, body: retry.body }).toEqual({ status: 201, body: first.body });
    expect(await contactsOf(debt.id)).toBe(1);
  });

  it('answers a retried close with the first 200, not "already closed"', async () => {
    const resident = await registerResident(plan.counsellor, { housingAreaId: plan.areas.eligible, firstName: 'Karen' });
    const c = await openCase(plan.counsellor, { residentId: resident.id, topic: 'employment', form: 'job_cafe', openedAt: '2026-02-01T10:00:00+01:00' });
    const key = randomUUID();
    const body = { closedAt: '2026-02-10T10:00:00+01:00', outcome: 'CV skrevet' };
    const first = await withKey(plan.counsellor, `/counselling-cases/${c.id}/close`, body, key);
    const retry = await withKey(plan.counsellor, `/counselling-cases/${c.id}/close`, body, key);
    expect(first.status).toBe(200);
    expect({ status: retry.status, body: retry.body }).toEqual({ status: 200, body: first.body });
    expect(retry.body).toMatchObject({ status: 'closed', outcome: 'CV skrevet' });
  });

  it('queues one half-year report when the leader retries the request, and answers 202 again', async () => {
    const key = randomUUID();
    const first = await withKey(plan.leader, '/reports/half-year', { year: 2025, half: 2 }, key);
    const retry = await withKey(plan.leader, '/reports/half-year', { year: 2025, half: 2 }, key);
    expect(first.status).toBe(202);
    expect({ status: retry.status, body: retry.body }).toEqual({ status: 202, body: first.body });
    expect(await count(`half_year_reports WHERE plan_id = $1 AND year = 2025 AND half = 2`, [plan.planId])).toBe(1);
  });

  it('refuses the key with 422 for another body, and writes nothing', async () => {
    const key = randomUUID();
    const first = await withKey(plan.counsellor, '/residents', { housingAreaId: plan.areas.eligible, firstName: 'Sofie' }, key);
    expect(first.status).toBe(201);
    const other = await withKey(plan.counsellor, '/residents', { housingAreaId: plan.areas.eligible, firstName: 'Sofia' }, key);
    expect(other.status).toBe(422);
    expect(other.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(other.body.code).toBe('idempotency_key_reused');
    expect(other.body.errors[0].field).toBe('Idempotency-Key');
    expect(await residentsNamed('Sofia')).toBe(0);
  });

  it('refuses the key with 422 on another path, and writes nothing', async () => {
    const resident = await registerResident(plan.counsellor, { housingAreaId: plan.areas.eligible, firstName: 'Lars' });
    const one = await openCase(plan.counsellor, { residentId: resident.id, topic: 'health', form: 'outreach', openedAt: '2026-03-01T09:00:00+01:00' });
    const two = await openCase(plan.counsellor, { residentId: resident.id, topic: 'housing', form: 'outreach', openedAt: '2026-03-01T09:00:00+01:00' });
    const body = { occurredAt: '2026-03-02T09:00:00+01:00', channel: 'home_visit' };
    const key = randomUUID();
    expectStatus(await withKey(plan.counsellor, `/counselling-cases/${one.id}/contacts`, body, key), 201, 'first contact');
    const elsewhere = await withKey(plan.counsellor, `/counselling-cases/${two.id}/contacts`, body, key);
    expect(elsewhere.status).toBe(422);
    expect(elsewhere.body.code).toBe('idempotency_key_reused');
    expect(await contactsOf(two.id)).toBe(0);
  });

  it('writes one contact when ten copies of a request arrive at once: the others are told it is in progress, or get its answer', async () => {
    const resident = await registerResident(plan.counsellor, { housingAreaId: plan.areas.eligible, firstName: 'Omar' });
    const c = await openCase(plan.counsellor, { residentId: resident.id, topic: 'benefits', form: 'open_drop_in', openedAt: '2026-03-01T09:00:00+01:00' });
    const body = { occurredAt: '2026-03-03T11:00:00+01:00', channel: 'in_person' };
    const key = randomUUID();
    const answers = await Promise.all(Array.from({ length: 10 }, () => withKey(plan.counsellor, `/counselling-cases/${c.id}/contacts`, body, key)));
    const written = answers.filter((r) => r.status === 201);
    const inProgress = answers.filter((r) => r.status === 409);
    expect(written.length + inProgress.length).toBe(10);
    expect(written.length).toBeGreaterThanOrEqual(1);
    expect(new Set(written.map((r) => r.body.id)).size).toBe(1);
    for (const refused of inProgress) {
      expect(refused.body.code).toBe('idempotency_key_in_progress');
      expect(refused.headers['retry-after']).toBeDefined();
    }
    expect(await contactsOf(c.id)).toBe(1);
  });

  it("keeps keys apart per user: another counsellor's request with the same key is a request of its own", async () => {
    const colleague = await anotherCounsellor(t, plan);
    const body = { housingAreaId: plan.areas.eligible, firstName: 'Ib', gender: 'male' };
    const key = randomUUID();
    const mine = await withKey(plan.counsellor, '/residents', body, key);
    const theirs = await withKey(colleague, '/residents', body, key);
    expect(mine.status).toBe(201);
    expect(theirs.status).toBe(201);
    expect(theirs.headers['idempotent-replayed']).toBeUndefined();
    expect(theirs.body.id).not.toBe(mine.body.id);
    // Each retry answers with its own user's first answer.
    expect((await withKey(plan.counsellor, '/residents', body, key)).body.id).toBe(mine.body.id);
    expect((await withKey(colleague, '/residents', body, key)).body.id).toBe(theirs.body.id);
    expect(await residentsNamed('Ib')).toBe(2);
  });

  it('stores nothing for a refused request: once the case is reopened, the same key records the contact', async () => {
    const resident = await registerResident(plan.counsellor, { housingAreaId: plan.areas.eligible, firstName: 'Nadia' });
    const c = await openCase(plan.counsellor, { residentId: resident.id, topic: 'education', form: 'appointment', openedAt: '2026-01-10T09:00:00+01:00' });
    expectStatus(await plan.counsellor.post(`/counselling-cases/${c.id}/close`, { closedAt: '2026-01-20T09:00:00+01:00' }), 200, 'close');
    const body = { occurredAt: '2026-01-21T09:00:00+01:00', channel: 'phone' };
    const key = randomUUID();
    const refused = await withKey(plan.counsellor, `/counselling-cases/${c.id}/contacts`, body, key);
    expect(refused.status).toBe(409);
    expect(refused.body.code).not.toMatch(/^idempotency/);

    expectStatus(await plan.counsellor.post(`/counselling-cases/${c.id}/reopen`), 200, 'reopen');
    const recorded = await withKey(plan.counsellor, `/counselling-cases/${c.id}/contacts`, body, key);
    expect(recorded.status).toBe(201);
    expect(recorded.headers['idempotent-replayed']).toBeUndefined();
    const retry = await withKey(plan.counsellor, `/counselling-cases/${c.id}/contacts`, body, key);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body.id).toBe(recorded.body.id);
    expect(await contactsOf(c.id)).toBe(1);
  });

  it('forgets a key after 24 hours: the same request then writes again', async () => {
    const body = { housingAreaId: plan.areas.eligible, firstName: 'Gitte' };
    const key = randomUUID();
    const first = await withKey(plan.counsellor, '/residents', body, key);
    await owner.query(`UPDATE idempotency_keys SET created_at = now() - interval '24 hours 1 minute' WHERE key = $1`, [key]);
    const later = await withKey(plan.counsellor, '/residents', body, key);
    expect(later.status).toBe(201);
    expect(later.body.id).not.toBe(first.body.id);
    expect(await residentsNamed('Gitte')).toBe(2);
    // The new answer replaced the old one and counts for the next 24 hours.
    const retry = await withKey(plan.counsellor, '/residents', body, key);
    expect(retry.body.id).toBe(later.body.id);
  });

  it.each([
    ['256 characters', 'k'.repeat(256)],
    ['a control character', 'a\tb'],
    ['nothing', ''],
  ])('refuses a key of %s with 400 naming Idempotency-Key, and writes nothing', async (_label, key) => {
    const firstName = `Bo${randomBytes(3).toString('hex')}`;
    const res = await withKey(plan.counsellor, '/residents', { housingAreaId: plan.areas.eligible, firstName }, key);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('idempotency_key_invalid');
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'Idempotency-Key' })]);
    expect(await residentsNamed(firstName)).toBe(0);
  });

  it('accepts a key of 255 characters', async () => {
    const res = await withKey(plan.counsellor, '/residents', { housingAreaId: plan.areas.eligible, firstName: 'Tove' }, 'k'.repeat(255));
    expect(res.status).toBe(201);
  });

  it('ignores the key on sign-in, whose answers are tokens that are never stored: two logins give two sessions', async () => {
    const key = randomUUID();
    const signIn = () => t.http().post(`${API}/auth/login`).set('Idempotency-Key', key).send({ email: plan.counsellor.user.email, password: STAFF_PASSWORD });
    const first = await signIn();
    const second = await signIn();
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(second.headers['idempotent-replayed']).toBeUndefined();
    expect(second.body.refreshToken).not.toBe(first.body.refreshToken);
    expect(await count(`idempotency_keys WHERE key = $1`, [key])).toBe(0);
  });
});

/** A second counsellor in the plan, signed in. */
async function anotherCounsellor(t: TestApp, plan: PlanFixture): Promise<Caller> {
  return addStaff(t, plan, 'counsellor', { email: `counsellor-${randomBytes(4).toString('hex')}@test.dk`, name: 'Anden rådgiver' });
}
