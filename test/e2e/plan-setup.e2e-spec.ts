import { asAdmin, createPlan, type PlanFixture, withPlan } from '../support/fixtures';
import type { TestApp } from '../support/test-app';

const SETTINGS = { guardianConsentBelowAge: 15, suppressionThreshold: 5, retentionMonths: 60, jobProgramme: { minAge: 13, maxAge: 15, hoursPerWeek: { min: 2, max: 6 }, months: { min: 3, max: 5 }, targetPerYear: 18 } };

describe("setting up a plan: who adds what, and the leader's checklist", () => {
  let t: TestApp;
  let plan: PlanFixture;
  withPlan((world) => ({ t, plan } = world));

  it('tells a leader who tries to add a housing area or an organisation that the platform admin adds them', async () => {
    const area = await plan.leader.post(`/plans/${plan.planId}/housing-areas`, { name: 'Ny afdeling' });
    expect([area.status, area.body.code]).toEqual([403, 'provisioned_by_admin']);
    expect(area.body.detail).toMatch(/platform admin/);
    const organisation = await plan.leader.post(`/plans/${plan.planId}/organisations`, { name: 'Ny skole', kind: 'school' });
    expect([organisation.status, organisation.body.code]).toEqual([403, 'provisioned_by_admin']);
    // Another role gets the same answer: the route's refusal says who may, whoever asks.
    const counsellor = await plan.counsellor.post(`/plans/${plan.planId}/housing-areas`, { name: 'Ny afdeling' });
    expect([counsellor.status, counsellor.body.code]).toEqual([403, 'provisioned_by_admin']);
    // The leader still edits what the admin added.
    const areas = await plan.leader.get('/housing-areas');
    const first = areas.body.items[0];
    const renamed = await plan.leader.patch(`/plans/${plan.planId}/housing-areas/${first.id}`, { name: `${first.name} Nord`, version: first.version });
    expect(renamed.status).toBe(200);
  });

  it('keeps the generic refusal on routes that name no one', async () => {
    const res = await plan.leader.get('/plans');
    expect([res.status, res.body.code]).toEqual([403, 'forbidden']);
  });

  it('counts what a new plan has, and moves each item as it is done', async () => {
    const admin = await asAdmin(t);
    const created = await admin.post('/plans', { name: 'Ny plan til tjeklisten', municipality: 'Varde', validFrom: '2026-01-01', validTo: '2029-12-31' });
    expect(created.status).toBe(201);
    const planId = created.body.id as string;
    const empty = await admin.get(`/plans/${planId}/setup-status`);
    expect(empty.status).toBe(200);
    expect(empty.body).toMatchObject({
      plan: { id: planId, name: 'Ny plan til tjeklisten', version: created.body.version },
      housingAreas: 0,
      organisations: 0,
      staff: 0,
      pendingInvitations: 0,
      settingsSaved: false,
      activities: 0,
    });
    expect(typeof empty.body.indicators).toBe('number');

    expect((await admin.post(`/plans/${planId}/housing-areas`, { name: 'Vestparken' })).status).toBe(201);
    expect((await admin.post(`/plans/${planId}/organisations`, { name: 'Jobcenter Varde', kind: 'municipal' })).status).toBe(201);
    expect((await admin.post(`/plans/${planId}/users`, { email: 'leder@varde.test', name: 'Lene Leder', role: 'leader' })).status).toBe(201);
    expect((await admin.put(`/plans/${planId}/settings`, SETTINGS)).status).toBe(200);
    const after = await admin.get(`/plans/${planId}/setup-status`);
    expect(after.body).toMatchObject({ housingAreas: 1, organisations: 1, staff: 0, pendingInvitations: 1, settingsSaved: true });
  });

  it("lets a plan's leader read their own plan's status, with its staff, and answers 404 for another plan", async () => {
    const own = await plan.leader.get(`/plans/${plan.planId}/setup-status`);
    expect(own.status).toBe(200);
    // createPlan's counsellor, social worker, two caseworkers and a partner organisation's volunteer; the leader is not counted as staff.
    expect(own.body).toMatchObject({ plan: { id: plan.planId }, housingAreas: 2, organisations: 4, staff: 5 });
    const other = await createPlan(t, 'Fremmed');
    const foreign = await plan.leader.get(`/plans/${other.planId}/setup-status`);
    expect([foreign.status, foreign.body.code]).toEqual([404, 'not_found']);
    const counsellor = await plan.counsellor.get(`/plans/${plan.planId}/setup-status`);
    expect(counsellor.status).toBe(403);
  });
});
