import { expectStatus, openCase, registerResident, type PlanFixture, withPlan } from '../support/fixtures';
import { ownerDatabase } from '../support/owner-database';
import { type TestApp } from '../support/test-app';

describe('counselling cases and the counting rule', () => {
  let t: TestApp;
  let plan: PlanFixture;
  withPlan((world) => ({ t, plan } = world));
  const owner = ownerDatabase();

  it("counts Helle's three matters as three cases", async () => {
    const helle = await registerResident(plan.counsellor, { housingAreaId: plan.areas.eligible, firstName: 'Helle', lastName: 'Jensen', gender: 'female', birthYear: 1979 });
    for (const topic of ['family', 'rent_arrears', 'digital_self_service']) {
      await openCase(plan.counsellor, { residentId: helle.id, topic, form: 'open_drop_in', subject: topic === 'family' ? 'Skilsmisse' : undefined });
    }
    const res = await plan.counsellor.get(`/counselling-cases?residentId=${helle.id}`);
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(3);
    expect(new Set(res.body.items.map((c: { topic: string }) => c.topic))).toEqual(new Set(['family', 'rent_arrears', 'digital_self_service']));
  });

  it("keeps Mohammed's months of debt help as one case with many contacts", async () => {
    const mohammed = await registerResident(plan.counsellor, { housingAreaId: plan.areas.eligible, firstName: 'Mohammed', gender: 'male' });
    const debtCase = await openCase(plan.counsellor, { residentId: mohammed.id, topic: 'debt', form: 'appointment', openedAt: '2026-01-05T10:00:00+01:00' });
    const contacts = [
      ['2026-01-05T10:00:00+01:00', 'in_person'],
      ['2026-01-19T09:30:00+01:00', 'email'],
      ['2026-02-02T14:00:00+01:00', 'phone'],
      ['2026-03-16T11:00:00+01:00', 'in_person'],
      ['2026-04-20T13:15:00+02:00', 'email'],
    ];
    for (const [occurredAt, channel] of contacts) {
      const res = await plan.counsellor.post(`/counselling-cases/${debtCase.id}/contacts`, { occurredAt, channel, durationMinutes: 30 });
      expect(res.status).toBe(201);
    }
    const again = await plan.counsellor.post('/counselling-cases', { residentId: mohammed.id, topic: 'debt', form: 'open_drop_in' });
    expect(again.status).toBe(409);

    const cases = await plan.counsellor.get(`/counselling-cases?residentId=${mohammed.id}`);
    expect(cases.body.items).toHaveLength(1);
    const detail = await plan.counsellor.get(`/counselling-cases/${debtCase.id}`);
    expect(detail.body.contacts).toHaveLength(5);
  });

  it('refuses a second open case on the same topic and names the open case', async () => {
    const resident = await registerResident(plan.counsellor, { housingAreaId: plan.areas.eligible, firstName: 'Sofie' });
    const first = await openCase(plan.counsellor, { residentId: resident.id, topic: 'benefits', form: 'open_drop_in' });
    const second = await plan.counsellor.post('/counselling-cases', { residentId: resident.id, topic: 'benefits', form: 'appointment' });
    expect(second.status).toBe(409);
    expect(second.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(second.body.existingCaseId).toBe(first.id);
  });

  it('opens exactly one case when the same matter is registered ten times at once', async () => {
    const resident = await registerResident(plan.counsellor, { housingAreaId: plan.areas.eligible, firstName: 'Omar' });
    const attempts = await Promise.all(
      Array.from({ length: 10 }, () => plan.counsellor.post('/counselling-cases', { residentId: resident.id, topic: 'housing', form: 'open_drop_in' })),
    );
    expect(attempts.filter((r) => r.status === 201)).toHaveLength(1);
    expect(attempts.filter((r) => r.status === 409)).toHaveLength(9);
  });

  it('opens a new case for a new matter once the earlier case on that topic is closed', async () => {
    const resident = await registerResident(plan.counsellor, { housingAreaId: plan.areas.eligible, firstName: 'Karen' });
    const first = await openCase(plan.counsellor, { residentId: resident.id, topic: 'employment', form: 'job_cafe', openedAt: '2026-02-01T10:00:00+01:00' });
    const closed = await plan.counsellor.post(`/counselling-cases/${first.id}/close`, { closedAt: '2026-02-10T10:00:00+01:00', outcome: 'CV skrevet' });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ status: 'closed', outcome: 'CV skrevet' });
    const second = await openCase(plan.counsellor, { residentId: resident.id, topic: 'employment', form: 'job_cafe' });

    const reopen = await plan.counsellor.post(`/counselling-cases/${first.id}/reopen`);
    expect(reopen.status).toBe(409);
    expect(reopen.body.existingCaseId).toBe(second.id);
  });

  it('refuses contacts on a closed case until it is reopened, and reopening keeps when it was opened', async () => {
    const resident = await registerResident(plan.counsellor, { housingAreaId: plan.areas.eligible, firstName: 'Lars' });
    const c = await openCase(plan.counsellor, { residentId: resident.id, topic: 'health', form: 'outreach', openedAt: '2026-01-10T09:00:00+01:00' });
    await plan.counsellor.post(`/counselling-cases/${c.id}/close`, { closedAt: '2026-01-20T09:00:00+01:00' });
    const contact = await plan.counsellor.post(`/counselling-cases/${c.id}/contacts`, { occurredAt: '2026-01-21T09:00:00+01:00', channel: 'phone' });
    expect(contact.status).toBe(409);
    const again = await plan.counsellor.post(`/counselling-cases/${c.id}/close`, {});
    expect(again.status).toBe(409);

    const reopened = await plan.counsellor.post(`/counselling-cases/${c.id}/reopen`);
    expect(reopened.status).toBe(200);
    expect(reopened.body).toMatchObject({ status: 'open', closedAt: null, openedAt: '2026-01-10T08:00:00.000Z' });
    const after = await plan.counsellor.post(`/counselling-cases/${c.id}/contacts`, { occurredAt: '2026-01-21T09:00:00+01:00', channel: 'phone' });
    expect(after.status).toBe(201);
  });

  it("writes a contact's audit event with the contact, and neither for a contact that is refused", async () => {
    const resident = await registerResident(plan.counsellor, { housingAreaId: plan.areas.eligible, firstName: 'Ayse' });
    const c = await openCase(plan.counsellor, { residentId: resident.id, topic: 'benefits', form: 'open_drop_in', openedAt: '2026-02-02T10:00:00+01:00' });
    const logged = await plan.counsellor.post(`/counselling-cases/${c.id}/contacts`, { occurredAt: '2026-02-02T10:00:00+01:00', channel: 'in_person', durationMinutes: 15 });
    expectStatus(logged, 201, 'log the contact');
    expect(logged.body).toMatchObject({ caseId: c.id, occurredAt: '2026-02-02T09:00:00.000Z', channel: 'in_person', durationMinutes: 15, withAppointment: null, note: null });
    const events = await owner.query(`SELECT action, resident_id, entity_type, actor_role, purpose FROM audit_events WHERE entity_id = $1`, [logged.body.id]);
    expect(events.rows).toEqual([{ action: 'counselling_contact.recorded', resident_id: resident.id, entity_type: 'counselling_contact', actor_role: 'counsellor', purpose: 'counselling' }]);

    const auditedBefore = await owner.count(`audit_events WHERE action = 'counselling_contact.recorded' AND resident_id = $1`, [resident.id]);
    const tooEarly = await plan.counsellor.post(`/counselling-cases/${c.id}/contacts`, { occurredAt: '2026-02-01T23:59:59.999+01:00', channel: 'phone' });
    expect(tooEarly.status).toBe(422);
    await plan.counsellor.post(`/counselling-cases/${c.id}/close`, { closedAt: '2026-02-03T10:00:00+01:00' });
    const closed = await plan.counsellor.post(`/counselling-cases/${c.id}/contacts`, { occurredAt: '2026-02-03T11:00:00+01:00', channel: 'phone' });
    expect(closed.status).toBe(409);
    const elsewhere = await plan.counsellor.post(`/counselling-cases/00000000-0000-4000-8000-000000000000/contacts`, { occurredAt: '2026-02-03T11:00:00+01:00', channel: 'phone' });
    expect(elsewhere.status).toBe(404);
    expect(await owner.count(`counselling_contacts WHERE case_id = $1`, [c.id])).toBe(1);
    expect(await owner.count(`audit_events WHERE action = 'counselling_contact.recorded' AND resident_id = $1`, [resident.id])).toBe(auditedBefore);
  });

  it('refuses a contact before the case was opened or in the future', async () => {
    const resident = await registerResident(plan.counsellor, { housingAreaId: plan.areas.eligible, firstName: 'Nadia' });
    const c = await openCase(plan.counsellor, { residentId: resident.id, topic: 'education', form: 'appointment', openedAt: '2026-03-01T09:00:00+01:00' });
    const before = await plan.counsellor.post(`/counselling-cases/${c.id}/contacts`, { occurredAt: '2026-02-28T09:00:00+01:00', channel: 'in_person' });
    expect(before.status).toBe(422);
    expect(before.body.errors[0]).toMatchObject({ field: 'occurredAt', rule: 'not_before_case_opened' });
    const future = await plan.counsellor.post(`/counselling-cases/${c.id}/contacts`, { occurredAt: new Date(Date.now() + 86_400_000).toISOString(), channel: 'in_person' });
    expect(future.status).toBe(422);
    expect(future.body.errors[0].rule).toBe('not_in_future');
    const detail = await plan.counsellor.get(`/counselling-cases/${c.id}`);
    expect(detail.body.contacts).toHaveLength(0);
  });

  it('names the field when a contact is malformed', async () => {
    const resident = await registerResident(plan.counsellor, { housingAreaId: plan.areas.eligible, firstName: 'Ib' });
    const c = await openCase(plan.counsellor, { residentId: resident.id, topic: 'other', form: 'event' });
    const res = await plan.counsellor.post(`/counselling-cases/${c.id}/contacts`, { occurredAt: '2026-03-01 10:00', channel: 'fax', minutes: 3 });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['channel', 'minutes', 'occurredAt']);
  });

  it('records a referral to a named recipient, and refuses one to an organisation without the resident\'s consent', async () => {
    const resident = await registerResident(plan.counsellor, { housingAreaId: plan.areas.eligible, firstName: 'Eva' });
    const c = await openCase(plan.counsellor, { residentId: resident.id, topic: 'debt', form: 'appointment' });
    const named = await plan.counsellor.post(`/counselling-cases/${c.id}/referrals`, { recipientName: 'Gældsrådgivningen', reason: 'Gæld' });
    expect(named.status).toBe(201);
    const toOrganisation = await plan.counsellor.post(`/counselling-cases/${c.id}/referrals`, { organisationId: plan.organisations.jobcenter });
    expect(toOrganisation.status).toBe(422);
    expect(toOrganisation.body.errors[0]).toMatchObject({ field: 'organisationId', rule: 'share_counselling_consent' });
    const nobody = await plan.counsellor.post(`/counselling-cases/${c.id}/referrals`, { reason: 'x' });
    expect(nobody.status).toBe(400);
    const detail = await plan.counsellor.get(`/counselling-cases/${c.id}`);
    expect(detail.body.referrals).toEqual([expect.objectContaining({ recipientName: 'Gældsrådgivningen' })]);
  });

  it('lets a plan add its own topic next to the built-in ones, and refuses unknown topics', async () => {
    const resident = await registerResident(plan.counsellor, { housingAreaId: plan.areas.eligible, firstName: 'Bo' });
    const unknown = await plan.counsellor.post('/counselling-cases', { residentId: resident.id, topic: 'pension', form: 'appointment' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0].field).toBe('topic');
    const added = await plan.leader.post('/counselling-topics', { key: 'pension', label: 'Pension og efterløn' });
    expect(added.status).toBe(201);
    const duplicate = await plan.leader.post('/counselling-topics', { key: 'debt', label: 'Gæld igen' });
    expect(duplicate.status).toBe(409);
    const topics = await plan.counsellor.get('/counselling-topics');
    expect(topics.body.items).toEqual(expect.arrayContaining([{ key: 'pension', label: 'Pension og efterløn', builtIn: false }, { key: 'debt', label: 'Gæld', builtIn: true }]));
    await openCase(plan.counsellor, { residentId: resident.id, topic: 'pension', form: 'appointment' });
  });

  it('audits a topic the plan adds, and answers two leaders adding the same one at once with one 201 and one 409 topic_exists', async () => {
    const [first, second] = await Promise.all([
      plan.leader.post('/counselling-topics', { key: 'dental', label: 'Tandpleje' }),
      plan.leader.post('/counselling-topics', { key: 'dental', label: 'Tandlæge' }),
    ]);
    expect([first.status, second.status].sort()).toEqual([201, 409]);
    expect([first, second].find((res) => res.status === 409)?.body.code).toBe('topic_exists');
    expect(
      await owner.count(`audit_events WHERE action = 'counselling_topic.added' AND actor_id = $2 AND entity_id IN (SELECT id FROM counselling_topics WHERE plan_id = $1 AND key = 'dental')`, [plan.planId, plan.leader.user.id]),
    ).toBe(1);
  });

  describe('refusals a client can act on, and lists a person can read', () => {
    const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();
    const named = (firstName: string) => registerResident(plan.counsellor, { housingAreaId: plan.areas.eligible, firstName, lastName: 'Jensen' });

    it('names a second open case on the same topic duplicate_open_case', async () => {
      const resident = await named('Sofie');
      const first = await openCase(plan.counsellor, { residentId: resident.id, topic: 'benefits', form: 'open_drop_in' });
      const second = await plan.counsellor.post('/counselling-cases', { residentId: resident.id, topic: 'benefits', form: 'appointment' });
      expect(second.status).toBe(409);
      expect(second.body).toMatchObject({ code: 'duplicate_open_case', existingCaseId: first.id });
    });

    it('tells a contact on a closed case case_closed, a second close case_already_closed and a second reopen case_already_open', async () => {
      const resident = await named('Lars');
      const c = await openCase(plan.counsellor, { residentId: resident.id, topic: 'debt', form: 'appointment', openedAt: hoursAgo(5) });
      expectStatus(await plan.counsellor.post(`/counselling-cases/${c.id}/close`, { closedAt: hoursAgo(1) }), 200, 'close');

      const contact = await plan.counsellor.post(`/counselling-cases/${c.id}/contacts`, { occurredAt: hoursAgo(1), channel: 'phone' });
      expect(contact.status).toBe(409);
      expect(contact.body.code).toBe('case_closed');
      const closeAgain = await plan.counsellor.post(`/counselling-cases/${c.id}/close`, {});
      expect(closeAgain.status).toBe(409);
      expect(closeAgain.body.code).toBe('case_already_closed');

      // A reopen without any body (no version) still works: the version check is the client's choice.
      const bare = await t.http().post(`/api/v1/counselling-cases/${c.id}/reopen`).set('Authorization', `Bearer ${plan.counsellor.token}`);
      expectStatus(bare, 200, 'reopen without a body');
      const reopenAgain = await plan.counsellor.post(`/counselling-cases/${c.id}/reopen`);
      expect(reopenAgain.status).toBe(409);
      expect(reopenAgain.body.code).toBe('case_already_open');
    });

    it('refuses a referral to an organisation without the resident\'s consent as consent_required', async () => {
      const resident = await named('Aisha');
      const c = await openCase(plan.counsellor, { residentId: resident.id, topic: 'employment', form: 'appointment', openedAt: hoursAgo(5) });
      const res = await plan.counsellor.post(`/counselling-cases/${c.id}/referrals`, { organisationId: plan.organisations.jobcenter, reason: 'Jobsøgning' });
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('consent_required');
    });

    it('refuses to close or reopen a case that changed since the version the counsellor read, as stale_version', async () => {
      const resident = await named('Peter');
      const c = await openCase(plan.counsellor, { residentId: resident.id, topic: 'housing', form: 'appointment', openedAt: hoursAgo(5) });
      const closed = await plan.counsellor.post(`/counselling-cases/${c.id}/close`, { closedAt: hoursAgo(2), version: c.version });
      expectStatus(closed, 200, 'close at the version read');
      expect(closed.body.version).toBe(c.version + 1);

      const staleReopen = await plan.counsellor.post(`/counselling-cases/${c.id}/reopen`, { version: c.version });
      expect(staleReopen.status).toBe(409);
      expect(staleReopen.body).toMatchObject({ code: 'stale_version', currentVersion: closed.body.version });
      const reopened = await plan.counsellor.post(`/counselling-cases/${c.id}/reopen`, { version: closed.body.version });
      expectStatus(reopened, 200, 'reopen at the current version');

      const staleClose = await plan.counsellor.post(`/counselling-cases/${c.id}/close`, { closedAt: hoursAgo(1), version: closed.body.version });
      expect(staleClose.status).toBe(409);
      expect(staleClose.body.code).toBe('stale_version');
      expect((await plan.counsellor.get(`/counselling-cases/${c.id}`)).body.status).toBe('open');
    });

    it('lists cases with the resident\'s name, an anonymous resident\'s pseudonym and the topic\'s label, built-in or the plan\'s own', async () => {
      expectStatus(await plan.leader.post('/counselling-topics', { key: 'dental_care', label: 'Tandpleje' }), 201, 'add topic');
      const helle = await registerResident(plan.counsellor, { housingAreaId: plan.areas.eligible, firstName: 'Helle', lastName: 'Hansen' });
      const anonymous = await registerResident(plan.counsellor, { housingAreaId: plan.areas.eligible, anonymous: true });
      await openCase(plan.counsellor, { residentId: helle.id, topic: 'rent_arrears', form: 'open_drop_in' });
      await openCase(plan.counsellor, { residentId: helle.id, topic: 'dental_care', form: 'appointment' });
      await openCase(plan.counsellor, { residentId: anonymous.id, topic: 'family', form: 'outreach' });

      const helles = await plan.counsellor.get(`/counselling-cases?residentId=${helle.id}`);
      expect(helles.status).toBe(200);
      const byTopic = Object.fromEntries(helles.body.items.map((c: { topic: string; residentName: string; topicLabel: string }) => [c.topic, c]));
      expect(byTopic.rent_arrears).toMatchObject({ residentName: 'Helle Hansen', topicLabel: 'Huslejerestance' });
      expect(byTopic.dental_care).toMatchObject({ residentName: 'Helle Hansen', topicLabel: 'Tandpleje' });

      const anonymous_ = await plan.counsellor.get(`/counselling-cases?residentId=${anonymous.id}`);
      expect(anonymous_.body.items).toEqual([expect.objectContaining({ residentName: anonymous.pseudonym, topicLabel: 'Familie' })]);
    });
  });
});
