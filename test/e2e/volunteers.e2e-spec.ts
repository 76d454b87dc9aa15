import { addStaff, asBytes, expectStatus, withPlan, type Caller, type PlanFixture } from '../support/fixtures';
import { ownerDatabase } from '../support/owner-database';
import { completedReport } from '../support/reports';
import type { TestApp } from '../support/test-app';

/**
 * Volunteers (issue 23, 003_* Holstebro): a partner organisation's volunteer records the help they
 * gave, with no resident, no name and no free text, and sees only their own; every door to
 * residents, cases, programmes, reports and audit stays shut; the leader and the coordinator the
 * leader names see the counts, in Danish time.
 */
describe('volunteers', () => {
  let t: TestApp;
  let plan: PlanFixture;
  withPlan((world) => ({ t, plan } = world), 'Frivillige');
  const owner = ownerDatabase();
  let otherVolunteer: Caller;

  beforeAll(async () => {
    otherVolunteer = await addStaff(t, plan, 'volunteer', { organisationId: plan.organisations.partner, name: 'Frida Frivillig' });
  });

  describe('the volunteer\'s closed doors', () => {
    it.each([
      ['residents', '/residents'],
      ['a resident', '/residents/00000000-0000-4000-8000-000000000000'],
      ['counselling cases', '/counselling-cases'],
      ['job programmes', '/job-programmes'],
      ['internships', '/internships'],
      ['consents', '/consents'],
      ['referrals', '/referrals'],
      ['shared residents', '/shared-residents'],
      ['reports', '/reports'],
      ['the audit log', '/audit-events'],
      ['activities', '/activities'],
      ['employers', '/employers'],
      ['the plan\'s users', '/users'],
    ])('refuses a volunteer %s (403)', async (_what, path) => {
      expect((await plan.volunteer.get(path)).status).toBe(403);
    });

    it('refuses a volunteer a half-year report and registering a resident (403)', async () => {
      expect((await plan.volunteer.post('/reports/half-year', { year: 2026, half: 1 })).status).toBe(403);
      expect((await plan.volunteer.post('/residents', { housingAreaId: plan.areas.eligible, firstName: 'X' })).status).toBe(403);
    });
  });

  describe('who a volunteer is', () => {
    it('lets the leader invite a volunteer with their partner organisation, with no second person to approve', async () => {
      const invited = await plan.leader.post(`/plans/${plan.planId}/users`, { email: `frivillig-${Date.now()}@test.dk`, name: 'Ny Frivillig', role: 'volunteer', organisationId: plan.organisations.partner });
      expect(invited.status).toBe(201);
      const volunteer = await addStaff(t, plan, 'volunteer', { organisationId: plan.organisations.partner, inviter: plan.leader });
      const me = await volunteer.get('/me');
      expect(me.body).toMatchObject({ role: 'volunteer', organisationId: plan.organisations.partner });
      // A volunteer reads no compartment's notes: nobody was asked to approve the account.
      expect(await owner.count('role_requests WHERE user_id = $1', [volunteer.user.id])).toBe(0);
    });

    it('refuses a volunteer without an organisation, or of a municipal one', async () => {
      const none = await plan.leader.post(`/plans/${plan.planId}/users`, { email: `ingen-${Date.now()}@test.dk`, name: 'Uden Organisation', role: 'volunteer' });
      expect(none.status).toBe(422);
      expect(none.body.code).toBe('role_organisation_mismatch');
      const municipal = await plan.leader.post(`/plans/${plan.planId}/users`, { email: `kommune-${Date.now()}@test.dk`, name: 'Kommunal', role: 'volunteer', organisationId: plan.organisations.jobcenter });
      expect(municipal.status).toBe(422);
    });

    it('never turns a volunteer into a counsellor', async () => {
      const res = await plan.leader.patch(`/users/${otherVolunteer.user.id}`, { role: 'counsellor' });
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('role_across_organisations');
    });
  });

  describe('recording help', () => {
    it('records help with a topic, minutes and an escort, at this moment, and shows it only to the volunteer who gave it', async () => {
      const before = Date.now();
      const res = await plan.volunteer.post('/volunteer-help', { topic: 'mitid', minutes: 20, escort: true });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ topic: 'mitid', topicLabel: 'MitID', minutes: 20, escort: true, activityId: null, correctable: true });
      expect(new Date(res.body.occurredAt).getTime()).toBeGreaterThanOrEqual(before - 1000);

      const mine = await plan.volunteer.get('/volunteer-help');
      expect(mine.status).toBe(200);
      expect(mine.body.items.map((i: { id: string }) => i.id)).toContain(res.body.id);
      const theirs = await otherVolunteer.get('/volunteer-help');
      expect(theirs.body.items.map((i: { id: string }) => i.id)).not.toContain(res.body.id);
      expect((await otherVolunteer.patch(`/volunteer-help/${res.body.id}`, { minutes: 5 })).status).toBe(404);
      expect((await otherVolunteer.delete(`/volunteer-help/${res.body.id}`)).status).toBe(404);
    });

    it.each([
      ['a note', { note: 'Hjalp Fatima med brev fra kommunen' }],
      ['a resident', { residentId: '00000000-0000-4000-8000-000000000000' }],
      ['a name', { name: 'Fatima' }],
      ['a description', { description: 'brev om boligstøtte' }],
    ])('accepts no free text and no resident: refuses %s (400)', async (_what, extra) => {
      const res = await plan.volunteer.post('/volunteer-help', { topic: 'letters', ...extra });
      expect(res.status).toBe(400);
      expect(res.body.errors.length).toBeGreaterThan(0);
    });

    it('refuses a topic the plan does not know, help in the future and help more than 31 days ago', async () => {
      const unknown = await plan.volunteer.post('/volunteer-help', { topic: 'gardening' });
      expect(unknown.status).toBe(400);
      expect(unknown.body.code).toBe('unknown_volunteer_topic');
      const future = await plan.volunteer.post('/volunteer-help', { topic: 'forms', occurredAt: new Date(Date.now() + 3_600_000).toISOString() });
      expect(future.status).toBe(422);
      expect(future.body.code).toBe('volunteer_help_time_unmet');
      const old = await plan.volunteer.post('/volunteer-help', { topic: 'forms', occurredAt: new Date(Date.now() - 40 * 86_400_000).toISOString() });
      expect(old.status).toBe(422);
      const minutes = await plan.volunteer.post('/volunteer-help', { topic: 'forms', minutes: 0 });
      expect(minutes.status).toBe(400);
    });

    it('takes a topic of the plan\'s own that the leader added, with its label', async () => {
      expect((await plan.counsellor.post('/volunteer-help-topics', { key: 'tax', label: 'Skat' })).status).toBe(403);
      expectStatus(await plan.leader.post('/volunteer-help-topics', { key: 'tax', label: 'Skat og forskudsopgørelse' }), 201, 'add topic');
      const topics = await plan.volunteer.get('/volunteer-help-topics');
      expect(topics.body.items).toEqual(expect.arrayContaining([{ key: 'tax', label: 'Skat og forskudsopgørelse', builtIn: false }, { key: 'eboks', label: 'e-Boks', builtIn: true }]));
      const res = await plan.volunteer.post('/volunteer-help', { topic: 'tax' });
      expect(res.status).toBe(201);
      expect(res.body.topicLabel).toBe('Skat og forskudsopgørelse');
    });

    it('records help under a volunteer group of the plan, and only a volunteer group', async () => {
      const group = await plan.leader.post('/activities', { kind: 'volunteer_group', name: 'Hverdagsrådgivning', startsOn: '2025-11-01' });
      expectStatus(group, 201, 'volunteer group');
      const workshop = await plan.leader.post('/activities', { kind: 'workshop', name: 'Værksted', startsOn: '2025-11-01' });
      expectStatus(workshop, 201, 'workshop');
      const groups = await plan.volunteer.get('/volunteer-help/groups');
      expect(groups.body.items).toEqual([{ id: group.body.id, name: 'Hverdagsrådgivning' }]);
      const res = await plan.volunteer.post('/volunteer-help', { topic: 'aula', activityId: group.body.id });
      expect(res.status).toBe(201);
      expect(res.body.activityName).toBe('Hverdagsrådgivning');
      const refused = await plan.volunteer.post('/volunteer-help', { topic: 'aula', activityId: workshop.body.id });
      expect(refused.status).toBe(422);
      expect(refused.body.code).toBe('volunteer_activity_not_in_plan');
    });

    it('lets a volunteer correct and remove their own entry of today, but not one of an earlier day', async () => {
      const entry = (await plan.volunteer.post('/volunteer-help', { topic: 'letters', minutes: 10 })).body;
      const corrected = await plan.volunteer.patch(`/volunteer-help/${entry.id}`, { minutes: 15, escort: true, version: entry.version });
      expect(corrected.status).toBe(200);
      expect(corrected.body).toMatchObject({ minutes: 15, escort: true, version: 2 });
      expect((await plan.volunteer.patch(`/volunteer-help/${entry.id}`, { note: 'x' })).status).toBe(400);
      expect((await plan.volunteer.delete(`/volunteer-help/${entry.id}`)).status).toBe(204);

      const yesterday = (await plan.volunteer.post('/volunteer-help', { topic: 'letters' })).body;
      await owner.query(`UPDATE volunteer_help SET occurred_at = occurred_at - interval '2 days', created_at = created_at - interval '2 days' WHERE id = $1`, [yesterday.id]);
      const late = await plan.volunteer.delete(`/volunteer-help/${yesterday.id}`);
      expect(late.status).toBe(422);
      expect(late.body.code).toBe('volunteer_help_not_today');
    });
  });

  describe('the counts', () => {
    beforeAll(async () => {
      // Hand-made help in and around the first half-year of 2026 (help this old cannot be recorded through the API).
      const help = (volunteer: Caller, at: string, topic: string, minutes: number | null, escort: boolean) =>
        owner.query(`INSERT INTO volunteer_help (plan_id, volunteer_id, occurred_at, topic, minutes, escort) VALUES ($1, $2, $3, $4, $5, $6)`, [plan.planId, volunteer.user.id, at, topic, minutes, escort]);
      await help(plan.volunteer, '2025-12-31T23:30:00+01:00', 'letters', 30, false); // H2 2025
      await help(plan.volunteer, '2026-01-01T00:10:00+01:00', 'letters', 30, false); // H1
      await help(plan.volunteer, '2026-03-10T10:00:00+01:00', 'mitid', 20, true); // H1
      await help(otherVolunteer, '2026-06-30T23:30:00+02:00', 'eboks', null, true); // 21:30 UTC: still 30 June in Denmark, H1
      await help(otherVolunteer, '2026-07-01T00:15:00+02:00', 'aula', 15, false); // H2
    });

    it('shows the counts only to the leader and the coordinator the leader named', async () => {
      const refused = await plan.counsellor.get('/volunteer-help/summary?from=2026-01-01&to=2026-06-30');
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('not_volunteer_coordinator');
      expect((await plan.volunteer.get('/volunteer-help/summary')).status).toBe(403);

      const named = await plan.leader.put('/volunteer-help/coordinator', { userId: plan.counsellor.user.id });
      expect(named.status).toBe(200);
      expect(named.body.userId).toBe(plan.counsellor.user.id);
      expect((await plan.volunteer.get('/volunteer-help/coordinator')).body.userId).toBe(plan.counsellor.user.id);
      expect((await plan.counsellor.get('/volunteer-help/summary?from=2026-01-01&to=2026-06-30')).status).toBe(200);
      expect((await plan.socialWorker.get('/volunteer-help/summary?from=2026-01-01&to=2026-06-30')).status).toBe(403);

      const caseworker = await plan.leader.put('/volunteer-help/coordinator', { userId: plan.caseworker.user.id });
      expect(caseworker.status).toBe(422);
      expect(caseworker.body.code).toBe('coordinator_not_eligible');
    });

    it('counts the first half-year in Danish time: 23:30 on 30 June in, 23:30 on 31 December before and 00:15 on 1 July out', async () => {
      const res = await plan.leader.get('/volunteer-help/summary?from=2026-01-01&to=2026-06-30');
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        from: '2026-01-01',
        to: '2026-06-30',
        entries: 3,
        minutes: 50,
        byTopic: { letters: 1, mitid: 1, eboks: 1 },
        escorts: 2,
        activeVolunteers: 2,
        topicLabels: { letters: 'Breve fra myndigheder', mitid: 'MitID', eboks: 'e-Boks' },
      });
      const lastDay = await plan.leader.get('/volunteer-help/summary?from=2026-06-30&to=2026-06-30');
      expect(lastDay.body).toMatchObject({ entries: 1, byTopic: { eboks: 1 }, activeVolunteers: 1 });
    });

    it('refuses a period that ends before it starts', async () => {
      const res = await plan.leader.get('/volunteer-help/summary?from=2026-07-01&to=2026-06-30');
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('volunteer_period_invalid');
      expect((await plan.leader.get('/volunteer-help/summary?from=30-06-2026')).status).toBe(400);
    });

    it('reports the volunteers in the half-year report, computes the active-volunteers indicator and exports them in Danish', async () => {
      expectStatus(
        await plan.leader.post('/indicators', {
          goal: 'Flere frivillige hjælper beboerne',
          indicator: 'Antal frivillige i støttegruppen',
          unit: 'frivillige',
          dataSource: 'Helhedsplanens registreringer',
          metric: 'active_volunteers',
        }),
        201,
        'indicator',
      );
      const report = await completedReport(plan.leader, 2026, 1);
      expect(report.result!.volunteers).toEqual({ activeVolunteers: 2, entries: 3, byTopic: { letters: 1, mitid: 1, eboks: 1 }, escorts: 2, topicLabels: { tax: 'Skat og forskudsopgørelse' } });
      const indicators = report.result!.indicators as unknown as { indicator: string; value: number | null }[];
      expect(indicators.find((i) => i.indicator === 'Antal frivillige i støttegruppen')?.value).toBe(2);

      const csv = (await asBytes(plan.leader.get(`/reports/${report.id}/export?format=csv`))).body.toString('utf8');
      expect(csv).toContain('Aktive frivillige');
      expect(csv).toContain('Frivilliges hjælp fordelt på emne');
      expect(csv).toContain('Breve fra myndigheder');
      // Small counts are hidden as in every other section (the plan's threshold is 5).
      expect(csv).not.toMatch(/Aktive frivillige;2\b/);
    });
  });
});
