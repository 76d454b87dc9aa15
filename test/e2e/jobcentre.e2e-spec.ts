import { addStaff, createPlan, expectStatus, registerResident, withPlan, type Caller, type PlanFixture } from '../support/fixtures';
import { ownerDatabase } from '../support/owner-database';
import { completedReport } from '../support/reports';
import type { TestApp } from '../support/test-app';

interface Enrolment {
  id: string;
  version: number;
  running: boolean;
  quarters: { quarter: string; active: boolean }[];
}

const hourAgo = () => new Date(Date.now() - 3_600_000).toISOString();

describe("the job centre's own caseload (fremskudt jobcenter, 002_*, 004_*)", () => {
  let t: TestApp;
  let plan: PlanFixture;
  withPlan((world) => ({ t, plan } = world), 'Varde jobcenter');
  const owner = ownerDatabase();

  const person = (firstName: string, caller: Caller = plan.caseworker, within: PlanFixture = plan) =>
    registerResident(caller, { housingAreaId: within.areas.notEligible, firstName, lastName: 'Nielsen', birthDate: '1985-03-02', gender: 'male', confirmNotDuplicate: true });
  const body = (residentId: string, extra: object = {}) => ({ residentId, effort: 'Fremskudt jobcenter', targetGroup: '6.3', criteriaMet: ['complex_problems', 'lives_in_area'], startedOn: '2026-01-12', ...extra });

  async function enrol(caller: Caller, residentId: string, extra: object = {}): Promise<Enrolment> {
    const res = await caller.post('/jobcentre-enrolments', body(residentId, extra));
    expectStatus(res, 201, 'enrol');
    return res.body;
  }

  async function mark(caller: Caller, id: string, quarter: string, active = true): Promise<Enrolment> {
    const res = await caller.put(`/jobcentre-enrolments/${id}/quarters/${quarter}`, { active });
    expectStatus(res, 200, `mark ${quarter}`);
    return res.body;
  }

  async function end(caller: Caller, id: string, endedOn: string, reason: string): Promise<Enrolment> {
    const res = await caller.post(`/jobcentre-enrolments/${id}/end`, { endedOn, reason });
    expectStatus(res, 200, 'end');
    return res.body;
  }

  describe('registering, quarters and ending', () => {
    it('registers Ali of the caseload in the job centre\'s compartment and enrols him in the effort, audited', async () => {
      const ali = await person('Ali');
      expect((await plan.caseworker.get(`/residents/${ali.id}`)).body.compartment).toBe('jobcentre');
      const res = await plan.caseworker.post('/jobcentre-enrolments', body(ali.id));
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ residentId: ali.id, residentName: 'Ali Nielsen', effort: 'Fremskudt jobcenter', targetGroup: '6.3', criteriaMet: ['complex_problems', 'lives_in_area'], startedOn: '2026-01-12', running: true, endedOn: null, endReason: null, quarters: [], version: 1 });
      expect(await owner.count(`audit_events WHERE resident_id = $1 AND action = 'jobcentre_enrolment.started' AND purpose = 'jobcentre'`, [ali.id])).toBe(1);
      const one = await plan.caseworker.get(`/jobcentre-enrolments/${res.body.id}`);
      expect(one.status).toBe(200);
      expect(await owner.count(`audit_events WHERE resident_id = $1 AND action = 'jobcentre_enrolment.read'`, [ali.id])).toBe(1);
    });

    it('refuses what is not the caseload: a start after today (422), an unknown target group or criterion (400), a second running enrolment in the effort (409)', async () => {
      const bo = await person('Bo');
      const future = await plan.caseworker.post('/jobcentre-enrolments', body(bo.id, { startedOn: '2099-01-01' }));
      expect(future.status).toBe(422);
      expect(future.body.code).toBe('jobcentre_enrolment_rules_unmet');
      expect((await plan.caseworker.post('/jobcentre-enrolments', body(bo.id, { targetGroup: '6.9' }))).status).toBe(400);
      expect((await plan.caseworker.post('/jobcentre-enrolments', body(bo.id, { criteriaMet: ['is_nice'] }))).status).toBe(400);
      expect((await plan.caseworker.post('/jobcentre-enrolments', body(bo.id, { effort: 'x'.repeat(81) }))).status).toBe(400);
      expect((await plan.caseworker.post('/jobcentre-enrolments', body(bo.id, { note: 'fritekst' }))).status).toBe(400);
      const first = await enrol(plan.caseworker, bo.id);
      const second = await plan.caseworker.post('/jobcentre-enrolments', body(bo.id, { startedOn: '2026-02-01' }));
      expect(second.status).toBe(409);
      expect(second.body).toMatchObject({ code: 'jobcentre_enrolment_already_running', existingEnrolmentId: first.id });
      expect((await plan.caseworker.post('/jobcentre-enrolments', body(bo.id, { effort: 'Beboerrådgivning for job og uddannelse' }))).status).toBe(201);
    });

    it("does not enrol the counsellor's residents: they are not the job centre's (404)", async () => {
      const helle = await person('Helle', plan.counsellor);
      expect((await plan.caseworker.post('/jobcentre-enrolments', body(helle.id))).status).toBe(404);
      expect((await plan.counsellor.post('/jobcentre-enrolments', body(helle.id))).status).toBe(403);
    });

    it('marks Q1 active once however often it is sent, and refuses a quarter the enrolment does not run in or that has not begun', async () => {
      const carl = await person('Carl');
      const e = await enrol(plan.caseworker, carl.id, { startedOn: '2026-02-10' });
      const marked = await mark(plan.caseworker, e.id, '2026-Q1');
      expect(marked).toMatchObject({ quarters: [{ quarter: '2026-Q1', active: true }], version: 2 });
      const again = await mark(plan.caseworker, e.id, '2026-Q1');
      expect(again.version).toBe(2);
      expect(await owner.count(`audit_events WHERE entity_id = $1 AND action = 'jobcentre_enrolment.quarter_marked'`, [e.id])).toBe(1);
      const before = await plan.caseworker.put(`/jobcentre-enrolments/${e.id}/quarters/2025-Q4`, { active: true });
      expect(before.status).toBe(422);
      expect(before.body.code).toBe('jobcentre_quarter_outside_enrolment');
      expect((await plan.caseworker.put(`/jobcentre-enrolments/${e.id}/quarters/2099-Q1`, { active: true })).status).toBe(422);
      expect((await plan.caseworker.put(`/jobcentre-enrolments/${e.id}/quarters/2026-Q5`, { active: true })).status).toBe(400);
      expect((await plan.caseworker.put(`/jobcentre-enrolments/${e.id}/quarters/2026-Q2`, { active: 'yes' })).status).toBe(400);
      const stale = await plan.caseworker.put(`/jobcentre-enrolments/${e.id}/quarters/2026-Q2`, { active: true, version: 1 });
      expect(stale.status).toBe(409);
      expect(stale.body.code).toBe('stale_version');
    });

    it('ends an enrolment with a reason, not before a quarter marked active, and only once', async () => {
      const dan = await person('Dan');
      const e = await enrol(plan.caseworker, dan.id, { startedOn: '2026-02-10' });
      await mark(plan.caseworker, e.id, '2026-Q2');
      const early = await plan.caseworker.post(`/jobcentre-enrolments/${e.id}/end`, { endedOn: '2026-03-31', reason: 'job' });
      expect(early.status).toBe(422);
      expect(early.body.errors).toEqual([expect.objectContaining({ rule: 'no_active_quarter_after_end' })]);
      expect((await plan.caseworker.post(`/jobcentre-enrolments/${e.id}/end`, { endedOn: '2026-05-31', reason: 'retired' })).status).toBe(400);
      const ended = await end(plan.caseworker, e.id, '2026-05-31', 'flexjob');
      expect(ended).toMatchObject({ running: false, endedOn: '2026-05-31', endReason: 'flexjob' });
      const twice = await plan.caseworker.post(`/jobcentre-enrolments/${e.id}/end`, { endedOn: '2026-06-01', reason: 'job' });
      expect(twice.status).toBe(409);
      expect(twice.body.code).toBe('jobcentre_enrolment_already_ended');
      expect((await plan.caseworker.put(`/jobcentre-enrolments/${e.id}/quarters/2026-Q3`, { active: true })).status).toBe(422);
    });
  });

  describe('the boligsocial staff see it only under a share_jobcentre consent', () => {
    let counsellor: Caller;
    let housingOrg: string;

    beforeAll(async () => {
      const org = await plan.admin.post(`/plans/${plan.planId}/organisations`, { name: 'Boligselskabet Sydjylland', kind: 'housing_association' });
      expectStatus(org, 201, 'organisation');
      housingOrg = org.body.id;
      counsellor = await addStaff(t, { planId: plan.planId, admin: plan.admin, leader: plan.leader }, 'counsellor', { organisationId: housingOrg, name: 'Boligsocial rådgiver' });
    });

    it("is closed to the counsellor without consent, opens with the person's consent naming their organisation, and closes at once on withdrawal", async () => {
      const emil = await person('Emil');
      const e = await enrol(plan.caseworker, emil.id);
      expect((await counsellor.get(`/jobcentre-enrolments/${e.id}`)).status).toBe(404);
      expect((await counsellor.get(`/jobcentre-enrolments?residentId=${emil.id}`)).body.items).toEqual([]);

      const consent = await plan.caseworker.post('/consents', { residentId: emil.id, scope: 'share_jobcentre', recipientOrganisationIds: [housingOrg], givenBy: 'resident', form: 'oral', givenAt: hourAgo() });
      expectStatus(consent, 201, 'consent');
      const shared = await counsellor.get(`/jobcentre-enrolments/${e.id}`);
      expect(shared.status).toBe(200);
      expect(shared.body.residentName).toBe('Emil Nielsen');
      expect((await counsellor.get(`/jobcentre-enrolments?residentId=${emil.id}`)).body.items.map((i: Enrolment) => i.id)).toEqual([e.id]);
      expect((await counsellor.get(`/residents/${emil.id}`)).status).toBe(200);
      expect(await owner.count(`audit_events WHERE resident_id = $1 AND action = 'jobcentre_enrolment.read' AND purpose = 'shared_by_consent'`, [emil.id])).toBe(1);
      // Sharing is reading: the counsellor changes nothing, and another organisation's staff see nothing.
      expect((await counsellor.post(`/jobcentre-enrolments/${e.id}/end`, { endedOn: '2026-06-01', reason: 'job' })).status).toBe(403);
      expect((await plan.socialWorker.get(`/jobcentre-enrolments/${e.id}`)).status).toBe(404);

      expectStatus(await plan.caseworker.post(`/consents/${consent.body.id}/withdraw`, {}), 200, 'withdraw');
      expect((await counsellor.get(`/jobcentre-enrolments/${e.id}`)).status).toBe(404);
      expect((await counsellor.get(`/residents/${emil.id}`)).status).toBe(404);
    });

    it('refuses a share_jobcentre consent for a resident of the counselling compartment (422)', async () => {
      const helle = await person('Helle', plan.counsellor);
      const res = await plan.counsellor.post('/consents', { residentId: helle.id, scope: 'share_jobcentre', recipientOrganisationIds: [housingOrg], givenBy: 'resident', form: 'oral', givenAt: hourAgo() });
      expect(res.status).toBe(422);
    });
  });

  describe("the person's rights", () => {
    it("puts the enrolments in the person's copy with Danish words, and an erasure keeps the figures", async () => {
      const other = await createPlan(t, 'Rettigheder');
      const finn = await person('Finn', other.caseworker, other);
      const e = await enrol(other.caseworker, finn.id, { targetGroup: '6.5', startedOn: '2026-01-05' });
      await mark(other.caseworker, e.id, '2026-Q1');
      await end(other.caseworker, e.id, '2026-03-20', 'small_job');
      const copy = await other.caseworker.get(`/residents/${finn.id}/export`);
      expect(copy.status).toBe(200);
      expect(copy.body.jobcentreEnrolments).toEqual([
        expect.objectContaining({ effort: 'Fremskudt jobcenter', targetGroup: '6.5', targetGroupLabel: expect.stringContaining('Aktivitetsparat uddannelseshjælps'), criteriaMetLabel: ['Komplekse problemstillinger', 'Bor i boligområdet'], endReason: 'small_job', endReasonLabel: 'Småjob', activeQuarters: ['2026-Q1'] }),
      ]);
      const figuresBefore = (await other.caseworker.get('/jobcentre-enrolments/figures?period=2026-Q1')).body;
      expectStatus(await other.caseworker.post(`/residents/${finn.id}/erase`, { reason: 'resident_request' }), 200, 'erase');
      const figuresAfter = (await other.caseworker.get('/jobcentre-enrolments/figures?period=2026-Q1')).body;
      expect(figuresAfter).toEqual(figuresBefore);
      expect(figuresAfter).toMatchObject({ covered: 1, active: 1, endedByReason: expect.objectContaining({ small_job: 1 }) });
    });
  });

  describe('figures per quarter and half-year, on hand-made data', () => {
    let world: PlanFixture;

    /*
     * A: 6.3 from 1 Feb, running, active in Q1 and Q3.
     * B: 6.5 from 10 May to 15 Aug (across the half-years), ended with a job, active in Q2 only.
     * C: 6.1 from 5 Jan to 20 Mar, ended with a småjob, never active.
     * D: 6.3 from 1 Jul, running, never active.
     */
    beforeAll(async () => {
      world = await createPlan(t, 'Sønderborg tal');
      const cw = world.caseworker;
      const a = await enrol(cw, (await person('Anders', cw, world)).id, { targetGroup: '6.3', startedOn: '2026-02-01' });
      await mark(cw, a.id, '2026-Q1');
      await mark(cw, a.id, '2026-Q3');
      const b = await enrol(cw, (await person('Birgit', cw, world)).id, { targetGroup: '6.5', startedOn: '2026-05-10' });
      await mark(cw, b.id, '2026-Q2');
      await end(cw, b.id, '2026-08-15', 'job');
      const c = await enrol(cw, (await person('Cecilie', cw, world)).id, { targetGroup: '6.1', startedOn: '2026-01-05' });
      await mark(cw, c.id, '2026-Q1', false);
      await end(cw, c.id, '2026-03-20', 'small_job');
      await enrol(cw, (await person('Dorthe', cw, world)).id, { targetGroup: '6.3', startedOn: '2026-07-01' });
    });

    const figures = async (period: string, caller: Caller = world.caseworker) => {
      const res = await caller.get(`/jobcentre-enrolments/figures?period=${period}`);
      expectStatus(res, 200, `figures ${period}`);
      return res.body;
    };

    it('counts Q1: two covered, one active (activation rate 50 %), two started, one ended with a småjob', async () => {
      expect(await figures('2026-Q1')).toMatchObject({
        from: '2026-01-01', to: '2026-04-01', covered: 2, active: 1, started: 2, activationRate: 0.5, suppressed: false,
        byTargetGroup: expect.objectContaining({ '6.1': 1, '6.3': 1, '6.5': 0 }),
        endedByReason: expect.objectContaining({ small_job: 1, job: 0 }),
      });
    });

    it('counts an enrolment across 1 July in both half-years, and its Q2 activity in H1 only', async () => {
      const h1 = await figures('2026-H1');
      expect(h1).toMatchObject({ covered: 3, active: 2, started: 3, byTargetGroup: expect.objectContaining({ '6.1': 1, '6.3': 1, '6.5': 1 }), endedByReason: expect.objectContaining({ small_job: 1, job: 0 }) });
      expect(h1.activationRate).toBeCloseTo(2 / 3);
      const h2 = await figures('2026-H2');
      expect(h2).toMatchObject({ covered: 3, active: 1, started: 1, byTargetGroup: expect.objectContaining({ '6.1': 0, '6.3': 2, '6.5': 1 }), endedByReason: expect.objectContaining({ job: 1, small_job: 0 }) });
      expect(h2.activationRate).toBeCloseTo(1 / 3);
      expect(await figures('2026-Q2')).toMatchObject({ covered: 2, active: 1, activationRate: 0.5 });
      expect(await figures('2026-Q3')).toMatchObject({ covered: 3, active: 1, started: 1 });
    });

    it("shows the leader the same figures with small counts hidden, and refuses a period that is not one (400)", async () => {
      expect(await figures('2026-H1', world.leader)).toMatchObject({ covered: '<5', active: '<5', started: '<5', activationRate: null, suppressed: true, byTargetGroup: expect.objectContaining({ '6.2': 0, '6.3': '<5' }) });
      expect((await world.caseworker.get('/jobcentre-enrolments/figures?period=2026-H3')).status).toBe(400);
      expect((await world.caseworker.get('/jobcentre-enrolments/figures')).status).toBe(400);
      expect((await world.counsellor.get('/jobcentre-enrolments/figures?period=2026-Q1')).status).toBe(403);
    });

    it('lists the caseload without free text about the person, only to its own plan', async () => {
      const list = await world.caseworker.get('/jobcentre-enrolments?limit=2');
      expect(list.status).toBe(200);
      expect(list.body.items).toHaveLength(2);
      expect(list.body.nextCursor).not.toBeNull();
      expect(Object.keys(list.body.items[0]).sort()).toEqual(['createdAt', 'criteriaMet', 'effort', 'endReason', 'endedOn', 'id', 'quarters', 'residentId', 'residentName', 'running', 'startedOn', 'targetGroup', 'version']);
      expect((await plan.caseworker.get(`/jobcentre-enrolments/${list.body.items[0].id}`)).status).toBe(404);
      const running = await world.caseworker.get('/jobcentre-enrolments?running=true');
      expect(running.body.items).toHaveLength(2);
    });

    it("puts the half-year's caseload into the report and its CSV, in Danish, with the seed's two indicators computed from it", async () => {
      const indicator = (indicatorName: string, unit: string, metric: string) =>
        world.leader.post('/indicators', { goal: 'De ledige skal være aktive og aktiveringsgraden skal øges', indicator: indicatorName, unit, dataSource: 'Jobcenter', metric });
      expectStatus(await indicator('Antal beboere omfattet af det fremskudte jobcenter', 'beboere pr. kvartal', 'jobcentre_covered'), 201, 'covered indicator');
      expectStatus(await indicator('Aktiveringsgrad blandt de ledige', 'andel', 'jobcentre_activation_rate'), 201, 'rate indicator');
      const report = await completedReport(world.leader, 2026, 1);
      expect(report.result?.jobcentre).toMatchObject({ covered: 3, active: 2, started: 3, endedByReason: expect.objectContaining({ small_job: 1 }) });
      const indicators = report.result?.indicators as unknown as { metric: string; value: number | null }[];
      expect(indicators.find((i) => i.metric === 'jobcentre_covered')?.value).toBe(3);
      expect(indicators.find((i) => i.metric === 'jobcentre_activation_rate')?.value).toBeCloseTo(2 / 3);
      const csv = await world.leader.get(`/reports/${report.id}/export?format=csv`).buffer(true);
      const text = Buffer.isBuffer(csv.body) ? csv.body.toString('utf8') : csv.text;
      expect(text).toContain('Borgere omfattet af det fremskudte jobcenter');
      expect(text).toContain('Aktiveringsgrad');
      expect(text).toContain('Afsluttede forløb fordelt på årsag');
      expect(text).toContain('6.5 Aktivitetsparat uddannelseshjælps- og overgangsydelsesmodtager');
      const figuresView = await world.leader.get(`/reports/${report.id}/figures`);
      expect(figuresView.body.sections.map((s: { title: string }) => s.title)).toContain('Jobcenter');
    });
  });

  it('records quarterly indicator values (2026-Q1) next to half-years and years', async () => {
    const indicator = await plan.leader.post('/indicators', { goal: 'De ledige skal være aktive', indicator: 'Antal beboere omfattet af det fremskudte jobcenter', unit: 'beboere pr. kvartal', dataSource: 'Jobcenter', target: 30 });
    expectStatus(indicator, 201, 'indicator');
    expect(indicator.body.targetKind).toBe('quarterly');
    const value = await plan.leader.post(`/indicators/${indicator.body.id}/values`, { period: '2026-Q1', value: 27 });
    expectStatus(value, 201, 'quarterly value');
    expect((await plan.leader.post(`/indicators/${indicator.body.id}/values`, { period: '2026-Q5', value: 27 })).status).toBe(400);
    const values = await plan.leader.get(`/indicators/${indicator.body.id}/values?period=2026-Q1`);
    expect(values.body.items.map((v: { period: string; value: number }) => [v.period, v.value])).toEqual([['2026-Q1', 27]]);
  });
});
