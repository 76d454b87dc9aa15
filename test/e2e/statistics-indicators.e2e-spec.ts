import { asBytes, type Caller, type PlanFixture, withPlan } from '../support/fixtures';
import { completedReport } from '../support/reports';

const csvRows = (body: Buffer) => body.toString('utf8').replace(/^\uFEFF/, '').split('\r\n').map((line) => line.split(';'));

async function exportedCsv(leader: Caller, reportId: string): Promise<string[][]> {
  const res = await asBytes(leader.get(`/reports/${reportId}/export?format=csv`));
  expect(res.status).toBe(200);
  return csvRows(res.body as Buffer);
}

/** 004_*: internships for adults; the plan counts them a year, the board reads each half-year. */
const INTERNSHIPS = {
  goal: 'Øge de voksnes tilknytning til arbejdsmarkedet',
  indicator: 'Antal voksne i praktik hos lokale virksomheder',
  unit: 'voksne',
  baseline: 10,
  baselineYear: 2024,
  dataSource: 'Jobcenterets opgørelse',
  target: 18,
  targetYear: 2029,
};

describe("the half-year report's indicators", () => {
  let plan: PlanFixture;
  withPlan((world) => ({ plan } = world), 'Rapportindikatorer');

  it("shows each indicator's baseline, its H1 value and half of the yearly target as the H1 target, stated as such", async () => {
    const added = await plan.leader.post('/indicators', INTERNSHIPS);
    expect(added.status).toBe(201);
    const survey = await plan.leader.post('/indicators', { goal: 'Øge de unges uddannelsesparathed', indicator: 'Andel elever med mindst 2,0', unit: 'andel', baseline: 0.814, baselineYear: 2023, target: 0.85, targetYear: 2029, dataSource: 'LBF - Beboerdata' });
    expect(survey.status).toBe(201);
    expect((await plan.leader.post(`/indicators/${added.body.id}/values`, { period: '2026-H1', value: 7, source: 'Jobcenterets praktikliste' })).status).toBe(201);
    expect((await plan.leader.post(`/indicators/${survey.body.id}/values`, { period: '2026-H1', value: 0.83 })).status).toBe(201);

    const report = await completedReport(plan.leader, 2026, 1);
    expect(report.result!.indicators).toEqual([
      expect.objectContaining({ indicator: INTERNSHIPS.indicator, baseline: 10, baselineYear: 2024, target: 18, periodTarget: 9, targetBasis: 'half_of_yearly', value: 7 }),
      expect.objectContaining({ indicator: 'Andel elever med mindst 2,0', baseline: 0.814, target: 0.85, periodTarget: 0.85, targetBasis: 'level', value: 0.83 }),
    ]);
    const rows = await exportedCsv(plan.leader, report.id);
    expect(rows).toContainEqual(['Målsætning', 'Indikator', 'Enhed', 'Baseline', 'Baselineår', 'Mål H1 2026', 'Værdi H1 2026', 'Målets grundlag', 'Datakilde']);
    expect(rows.find((r) => r[1] === INTERNSHIPS.indicator)).toEqual([INTERNSHIPS.goal, INTERNSHIPS.indicator, 'voksne', '10', '2024', '9', '7', 'Mål (halvdelen af årsmålet): årsmål 18', 'Jobcenterets praktikliste']);
  });

  it('keeps a stored report as it was when a value is corrected later; the next run shows the correction', async () => {
    const added = await plan.leader.post('/indicators', { ...INTERNSHIPS, indicator: 'Antal voksne i job efter praktik' });
    expect((await plan.leader.post(`/indicators/${added.body.id}/values`, { period: '2026-H1', value: 11 })).status).toBe(201);
    const stored = await completedReport(plan.leader, 2026, 1);
    const row = (r: typeof stored) => r.result!.indicators as unknown as { id: string; value: number }[];
    expect(row(stored).find((i) => i.id === added.body.id)?.value).toBe(11);
    const csvBefore = await exportedCsv(plan.leader, stored.id);

    expect((await plan.leader.post(`/indicators/${added.body.id}/values`, { period: '2026-H1', value: 12, note: 'Rettet' })).body.revision).toBe(2);
    expect((await plan.leader.patch(`/indicators/${added.body.id}`, { baseline: 4, target: 30 })).status).toBe(200);

    const again = await plan.leader.get(`/reports/${stored.id}`);
    expect(row(again.body).find((i) => i.id === added.body.id)).toMatchObject({ value: 11, baseline: 10, target: 18, periodTarget: 9 });
    expect(await exportedCsv(plan.leader, stored.id)).toEqual(csvBefore);

    const rerun = await completedReport(plan.leader, 2026, 1);
    expect(rerun.version).toBeGreaterThan(stored.version);
    expect(row(rerun).find((i) => i.id === added.body.id)).toMatchObject({ value: 12, baseline: 4, target: 30, periodTarget: 15 });
  });

  it('shows the H2 value in the H2 report, not the H1 or yearly one', async () => {
    const added = await plan.leader.post('/indicators', { ...INTERNSHIPS, indicator: 'Antal voksne i praktik i andet halvår' });
    for (const [period, value] of [['2025', 20], ['2025-H1', 8], ['2025-H2', 12]] as const) {
      expect((await plan.leader.post(`/indicators/${added.body.id}/values`, { period, value })).status).toBe(201);
    }
    const report = await completedReport(plan.leader, 2025, 2);
    expect((report.result!.indicators as unknown as { id: string; value: number }[]).find((i) => i.id === added.body.id)?.value).toBe(12);
  });
});
