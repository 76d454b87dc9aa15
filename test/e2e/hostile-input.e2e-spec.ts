import { createPlan, registerResident, type PlanFixture } from '../support/fixtures';
import { API, createTestApp, type TestApp } from '../support/test-app';

const PROBLEM_JSON = /^application\/problem\+json/;

/** Bad input gets a clear 4xx naming what is wrong, changes nothing, and never answers 500 (api.md conventions). */
describe('hostile input', () => {
  let t: TestApp;
  let plan: PlanFixture;
  let residentId: string;

  beforeAll(async () => {
    t = await createTestApp();
    plan = await createPlan(t, 'Fjendtlig');
    residentId = (await registerResident(plan.counsellor, { housingAreaId: plan.areas.eligible, firstName: 'Helle', lastName: 'Jensen' })).id;
  });
  afterAll(() => t.close());

  const rawPost = (path: string, body: string, contentType = 'application/json') =>
    t.http().post(API + path).set('Content-Type', contentType).send(body);

  describe('bodies that would cost the server', () => {
    it('refuses deeply nested arrays at the login without a token, quickly and with 400', async () => {
      const nested = `{"email":${'['.repeat(9000)}${']'.repeat(9000)},"password":"x"}`;
      const started = Date.now();
      const res = await rawPost('/auth/login', nested);
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(PROBLEM_JSON);
      expect(res.body.code).toBe('body_too_deep');
      expect(Date.now() - started).toBeLessThan(5000);
    });

    it('refuses deeply nested objects too', async () => {
      const res = await rawPost('/auth/login', `${'{"a":'.repeat(40)}1${'}'.repeat(40)}`);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('body_too_deep');
    });

    it('refuses a body of 600 KB with 413 before reading it as JSON', async () => {
      const res = await rawPost('/auth/login', JSON.stringify({ email: 'a@b.dk', password: 'x'.repeat(600 * 1024) }));
      expect(res.status).toBe(413);
      expect(res.body.code).toBe('payload_too_large');
    });

    it('keeps answering the health probe while large bodies arrive', async () => {
      const big = JSON.stringify({ email: 'a@b.dk', password: 'x'.repeat(600 * 1024) });
      const floods = Array.from({ length: 20 }, () => rawPost('/auth/login', big).then((r) => r.status));
      const started = Date.now();
      const live = await t.http().get('/health/live');
      expect(live.status).toBe(200);
      expect(Date.now() - started).toBeLessThan(2000);
      expect(new Set(await Promise.all(floods))).toEqual(new Set([413]));
    });
  });

  describe('bodies that are not a JSON object', () => {
    it.each([
      ['null', 'body_not_object'],
      ['[]', 'body_not_object'],
      ['"text"', 'body_not_object'],
      ['42', 'body_not_object'],
      ['{"email": ', 'malformed_body'],
    ])('refuses %s as a body with 400', async (body, code) => {
      const res = await rawPost('/residents', body).set('Authorization', `Bearer ${plan.counsellor.token}`);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe(code);
    });

    it('refuses JSON declared in another charset with 415 instead of misreading it', async () => {
      const res = await rawPost('/auth/login', '{"email":"a@b.dk","password":"x"}', 'application/json; charset=utf-16');
      expect(res.status).toBe(415);
      expect(res.headers['content-type']).toMatch(PROBLEM_JSON);
    });

    it('refuses another content type with 415', async () => {
      const res = await rawPost('/auth/login', 'email=a@b.dk&password=x', 'application/x-www-form-urlencoded');
      expect(res.status).toBe(415);
      expect(res.body.code).toBe('unsupported_media_type');
      const text = await rawPost('/auth/login', '{"email":"a@b.dk","password":"x"}', 'text/plain');
      expect(text.status).toBe(415);
    });
  });

  describe('strings and numbers no field has a use for', () => {
    it('refuses a NUL character in a name, naming the field', async () => {
      const res = await plan.counsellor.post('/residents', { housingAreaId: plan.areas.eligible, firstName: 'Hel\u0000le' });
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'firstName' })]);
    });

    it('refuses a NUL character in a search and in a cursor', async () => {
      expect((await plan.counsellor.get(`/residents?q=${encodeURIComponent('He\u0000')}`)).status).toBe(400);
      expect((await plan.counsellor.get(`/residents?cursor=${encodeURIComponent('abc\u0000')}`)).status).toBe(400);
    });

    it('refuses a cursor that decodes to a date no page can start at', async () => {
      const cursor = Buffer.from(JSON.stringify({ at: '-271821-04-20T00:00:00.000Z', id: residentId })).toString('base64url');
      const res = await plan.counsellor.get(`/residents?cursor=${cursor}`);
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'cursor' })]);
    });

    it('refuses a lone surrogate in the e-mail at login with 400, not 500', async () => {
      const res = await rawPost('/auth/login', '{"email":"a\\ud800b@test.dk","password":"whatever-password"}');
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'email' })]);
    });

    it('refuses a name of only white space, also invisible or non-breaking space', async () => {
      for (const firstName of ['   ', '\u00A0\u2003', '\u200B\uFEFF']) {
        const res = await plan.counsellor.post('/residents', { housingAreaId: plan.areas.eligible, firstName });
        expect([JSON.stringify(firstName), res.status, res.body.errors?.[0]?.field]).toEqual([JSON.stringify(firstName), 400, 'firstName']);
      }
    });

    it('refuses an instant that is not a real time instead of moving it (30 February, 24:00)', async () => {
      for (const openedAt of ['2026-02-30T10:00:00Z', '2026-03-02T24:00:00Z', '2026-03-02T10:60:00+01:00']) {
        const res = await plan.counsellor.post('/counselling-cases', { residentId, topic: 'housing', form: 'appointment', openedAt });
        expect([openedAt, res.status, res.body.errors?.[0]?.field]).toEqual([openedAt, 400, 'openedAt']);
      }
    });

    it('refuses null for a field that cannot be empty, on PATCH and on POST', async () => {
      const patch = await plan.counsellor.patch(`/residents/${residentId}`, { housingAreaId: null });
      expect(patch.status).toBe(400);
      expect(patch.body.errors).toEqual([expect.objectContaining({ field: 'housingAreaId' })]);
      const employer = await plan.socialWorker.post('/employers', { name: 'Netto', sector: 'private', cvr: null });
      expect(employer.status).toBe(400);
      expect(employer.body.errors).toEqual([expect.objectContaining({ field: 'cvr' })]);
    });

    it('still lets a counsellor clear a resident\'s phone number with null', async () => {
      const withPhone = await plan.counsellor.patch(`/residents/${residentId}`, { phone: '+45 20 30 40 50' });
      expect(withPhone.status).toBe(200);
      const cleared = await plan.counsellor.patch(`/residents/${residentId}`, { phone: null });
      expect(cleared.status).toBe(200);
      expect(cleared.body.phone).toBeNull();
    });

    it('refuses the number 5e-324', async () => {
      const res = await plan.leader.post('/indicators', { goal: 'Mål', indicator: 'Andel', unit: 'procent', dataSource: 'Egen registrering', baseline: 5e-324 });
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'baseline' })]);
    });

    it('refuses indicator values beyond any plan\'s numbers', async () => {
      for (const target of [1e308, -1e308]) {
        const res = await plan.leader.post('/indicators', { goal: 'Mål', indicator: 'Antal', unit: 'antal', dataSource: 'Egen registrering', target });
        expect([target, res.status]).toEqual([target, 400]);
      }
    });

    it('refuses dates in year 1 and year 9999', async () => {
      for (const birthDate of ['0001-01-01', '9999-12-31']) {
        const res = await plan.counsellor.post('/residents', { housingAreaId: plan.areas.eligible, firstName: 'Ali', birthDate });
        expect([birthDate, res.status, res.body.errors?.[0]?.field]).toEqual([birthDate, 400, 'birthDate']);
      }
      const instant = await plan.counsellor.post('/counselling-cases', { residentId, topic: 'debt', form: 'appointment', openedAt: '0001-01-01T00:00:00Z' });
      expect(instant.status).toBe(400);
    });

    it('answers a path with broken percent-encoding or an over-long id with problem+json', async () => {
      for (const path of ['/residents/%zz', '/residents/%ED%A0%80', `/residents/${'a'.repeat(5000)}`]) {
        const res = await plan.counsellor.get(path);
        expect([res.status < 500, res.headers['content-type']]).toEqual([true, expect.stringMatching(PROBLEM_JSON)]);
        expect(res.body.code).toEqual(expect.any(String));
      }
    });

    it('names a path parameter that is not an id', async () => {
      const res = await plan.counsellor.get('/residents/not-an-id');
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'id' })]);
    });
  });
});
