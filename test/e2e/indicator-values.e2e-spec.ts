import { createPlan, type Caller, type PlanFixture, withPlan } from '../support/fixtures';
import { type TestApp } from '../support/test-app';

/** 001_*: baselines "to be filled in the first whole calendar year" (2026), from the school survey. */
const SURVEY = {
  goal: 'Øge de unges viden om arbejdsmarkedet',
  indicator: 'Andelen af unge der giver udtryk for at have fået øget viden om arbejdsmarkedet',
  unit: 'andel',
  dataSource: 'Lokal registrering',
};

async function addIndicator(leader: Caller, body: object = SURVEY): Promise<{ id: string; version: number }> {
  const res = await leader.post('/indicators', body);
  expect(res.status).toBe(201);
  return res.body;
}

async function auditOf(leader: Caller, action: string, entityId: string) {
  const res = await leader.get(`/audit-events?limit=200`);
  expect(res.status).toBe(200);
  return (res.body.items as { action: string; entityId: string; changes: unknown }[]).filter((e) => e.action === action && e.entityId === entityId);
}

describe('indicator values', () => {
  let t: TestApp;
  let plan: PlanFixture;
  let other: PlanFixture;
  withPlan((world) => ({ t, plan } = world), 'Indikatorværdier');
  beforeAll(async () => {
    other = await createPlan(t, 'Anden plan');
  });

  it("records the survey's share for H1 2026 with its source and note", async () => {
    const survey = await addIndicator(plan.leader);
    const res = await plan.leader.post(`/indicators/${survey.id}/values`, { period: '2026-H1', value: 0.42, source: 'Trivselsmåling 8. klasse', note: 'Svarprocent 64' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ indicatorId: survey.id, period: '2026-H1', value: 0.42, source: 'Trivselsmåling 8. klasse', note: 'Svarprocent 64', revision: 1, current: true, recordedBy: plan.leader.user.id });
    const listed = await plan.leader.get(`/indicators/${survey.id}/values`);
    expect(listed.status).toBe(200);
    expect(listed.body).toEqual({ items: [expect.objectContaining({ id: res.body.id, value: 0.42 })], nextCursor: null });
  });

  it("keeps the leader's correction of a half-year's value as its next revision, with the first in the history, each audited with what it replaced", async () => {
    const survey = await addIndicator(plan.leader);
    const first = await plan.leader.post(`/indicators/${survey.id}/values`, { period: '2026-H2', value: 0.4 });
    const corrected = await plan.leader.post(`/indicators/${survey.id}/values`, { period: '2026-H2', value: 0.45, note: 'Skolen havde talt forkert' });
    expect(corrected.status).toBe(201);
    expect(corrected.body).toMatchObject({ revision: 2, value: 0.45, current: true });

    const current = await plan.leader.get(`/indicators/${survey.id}/values`);
    expect(current.body.items.map((v: { value: number }) => v.value)).toEqual([0.45]);
    expect((await plan.leader.get(`/indicators/${survey.id}/values?history=false`)).body.items).toEqual(current.body.items);
    const history = await plan.leader.get(`/indicators/${survey.id}/values?history=true`);
    expect(history.body.items.map((v: { revision: number; current: boolean }) => [v.revision, v.current])).toEqual([
      [2, true],
      [1, false],
    ]);

    expect(await auditOf(plan.leader, 'indicator_value.recorded', first.body.id)).toEqual([expect.objectContaining({ changes: { before: {}, after: { value: 0.4, source: null, note: null, revision: 1 } } })]);
    expect(await auditOf(plan.leader, 'indicator_value.corrected', corrected.body.id)).toEqual([
      expect.objectContaining({ changes: { before: { value: 0.4, source: null, note: null, revision: 1 }, after: { value: 0.45, source: null, note: 'Skolen havde talt forkert', revision: 2 } } }),
    ]);
  });

  it('answers a retried value with its Idempotency-Key the first answer again, never as a correction', async () => {
    const survey = await addIndicator(plan.leader);
    const send = () => plan.leader.post(`/indicators/${survey.id}/values`, { period: '2026-H1', value: 0.5 }).set('Idempotency-Key', `value-${survey.id}`);
    const first = await send();
    const retried = await send();
    expect(retried.status).toBe(201);
    expect(retried.body).toEqual(first.body);
    expect((await plan.leader.get(`/indicators/${survey.id}/values?history=true`)).body.items).toHaveLength(1);
  });

  it('keeps a yearly value apart from the half-years of the same year', async () => {
    const survey = await addIndicator(plan.leader);
    expect((await plan.leader.post(`/indicators/${survey.id}/values`, { period: '2025', value: 0.3 })).body.revision).toBe(1);
    expect((await plan.leader.post(`/indicators/${survey.id}/values`, { period: '2025-H1', value: 0.28 })).body.revision).toBe(1);
    const only = await plan.leader.get(`/indicators/${survey.id}/values?period=2025`);
    expect(only.body.items.map((v: { period: string }) => v.period)).toEqual(['2025']);
  });

  it('pages through the values newest first', async () => {
    const survey = await addIndicator(plan.leader);
    for (const period of ['2024', '2025-H1', '2025-H2']) expect((await plan.leader.post(`/indicators/${survey.id}/values`, { period, value: 0.3 })).status).toBe(201);
    const first = await plan.leader.get(`/indicators/${survey.id}/values?limit=2`);
    expect(first.body.items.map((v: { period: string }) => v.period)).toEqual(['2025-H2', '2025-H1']);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await plan.leader.get(`/indicators/${survey.id}/values?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body).toEqual({ items: [expect.objectContaining({ period: '2024' })], nextCursor: null });
  });

  it('refuses a value for an indicator the system computes from the report', async () => {
    const computed = await addIndicator(plan.leader, { ...SURVEY, indicator: 'Andel i ordinært fritidsjob', metric: 'ordinary_job_share' });
    const res = await plan.leader.post(`/indicators/${computed.id}/values`, { period: '2026-H1', value: 0.5 });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('indicator_value_computed');
  });

  it('refuses a value for a half-year that has not begun, and periods that are not a year or a half-year', async () => {
    const survey = await addIndicator(plan.leader);
    const future = await plan.leader.post(`/indicators/${survey.id}/values`, { period: '2099-H1', value: 0.5 });
    expect(future.status).toBe(422);
    expect(future.body.code).toBe('indicator_period_not_started');
    for (const period of ['2026-H3', '2026-1', 'H1 2026', '2026-h1', 2026]) {
      const res = await plan.leader.post(`/indicators/${survey.id}/values`, { period, value: 0.5 });
      expect(res.status).toBe(400);
    }
    expect((await plan.leader.post(`/indicators/${survey.id}/values`, { period: '2026-H1', value: 1e12 })).status).toBe(400);
    expect((await plan.leader.post(`/indicators/${survey.id}/values`, { period: '2026-H1', value: 0.5, extra: 1 })).status).toBe(400);
    expect((await plan.leader.get(`/indicators/${survey.id}/values?history=maybe`)).status).toBe(400);
  });

  it("answers 404 to another plan's leader, and 403 to every other role, for values", async () => {
    const survey = await addIndicator(plan.leader);
    expect((await other.leader.post(`/indicators/${survey.id}/values`, { period: '2026-H1', value: 0.5 })).status).toBe(404);
    expect((await other.leader.get(`/indicators/${survey.id}/values`)).status).toBe(404);
    for (const caller of [plan.counsellor, plan.socialWorker, plan.caseworker, plan.admin]) {
      expect((await caller.post(`/indicators/${survey.id}/values`, { period: '2026-H1', value: 0.5 })).status).toBe(403);
      expect((await caller.get(`/indicators/${survey.id}/values`)).status).toBe(403);
    }
    expect((await plan.leader.get(`/indicators/${survey.id}/values`)).body.items).toEqual([]);
  });
});

describe('filling in baselines and targets later', () => {
  let t: TestApp;
  let plan: PlanFixture;
  let other: PlanFixture;
  withPlan((world) => ({ t, plan } = world), 'Baselines');
  beforeAll(async () => {
    other = await createPlan(t, 'Anden plan');
  });

  it('fills in the baseline the plan promised during its first year, and audits what changed', async () => {
    const survey = await addIndicator(plan.leader, { ...SURVEY, baselineYear: 2026 });
    expect(survey).toMatchObject({ baseline: null, targetKind: 'level', version: 1 });
    const res = await plan.leader.patch(`/indicators/${survey.id}`, { baseline: 0.35, baselineSource: 'Trivselsmåling 2026', target: 0.5, targetYear: 2029, version: 1 });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ baseline: 0.35, baselineYear: 2026, baselineSource: 'Trivselsmåling 2026', target: 0.5, targetYear: 2029, version: 2, goal: SURVEY.goal });
    expect((await plan.leader.get('/indicators')).body.items).toContainEqual(expect.objectContaining({ id: survey.id, baseline: 0.35, version: 2 }));
    expect(await auditOf(plan.leader, 'indicator.updated', survey.id)).toEqual([
      expect.objectContaining({
        changes: { before: { baseline: null, baselineSource: null, target: null, targetYear: null }, after: { baseline: 0.35, baselineSource: 'Trivselsmåling 2026', target: 0.5, targetYear: 2029 } },
      }),
    ]);
  });

  it('edits name, unit, description and how the target reads, and clears a field with null', async () => {
    const youth = await addIndicator(plan.leader, { ...SURVEY, indicator: 'Antal unge i praktik', unit: 'unge', target: 18 });
    expect(youth).toMatchObject({ targetKind: 'yearly' });
    const res = await plan.leader.patch(`/indicators/${youth.id}`, { indicator: 'Antal unge i praktik via skolen', unit: 'unge pr. halvår', targetKind: 'half_yearly', description: 'Tælles af skolen', target: null });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ indicator: 'Antal unge i praktik via skolen', unit: 'unge pr. halvår', targetKind: 'half_yearly', description: 'Tælles af skolen', target: null });
  });

  it('refuses an edit made on an older version, and a target year before the baseline year', async () => {
    const survey = await addIndicator(plan.leader, { ...SURVEY, baselineYear: 2026 });
    expect((await plan.leader.patch(`/indicators/${survey.id}`, { baseline: 0.3 })).status).toBe(200);
    const stale = await plan.leader.patch(`/indicators/${survey.id}`, { baseline: 0.31, version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'stale_version', currentVersion: 2 });
    const years = await plan.leader.patch(`/indicators/${survey.id}`, { targetYear: 2025 });
    expect(years.status).toBe(422);
    expect(years.body.code).toBe('indicator_years');
    expect((await plan.leader.post('/indicators', { ...SURVEY, baselineYear: 2026, targetYear: 2024 })).status).toBe(422);
    expect((await plan.leader.patch(`/indicators/${survey.id}`, { metric: 'ordinary_job_share' })).status).toBe(400);
    expect((await plan.leader.patch(`/indicators/${survey.id}`, { goal: null })).status).toBe(400);
  });

  it("lets the admin edit any plan's indicator, answers 404 to another plan's leader and 403 to the other roles", async () => {
    const survey = await addIndicator(plan.leader);
    expect((await plan.admin.patch(`/indicators/${survey.id}`, { dataSource: 'LBF - Beboerdata' })).status).toBe(200);
    expect((await other.leader.patch(`/indicators/${survey.id}`, { dataSource: 'Fremmed' })).status).toBe(404);
    for (const caller of [plan.counsellor, plan.socialWorker, plan.caseworker]) {
      expect((await caller.patch(`/indicators/${survey.id}`, { dataSource: 'Ikke min' })).status).toBe(403);
    }
    expect((await plan.leader.get('/indicators')).body.items).toContainEqual(expect.objectContaining({ id: survey.id, dataSource: 'LBF - Beboerdata', version: 2 }));
  });
});
