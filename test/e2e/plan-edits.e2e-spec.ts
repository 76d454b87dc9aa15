import { addStaff, createPlan, type Caller, type PlanFixture, withPlan } from '../support/fixtures';
import { type TestApp } from '../support/test-app';

async function auditOf(caller: Caller, query: string, action: string, entityId: string) {
  const res = await caller.get(`/audit-events?limit=200${query}`);
  expect(res.status).toBe(200);
  return (res.body.items as { action: string; entityId: string; changes: unknown }[]).filter((e) => e.action === action && e.entityId === entityId);
}

describe('editing a plan, its housing areas and organisations', () => {
  let t: TestApp;
  let plan: PlanFixture;
  let other: PlanFixture;
  withPlan((world) => ({ t, plan } = world), 'Redigering');
  beforeAll(async () => {
    other = await createPlan(t, 'Anden plan');
  });

  describe('PATCH /plans/:planId', () => {
    it("lets the plan's leader correct the name and extend the period, audited with before and after", async () => {
      const fresh = await createPlan(t, 'Periode');
      const res = await fresh.leader.patch(`/plans/${fresh.planId}`, { name: 'Den boligsociale helhedsplan i Ishøj 2025-29', validTo: '2030-10-31', version: 1 });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: fresh.planId, name: 'Den boligsociale helhedsplan i Ishøj 2025-29', municipality: 'Ishøj', validFrom: '2025-11-01', validTo: '2030-10-31', version: 2 });
      const [event] = await auditOf(fresh.leader, '', 'plan.updated', fresh.planId);
      expect(event.changes).toEqual({ before: { name: expect.stringMatching(/^Periode /), validTo: '2029-10-31' }, after: { name: 'Den boligsociale helhedsplan i Ishøj 2025-29', validTo: '2030-10-31' } });
    });

    it('lets the admin change the municipality of any plan', async () => {
      const fresh = await createPlan(t, 'Kommune');
      const res = await fresh.admin.patch(`/plans/${fresh.planId}`, { municipality: 'Sønderborg' });
      expect(res.status).toBe(200);
      expect(res.body.municipality).toBe('Sønderborg');
      expect((await fresh.admin.get('/plans')).body.items).toContainEqual(expect.objectContaining({ id: fresh.planId, municipality: 'Sønderborg' }));
    });

    it('refuses a period that does not end after it begins, also when only one end is sent', async () => {
      for (const body of [{ validFrom: '2030-01-01' }, { validTo: '2025-11-01' }, { validFrom: '2026-01-01', validTo: '2025-12-31' }]) {
        const res = await plan.leader.patch(`/plans/${plan.planId}`, body);
        expect(res.status).toBe(422);
        expect(res.body.code).toBe('plan_period');
      }
      expect((await plan.leader.patch(`/plans/${plan.planId}`, { validFrom: '2026-02-30' })).status).toBe(400);
      expect((await plan.leader.patch(`/plans/${plan.planId}`, { name: '' })).status).toBe(400);
      expect((await plan.leader.patch(`/plans/${plan.planId}`, { suppressionThreshold: 3 })).status).toBe(400);
    });

    it('refuses an edit made on an older version', async () => {
      const fresh = await createPlan(t, 'Version');
      expect((await fresh.leader.patch(`/plans/${fresh.planId}`, { municipality: 'Varde', version: 1 })).status).toBe(200);
      const stale = await fresh.admin.patch(`/plans/${fresh.planId}`, { municipality: 'Holstebro', version: 1 });
      expect(stale.status).toBe(409);
      expect(stale.body).toMatchObject({ code: 'stale_version', currentVersion: 2 });
    });

    it("answers 404 to another plan's leader and 403 to the other roles", async () => {
      expect((await other.leader.patch(`/plans/${plan.planId}`, { name: 'Overtaget' })).status).toBe(404);
      for (const caller of [plan.counsellor, plan.socialWorker, plan.caseworker]) {
        expect((await caller.patch(`/plans/${plan.planId}`, { name: 'Overtaget' })).status).toBe(403);
      }
      expect((await plan.admin.patch('/plans/00000000-0000-4000-8000-000000000000', { name: 'Ingen' })).status).toBe(404);
    });
  });

  describe('PATCH /plans/:planId/housing-areas/:id', () => {
    it('renames a housing area and makes it eligible for leisure jobs, audited with before and after', async () => {
      const fresh = await createPlan(t, 'Områder');
      const res = await fresh.leader.patch(`/plans/${fresh.planId}/housing-areas/${fresh.areas.notEligible}`, { name: 'Strandparken Syd', jobProgrammeEligible: true, version: 1 });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ id: fresh.areas.notEligible, planId: fresh.planId, name: 'Strandparken Syd', jobProgrammeEligible: true, version: 2 });
      expect((await fresh.counsellor.get('/housing-areas')).body.items).toContainEqual(expect.objectContaining({ id: fresh.areas.notEligible, name: 'Strandparken Syd' }));
      const [event] = await auditOf(fresh.leader, '', 'housing_area.updated', fresh.areas.notEligible);
      expect(event.changes).toEqual({ before: { name: 'Strandparken', jobProgrammeEligible: false }, after: { name: 'Strandparken Syd', jobProgrammeEligible: true } });
    });

    it('refuses the name of another housing area of the plan, and a stale version', async () => {
      const taken = await plan.leader.patch(`/plans/${plan.planId}/housing-areas/${plan.areas.notEligible}`, { name: 'Vejleåparken' });
      expect(taken.status).toBe(409);
      expect(taken.body.code).toBe('duplicate_housing_area');
      expect((await plan.leader.patch(`/plans/${plan.planId}/housing-areas/${plan.areas.eligible}`, { name: 'Vejleåparken' })).status).toBe(200);
      const stale = await plan.leader.patch(`/plans/${plan.planId}/housing-areas/${plan.areas.eligible}`, { jobProgrammeEligible: false, version: 1 });
      expect(stale.status).toBe(409);
      expect(stale.body.code).toBe('stale_version');
    });

    it("answers 404 for another plan's area or to another plan's leader, and 403 to the other roles", async () => {
      expect((await plan.leader.patch(`/plans/${plan.planId}/housing-areas/${other.areas.eligible}`, { name: 'Fremmed' })).status).toBe(404);
      expect((await other.leader.patch(`/plans/${plan.planId}/housing-areas/${plan.areas.eligible}`, { name: 'Fremmed' })).status).toBe(404);
      expect((await other.leader.patch(`/plans/${other.planId}/housing-areas/${plan.areas.eligible}`, { name: 'Fremmed' })).status).toBe(404);
      for (const caller of [plan.counsellor, plan.socialWorker, plan.caseworker]) {
        expect((await caller.patch(`/plans/${plan.planId}/housing-areas/${plan.areas.eligible}`, { name: 'Fremmed' })).status).toBe(403);
      }
      expect((await plan.admin.patch(`/plans/${plan.planId}/housing-areas/${plan.areas.notEligible}`, { jobProgrammeEligible: false })).status).toBe(200);
    });
  });

  describe('PATCH /plans/:planId/organisations/:id', () => {
    it('renames an organisation and changes its kind, audited with before and after', async () => {
      const fresh = await createPlan(t, 'Organisationer');
      const res = await fresh.admin.patch(`/plans/${fresh.planId}/organisations/${fresh.organisations.school}`, { name: 'Vibeholmskolen afd. Nord', kind: 'other', version: 1 });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ id: fresh.organisations.school, planId: fresh.planId, name: 'Vibeholmskolen afd. Nord', kind: 'other', version: 2 });
      const [event] = await auditOf(fresh.admin, `&planId=${fresh.planId}`, 'organisation.updated', fresh.organisations.school);
      expect(event.changes).toEqual({ before: { name: 'Vibeholmskolen', kind: 'school' }, after: { name: 'Vibeholmskolen afd. Nord', kind: 'other' } });
    });

    it('refuses the name of another organisation of the plan, an unknown kind and a stale version', async () => {
      const taken = await plan.leader.patch(`/plans/${plan.planId}/organisations/${plan.organisations.school}`, { name: 'Center for Beskæftigelse og Erhverv' });
      expect(taken.status).toBe(409);
      expect(taken.body.code).toBe('duplicate_organisation');
      expect((await plan.leader.patch(`/plans/${plan.planId}/organisations/${plan.organisations.school}`, { kind: 'church' })).status).toBe(400);
      expect((await plan.leader.patch(`/plans/${plan.planId}/organisations/${plan.organisations.school}`, { name: 'Vibeholmskolen' })).status).toBe(200);
      const stale = await plan.leader.patch(`/plans/${plan.planId}/organisations/${plan.organisations.school}`, { kind: 'other', version: 1 });
      expect(stale.status).toBe(409);
      expect(stale.body.code).toBe('stale_version');
    });

    it("refuses a kind that no longer fits the organisation's people: the jobcenter's caseworker stays in a municipal organisation", async () => {
      const toSchool = await plan.leader.patch(`/plans/${plan.planId}/organisations/${plan.organisations.jobcenter}`, { kind: 'school' });
      expect(toSchool.status).toBe(422);
      expect(toSchool.body.code).toBe('role_organisation_mismatch');
      const fresh = await createPlan(t, 'Skoleansatte');
      await addStaff(t, fresh, 'counsellor', { email: `laerer-${fresh.planId.slice(0, 8)}@test.dk`, name: 'Lærer', organisationId: fresh.organisations.school });
      const toMunicipal = await fresh.leader.patch(`/plans/${fresh.planId}/organisations/${fresh.organisations.school}`, { kind: 'municipal' });
      expect(toMunicipal.status).toBe(422);
      expect(toMunicipal.body.code).toBe('role_organisation_mismatch');
      expect((await fresh.leader.patch(`/plans/${fresh.planId}/organisations/${fresh.organisations.children}`, { kind: 'other' })).status).toBe(422);
      const children = await fresh.admin.get(`/plans/${fresh.planId}/organisations`);
      expect(children.body.items).toContainEqual(expect.objectContaining({ id: fresh.organisations.children, kind: 'municipal', version: 1 }));
    });

    it("answers 404 for another plan's organisation or to another plan's leader, and 403 to the other roles", async () => {
      expect((await plan.leader.patch(`/plans/${plan.planId}/organisations/${other.organisations.school}`, { name: 'Fremmed' })).status).toBe(404);
      expect((await other.leader.patch(`/plans/${plan.planId}/organisations/${plan.organisations.school}`, { name: 'Fremmed' })).status).toBe(404);
      for (const caller of [plan.counsellor, plan.socialWorker, plan.caseworker]) {
        expect((await caller.patch(`/plans/${plan.planId}/organisations/${plan.organisations.school}`, { name: 'Fremmed' })).status).toBe(403);
      }
    });
  });
});
