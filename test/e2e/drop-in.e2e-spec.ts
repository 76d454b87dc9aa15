import { Caller, createPlan, expectStatus, openCase, registerResident, type PlanFixture, withPlan } from '../support/fixtures';
import { ownerDatabase } from '../support/owner-database';
import { completedReport } from '../support/reports';
import { type TestApp } from '../support/test-app';

/** Quick entry at the drop-in (issue 12, part 9): the conversation that just happened is recorded with its case, in Danish time. */
describe('quick entry at the drop-in', () => {
  let t: TestApp;
  let plan: PlanFixture;
  withPlan((world) => ({ t, plan } = world));
  const owner = ownerDatabase();

  const named = (firstName: string) => registerResident(plan.counsellor, { housingAreaId: plan.areas.eligible, firstName });
  const contactsOf = (caseId: string) => owner.count(`counselling_contacts WHERE case_id = $1`, [caseId]);

  describe('opening a case with its first contact', () => {
    it("records Fatima's case and the conversation it was opened for in one call, both audited", async () => {
      const fatima = await named('Fatima');
      const res = await plan.counsellor.post('/counselling-cases', {
        residentId: fatima.id, topic: 'debt', form: 'open_drop_in', firstContact: { channel: 'in_person', durationMinutes: 20, note: 'Rykker fra SKAT' },
      });
      expectStatus(res, 201, 'open with first contact');
      expect(res.body.firstContact).toMatchObject({ caseId: res.body.id, channel: 'in_person', durationMinutes: 20, note: 'Rykker fra SKAT', occurredAt: res.body.openedAt });
      const events = await owner.query(`SELECT action, entity_id FROM audit_events WHERE resident_id = $1 AND action <> 'resident.registered' ORDER BY action`, [fatima.id]);
      expect(events.rows).toEqual([
        { action: 'counselling_case.opened', entity_id: res.body.id },
        { action: 'counselling_contact.recorded', entity_id: res.body.firstContact.id },
      ]);
      const detail = await plan.counsellor.get(`/counselling-cases/${res.body.id}`);
      expect(detail.body.contacts.map((c: { id: string }) => c.id)).toEqual([res.body.firstContact.id]);
    });

    it('opens the case when the conversation happened, when only the conversation has a time', async () => {
      const omar = await named('Omar');
      const res = await plan.counsellor.post('/counselling-cases', { residentId: omar.id, topic: 'benefits', form: 'open_drop_in', firstContact: { occurredAt: '2026-03-05T09:40', channel: 'in_person' } });
      expectStatus(res, 201, 'open');
      expect(res.body.openedAt).toBe('2026-03-05T08:40:00.000Z');
      expect(res.body.firstContact.occurredAt).toBe('2026-03-05T08:40:00.000Z');
    });

    it('answers a case opened without a first contact with firstContact null', async () => {
      const res = await plan.counsellor.post('/counselling-cases', { residentId: (await named('Pia')).id, topic: 'housing', form: 'appointment' });
      expectStatus(res, 201, 'open');
      expect(res.body.firstContact).toBeNull();
    });

    it('keeps neither the case nor the contact when the contact is refused', async () => {
      const ali = await named('Ali');
      const dayBefore = await plan.counsellor.post('/counselling-cases', {
        residentId: ali.id, topic: 'family', form: 'open_drop_in', openedAt: '2026-03-05T10:00+01:00', firstContact: { occurredAt: '2026-03-04T16:00+01:00', channel: 'phone' },
      });
      expect(dayBefore.status).toBe(422);
      expect(dayBefore.body.errors).toEqual([expect.objectContaining({ field: 'firstContact.occurredAt', rule: 'not_before_case_opened' })]);
      const badChannel = await plan.counsellor.post('/counselling-cases', { residentId: ali.id, topic: 'family', form: 'open_drop_in', firstContact: { channel: 'pigeon' } });
      expect(badChannel.status).toBe(400);
      const unknownField = await plan.counsellor.post('/counselling-cases', { residentId: ali.id, topic: 'family', form: 'open_drop_in', firstContact: { channel: 'phone', cpr: '010101-1234' } });
      expect(unknownField.status).toBe(400);
      const notAnObject = await plan.counsellor.post('/counselling-cases', { residentId: ali.id, topic: 'family', form: 'open_drop_in', firstContact: 'phone' });
      expect(notAnObject.status).toBe(400);
      expect(await owner.count(`counselling_cases WHERE resident_id = $1`, [ali.id])).toBe(0);
      expect(await owner.count(`audit_events WHERE resident_id = $1 AND action <> 'resident.registered'`, [ali.id])).toBe(0);
    });

    it('refuses a second open case on the topic with its contact, and keeps the contact out of the existing case', async () => {
      const mette = await named('Mette');
      const first = await openCase(plan.counsellor, { residentId: mette.id, topic: 'debt', form: 'open_drop_in' });
      const second = await plan.counsellor.post('/counselling-cases', { residentId: mette.id, topic: 'debt', form: 'open_drop_in', firstContact: { channel: 'in_person' } });
      expect(second.status).toBe(409);
      expect(second.body).toMatchObject({ code: 'duplicate_open_case', existingCaseId: first.id });
      expect(await contactsOf(first.id)).toBe(0);
    });

    it('opens one case with one contact when the same opening is retried with its Idempotency-Key', async () => {
      const yusuf = await named('Yusuf');
      const body = { residentId: yusuf.id, topic: 'employment', form: 'open_drop_in', firstContact: { channel: 'in_person', durationMinutes: 10 } };
      const first = await plan.counsellor.post('/counselling-cases', body).set('Idempotency-Key', `drop-in-${yusuf.id}`);
      const again = await plan.counsellor.post('/counselling-cases', body).set('Idempotency-Key', `drop-in-${yusuf.id}`);
      expectStatus(first, 201, 'first');
      expect(again.status).toBe(201);
      expect(again.body).toEqual(first.body);
      expect(await owner.count(`counselling_cases WHERE resident_id = $1`, [yusuf.id])).toBe(1);
      expect(await contactsOf(first.body.id)).toBe(1);
    });

    it('is for counsellors only, and only for residents of their own plan', async () => {
      const aisha = await named('Aisha');
      const body = { residentId: aisha.id, topic: 'health', form: 'open_drop_in', firstContact: { channel: 'in_person' } };
      for (const caller of [plan.socialWorker, plan.caseworker, plan.leader]) expect((await caller.post('/counselling-cases', body)).status).toBe(403);
      const other = await createPlan(t, 'Anden plan');
      const elsewhere = await other.counsellor.post('/counselling-cases', body);
      expect(elsewhere.status).toBe(404);
      expect(await owner.count(`counselling_cases WHERE resident_id = $1`, [aisha.id])).toBe(0);
    });

    it("refuses a case with a first contact on an erased resident's record", async () => {
      const jens = await named('Jens');
      expectStatus(await plan.counsellor.post(`/residents/${jens.id}/erase`, { reason: 'resident_request' }), 200, 'erase');
      const res = await plan.counsellor.post('/counselling-cases', { residentId: jens.id, topic: 'debt', form: 'open_drop_in', firstContact: { channel: 'in_person' } });
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('resident_erased');
    });
  });

  describe('a contact a few minutes before its case was opened', () => {
    const contact = (caseId: string, occurredAt: string) => plan.counsellor.post(`/counselling-cases/${caseId}/contacts`, { occurredAt, channel: 'in_person' });

    it('accepts the conversation at 09:58 for a case opened at 10:00 the same day, and refuses one the day before', async () => {
      const c = await openCase(plan.counsellor, { residentId: (await named('Hanne')).id, topic: 'debt', form: 'open_drop_in', openedAt: '2026-03-05T10:00+01:00' });
      expectStatus(await contact(c.id, '2026-03-05T09:58+01:00'), 201, '09:58');
      expectStatus(await contact(c.id, '2026-03-05T00:00+01:00'), 201, 'midnight');
      const dayBefore = await contact(c.id, '2026-03-04T23:59:59+01:00');
      expect(dayBefore.status).toBe(422);
      expect(dayBefore.body).toMatchObject({ code: 'activity_time_out_of_range', errors: [expect.objectContaining({ field: 'occurredAt', rule: 'not_before_case_opened' })] });
      expect(await contactsOf(c.id)).toBe(2);
    });

    it('draws the line at midnight Danish time on 30 June / 1 July, where the half-years meet', async () => {
      const c = await openCase(plan.counsellor, { residentId: (await named('Lone')).id, topic: 'family', form: 'open_drop_in', openedAt: '2026-07-01T00:10+02:00' });
      // 23:55 on 30 June is 21:55 UTC, the same UTC day as the opening (22:10 UTC): Danish days decide.
      expect((await contact(c.id, '2026-06-30T23:55+02:00')).status).toBe(422);
      expectStatus(await contact(c.id, '2026-07-01T00:00+02:00'), 201, 'first minute of H2');
      const rows = await owner.query(`SELECT min(timezone('Europe/Copenhagen', occurred_at)::date)::text AS first FROM counselling_contacts WHERE case_id = $1`, [c.id]);
      expect(rows.rows[0].first).toBe('2026-07-01');
    });

    it('still counts each case once, in the half-year it was opened, with its contacts in the same half-year or later', async () => {
      const fresh = await createPlan(t, 'Sankthans');
      const c = fresh.counsellor;
      const jonas = await registerResident(c, { housingAreaId: fresh.areas.eligible, firstName: 'Jonas' });
      // Entered at 23:40 on 30 June for the talk at 23:20, in wall-clock time: one case and one contact in H1.
      expectStatus(await c.post('/counselling-cases', { residentId: jonas.id, topic: 'housing', form: 'open_drop_in', openedAt: '2026-06-30T23:40', firstContact: { occurredAt: '2026-06-30T23:20', channel: 'in_person' } }), 201, 'H1 case');
      const july = await openCase(c, { residentId: jonas.id, topic: 'debt', form: 'open_drop_in', openedAt: '2026-07-01T00:05+02:00' });
      expect((await c.post(`/counselling-cases/${july.id}/contacts`, { occurredAt: '2026-06-30T23:55+02:00', channel: 'phone' })).status).toBe(422);
      expectStatus(await c.post(`/counselling-cases/${july.id}/contacts`, { occurredAt: '2026-07-01T00:01+02:00', channel: 'phone' }), 201, 'H2 contact');
      const h1 = await completedReport(fresh.leader, 2026, 1);
      const h2 = await completedReport(fresh.leader, 2026, 2);
      expect(h1.result!.counselling).toMatchObject({ casesStarted: 1, contacts: 1, casesActive: 1, byTopic: { housing: 1 } });
      expect(h2.result!.counselling).toMatchObject({ casesStarted: 1, contacts: 1, casesActive: 1, byTopic: { debt: 1 } });
    });

    it('refuses a contact on the Danish day before, even when it is the same day in UTC', async () => {
      const c = await openCase(plan.counsellor, { residentId: (await named('Ibrahim')).id, topic: 'housing', form: 'open_drop_in', openedAt: '2026-03-05T00:30+01:00' });
      expect((await contact(c.id, '2026-03-04T23:50+01:00')).status).toBe(422);
    });

    it('is also refused by the database, which keeps the same rule', async () => {
      const c = await openCase(plan.counsellor, { residentId: (await named('Kirsten')).id, topic: 'debt', form: 'open_drop_in', openedAt: '2026-03-05T10:00+01:00' });
      await owner.query(`INSERT INTO counselling_contacts (plan_id, case_id, occurred_at, channel, recorded_by) VALUES ($1, $2, '2026-03-05T09:00+01:00', 'phone', $3)`, [plan.planId, c.id, plan.counsellor.user.id]);
      await expect(owner.query(`INSERT INTO counselling_contacts (plan_id, case_id, occurred_at, channel, recorded_by) VALUES ($1, $2, '2026-03-04T23:00+01:00', 'phone', $3)`, [plan.planId, c.id, plan.counsellor.user.id])).rejects.toThrow(/day before/);
    });
  });

  describe('a time without an offset', () => {
    let caseId: string;
    beforeAll(async () => {
      caseId = (await openCase(plan.counsellor, { residentId: (await named('Susanne')).id, topic: 'other', form: 'open_drop_in', openedAt: '2026-01-02T09:00+01:00' })).id;
    });
    const at = (occurredAt: string) => plan.counsellor.post(`/counselling-cases/${caseId}/contacts`, { occurredAt, channel: 'phone' });

    it('is Danish time: +01:00 in winter and +02:00 in summer', async () => {
      expect((await at('2026-03-05T10:15')).body.occurredAt).toBe('2026-03-05T09:15:00.000Z');
      expect((await at('2026-06-30T23:30:00')).body.occurredAt).toBe('2026-06-30T21:30:00.000Z');
    });

    it('is refused with 400 when the clocks skip it (29 March 2026, 02:30)', async () => {
      const res = await at('2026-03-29T02:30');
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'occurredAt', message: expect.stringContaining('summer time starts') })]);
    });

    it('is the first of the two when the clocks show it twice (25 October 2026, 02:30 is 02:30+02:00)', async () => {
      expect((await at('2026-10-25T02:30')).body.occurredAt).toBe('2026-10-25T00:30:00.000Z');
    });
  });

  it('takes 8 calls for a drop-in hour with a new resident, a returning one and an anonymous one', async () => {
    const ali = await registerResident(plan.counsellor, { housingAreaId: plan.areas.eligible, firstName: 'Ali', lastName: 'Hassan', birthDate: '1980-02-03' });
    const debt = await openCase(plan.counsellor, { residentId: ali.id, topic: 'debt', form: 'open_drop_in', openedAt: '2026-11-02T12:00+01:00' });
    let calls = 0;
    const counted = new Caller(t, plan.counsellor.token, plan.counsellor.user);
    const call = <T>(request: T) => ((calls += 1), request);
    const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Copenhagen' });

    // 1-2: Zainab is new; her case opens with the conversation, in wall-clock time.
    const zainab = await call(counted.post('/residents', { housingAreaId: plan.areas.eligible, firstName: 'Zainab', lastName: 'Abdi', birthDate: '1991-06-12', phone: '+45 31 32 33 34' }));
    expectStatus(zainab, 201, 'register Zainab');
    const zainabsCase = await call(counted.post('/counselling-cases', { residentId: zainab.body.id, topic: 'rent_arrears', form: 'open_drop_in', firstContact: { channel: 'in_person', durationMinutes: 15 } }));
    expectStatus(zainabsCase, 201, 'her case');
    // 3-5: Ali comes back about his debt: find him, his open case, record the talk.
    const found = await call(counted.get('/residents?q=Hassan'));
    const residentId = found.body.items.find((r: { firstName: string }) => r.firstName === 'Ali').id;
    const open = await call(counted.get(`/counselling-cases?residentId=${residentId}&status=open`));
    expect(open.body.items.map((c: { id: string }) => c.id)).toEqual([debt.id]);
    expectStatus(await call(counted.post(`/counselling-cases/${debt.id}/contacts`, { occurredAt: `${today}T00:05`, channel: 'in_person' })), 201, 'Ali\'s contact');
    // 6-7: someone who will not give a name: an anonymous resident and a case with the talk.
    const anonymous = await call(counted.post('/residents', { housingAreaId: plan.areas.eligible, anonymous: true }));
    expectStatus(await call(counted.post('/counselling-cases', { residentId: anonymous.body.id, topic: 'digital_self_service', form: 'open_drop_in', firstContact: { channel: 'in_person' } })), 201, 'anonymous case');
    // 8: Zainab phones back before the hour is over; her case's id came with call 2.
    expectStatus(await call(counted.post(`/counselling-cases/${zainabsCase.body.id}/contacts`, { occurredAt: new Date().toISOString(), channel: 'phone' })), 201, 'her phone call');
    expect(calls).toBe(8);
  });
});
