import { danishMoment } from '../../src/activities/weekly-slots';
import { expectStatus, openCase, registerResident, shareCounselling, withPlan, type PlanFixture } from '../support/fixtures';
import { ownerDatabase } from '../support/owner-database';

/** What the counsellor's screens need from the API in one call each (issue 21, "The counsellor's afternoon"). */
describe("the counsellor's afternoon", () => {
  let plan: PlanFixture;
  withPlan((world) => ({ plan } = world));
  const owner = ownerDatabase();
  const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();
  const named = (firstName: string) => registerResident(plan.counsellor, { housingAreaId: plan.areas.eligible, firstName, birthYear: 1980 });

  describe('times that default to now', () => {
    it('logs a further conversation without a time as having happened now', async () => {
      const c = await openCase(plan.counsellor, { residentId: (await named('Helle')).id, topic: 'debt', form: 'open_drop_in', openedAt: hoursAgo(2) });
      const before = Date.now();
      const res = await plan.counsellor.post(`/counselling-cases/${c.id}/contacts`, { channel: 'in_person', note: 'Kom tilbage med brevet' });
      expectStatus(res, 201, 'contact without occurredAt');
      const at = new Date(res.body.occurredAt).getTime();
      expect(at).toBeGreaterThanOrEqual(before - 1000);
      expect(at).toBeLessThanOrEqual(Date.now() + 1000);
    });

    it('records a consent given without a time as given now, and it is active at once', async () => {
      const resident = await named('Karim');
      const res = await plan.counsellor.post('/consents', { residentId: resident.id, scope: 'share_counselling', recipientOrganisationIds: [plan.organisations.jobcenter], givenBy: 'resident', form: 'oral' });
      expectStatus(res, 201, 'consent without givenAt');
      expect(res.body.status).toBe('active');
      expect(Math.abs(new Date(res.body.givenAt).getTime() - Date.now())).toBeLessThan(5000);
    });
  });

  describe('a referral refused for want of consent names the consent', () => {
    const refer = (caseId: string) => plan.counsellor.post(`/counselling-cases/${caseId}/referrals`, { organisationId: plan.organisations.jobcenter, reason: 'Jobsøgning' });

    it('says no consent was ever given, with latestConsent null', async () => {
      const c = await openCase(plan.counsellor, { residentId: (await named('Aisha')).id, topic: 'employment', form: 'appointment', openedAt: hoursAgo(3) });
      const res = await refer(c.id);
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({ code: 'consent_required', latestConsent: null });
      expect(res.body.detail).toMatch(/has given no share_counselling consent/);
      expect(res.body.detail).not.toMatch(/record the consent first/);
    });

    it("names Omar's withdrawn consent, and a new one lets the referral through", async () => {
      const omar = await named('Omar');
      const c = await openCase(plan.counsellor, { residentId: omar.id, topic: 'employment', form: 'appointment', openedAt: hoursAgo(3) });
      const consent = await shareCounselling(plan.counsellor, omar.id, [plan.organisations.jobcenter]);
      expectStatus(await plan.counsellor.post(`/consents/${consent.id}/withdraw`, {}), 200, 'withdraw');
      const res = await refer(c.id);
      expect(res.status).toBe(422);
      expect(res.body.latestConsent).toMatchObject({ id: consent.id, status: 'withdrawn', scope: 'share_counselling', namesRecipient: true, recipientOrganisationIds: [plan.organisations.jobcenter] });
      expect(res.body.detail).toContain(`${consent.id} naming organisation ${plan.organisations.jobcenter} was withdrawn on`);
      expect(await owner.count(`counselling_referrals WHERE case_id = $1`, [c.id])).toBe(0);
      await shareCounselling(plan.counsellor, omar.id, [plan.organisations.jobcenter], { givenAt: undefined });
      expectStatus(await refer(c.id), 201, 'refer with the new consent');
    });

    it('names an active consent that shares with another organisation only', async () => {
      const lone = await named('Lone');
      const c = await openCase(plan.counsellor, { residentId: lone.id, topic: 'family', form: 'appointment', openedAt: hoursAgo(3) });
      const consent = await shareCounselling(plan.counsellor, lone.id, [plan.organisations.children]);
      const res = await refer(c.id);
      expect(res.body).toMatchObject({ code: 'consent_required', latestConsent: { id: consent.id, status: 'active', namesRecipient: false } });
      expect(res.body.detail).toMatch(/does not name organisation/);
    });
  });

  describe('whom a case may be referred to, before the form is sent', () => {
    it("lists the plan's organisations with whether Fatima's consent allows each, audited as a read of her data", async () => {
      const fatima = await named('Fatima');
      const c = await openCase(plan.counsellor, { residentId: fatima.id, topic: 'debt', form: 'open_drop_in', openedAt: hoursAgo(3) });
      const consent = await shareCounselling(plan.counsellor, fatima.id, [plan.organisations.jobcenter]);
      const res = await plan.counsellor.get(`/counselling-cases/${c.id}/referral-recipients`);
      expectStatus(res, 200, 'recipients');
      const byId = new Map(res.body.items.map((i: { organisationId: string }) => [i.organisationId, i]));
      expect(byId.get(plan.organisations.jobcenter)).toMatchObject({ name: 'Center for Beskæftigelse og Erhverv', consentAllows: true, consent: { id: consent.id, status: 'active' } });
      expect(byId.get(plan.organisations.school)).toMatchObject({ consentAllows: false, consent: { id: consent.id, namesRecipient: false } });
      expect(await owner.count(`audit_events WHERE resident_id = $1 AND action = 'counselling_referral_recipients.read'`, [fatima.id])).toBe(1);
    });

    it("is the case's counsellors' only: another plan's counsellor finds no case", async () => {
      const c = await openCase(plan.counsellor, { residentId: (await named('Jens')).id, topic: 'housing', form: 'open_drop_in' });
      for (const caller of [plan.caseworker, plan.socialWorker, plan.leader]) expect((await caller.get(`/counselling-cases/${c.id}/referral-recipients`)).status).toBe(403);
    });
  });

  describe('finding a resident and her cases', () => {
    it('finds a resident by part of the name, by phone however it is written, and an anonymous one by pseudonym, in one search box', async () => {
      const sara = await registerResident(plan.counsellor, { housingAreaId: plan.areas.eligible, firstName: 'Sara', lastName: 'Nielsen-Ørum', phone: '+45 20 30 40 50' });
      const anonymous = await registerResident(plan.counsellor, { housingAreaId: plan.areas.eligible, anonymous: true });
      const search = async (q: string) => (await plan.counsellor.get(`/residents?q=${encodeURIComponent(q)}`)).body.items.map((r: { id: string }) => r.id);
      expect(await search('ørum')).toEqual([sara.id]);
      expect(await search('20304050')).toEqual([sara.id]);
      expect(await search('0045 2030 4050')).toEqual([sara.id]);
      expect(await search(anonymous.pseudonym!.toLowerCase())).toEqual([anonymous.id]);
      expect(await search('99999999')).toEqual([]);
    });

    it('filters the case list by housing area and form', async () => {
      const inStrandparken = await registerResident(plan.counsellor, { housingAreaId: plan.areas.notEligible, firstName: 'Birgit' });
      const c = await openCase(plan.counsellor, { residentId: inStrandparken.id, topic: 'rent_arrears', form: 'outreach' });
      const ids = async (query: string) => (await plan.counsellor.get(`/counselling-cases?${query}`)).body.items.map((i: { id: string }) => i.id);
      expect(await ids(`housingAreaId=${plan.areas.notEligible}`)).toEqual([c.id]);
      expect(await ids(`housingAreaId=${plan.areas.eligible}`)).not.toContain(c.id);
      expect(await ids(`form=outreach&status=open`)).toEqual([c.id]);
      expect((await plan.counsellor.get('/counselling-cases?form=pigeon')).status).toBe(400);
    });
  });

  describe("today's slots at the door", () => {
    const today = danishMoment(new Date());
    const allDay = [{ weekday: today.weekday, start: '00:00', end: '23:59' }];
    const tomorrow = [{ weekday: (today.weekday % 7) + 1, start: '10:00', end: '12:00' }];

    it('lists the slots falling today with their head counts, and one visitor recorded twice with one key counts once', async () => {
      const door = await plan.counsellor.post('/activities', { kind: 'open_counselling', name: 'Åben Rådgivning i dag', housingAreaId: plan.areas.eligible, weeklySlots: allDay });
      expectStatus(door, 201, 'activity');
      expectStatus(await plan.counsellor.post('/activities', { kind: 'open_counselling', name: 'Åben Rådgivning i morgen', housingAreaId: plan.areas.eligible, weeklySlots: tomorrow }), 201, 'other day');
      const empty = await plan.counsellor.get('/activities/today?kind=open_counselling');
      expectStatus(empty, 200, 'today');
      expect(empty.body.date).toBe(today.date);
      expect(empty.body.items).toEqual([
        expect.objectContaining({ activityId: door.body.id, name: 'Åben Rådgivning i dag', housingAreaName: 'Vejleåparken', start: '00:00', end: '23:59', state: 'open', sessionId: null, headcount: { total: 0, women: null, men: null, youth: null, adults: null } }),
      ]);

      const visit = { at: new Date().toISOString(), gender: 'female', ageGroup: 'adult' };
      const first = await plan.counsellor.post(`/activities/${door.body.id}/visits`, visit).set('Idempotency-Key', 'door-visit-1');
      const retry = await plan.counsellor.post(`/activities/${door.body.id}/visits`, visit).set('Idempotency-Key', 'door-visit-1');
      expectStatus(first, 201, 'visit');
      expect(retry.body).toEqual(first.body);
      expectStatus(await plan.counsellor.post(`/activities/${door.body.id}/visits`, {}).set('Idempotency-Key', 'door-visit-2'), 201, 'a visitor nobody described');

      const after = await plan.counsellor.get(`/activities/today?housingAreaId=${plan.areas.eligible}`);
      const slot = after.body.items.find((i: { activityId: string }) => i.activityId === door.body.id);
      expect(slot).toMatchObject({ sessionId: first.body.sessionId, headcount: { total: 2, women: 1, men: null, youth: null, adults: 1 } });
      expect(await owner.count(`activity_sessions WHERE activity_id = $1`, [door.body.id])).toBe(1);
    });

    it('leaves out another area\'s slots when asked for one area, and refuses a malformed filter', async () => {
      const other = await plan.counsellor.post('/activities', { kind: 'open_counselling', name: 'Strandparkens dør', housingAreaId: plan.areas.notEligible, weeklySlots: allDay });
      expectStatus(other, 201, 'activity');
      const res = await plan.counsellor.get(`/activities/today?housingAreaId=${plan.areas.eligible}`);
      expect(res.body.items.map((i: { activityId: string }) => i.activityId)).not.toContain(other.body.id);
      expect((await plan.counsellor.get('/activities/today?housingAreaId=nope')).status).toBe(400);
      expect((await plan.caseworker.get('/activities/today')).status).toBe(403);
    });
  });
});
