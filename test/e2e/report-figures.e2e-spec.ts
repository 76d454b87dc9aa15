import { asOwner, createPlan, openCase, registerResident, type PlanFixture, withPlan } from '../support/fixtures';
import { completedReport } from '../support/reports';
import type { TestApp } from '../support/test-app';

/** The web app's report page reads these: the figures as the exports print them, and the half-years to offer. */
describe("the leader's report figures and half-years", () => {
  let t: TestApp;
  let plan: PlanFixture;
  withPlan((world) => ({ t, plan } = world), 'Tal');

  it('shows the figures as the exports do: six cases started as 6, a topic of one case as "<5" without its number', async () => {
    const c = plan.counsellor;
    const topics = ['debt', 'debt', 'debt', 'debt', 'debt', 'family'];
    for (const [i, topic] of topics.entries()) {
      const resident = await registerResident(c, { housingAreaId: plan.areas.eligible, firstName: `Helle ${i}`, gender: 'female', birthYear: 1979 });
      await openCase(c, { residentId: resident.id, topic, form: 'appointment', openedAt: `2026-0${i + 1}-10T10:00:00+01:00` });
    }
    const report = await completedReport(plan.leader, 2026, 1);

    const res = await plan.leader.get(`/reports/${report.id}/figures`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: report.id, version: report.version, periodLabel: 'H1 2026', interim: false, threshold: 5 });
    const counselling = res.body.sections.find((s: { title: string }) => s.title === 'Rådgivning');
    const started = counselling.figures.find((f: { label: string }) => f.label === 'Rådgivninger påbegyndt');
    expect(started.count).toEqual({ value: 6, hidden: false, display: '6' });
    const byTopic = counselling.tables.find((x: { title: string }) => x.title === 'Rådgivninger fordelt på emne');
    // One family case is small, so the five debt cases are hidden too, or 6 - 5 would give it away.
    expect(byTopic.rows.map((r: { count: unknown }) => r.count)).toEqual([
      { value: null, hidden: true, display: 'skjult' },
      { value: null, hidden: true, display: '<5' },
    ]);
    expect(report.result!.counselling.casesStarted).toBe(6);
  });

  it('refuses the figures of a report that has not completed, saying so', async () => {
    // A report whose job was given up on, as the runner leaves it (a completed one is immutable).
    const [failed] = await asOwner<{ id: string }>(
      `INSERT INTO half_year_reports (plan_id, year, half, version, status, progress, interim, trigger, parameters, failure_reason)
       SELECT plan_id, year, half, version + 1, 'failed', 30, interim, trigger, parameters, 'The report could not be computed' FROM half_year_reports WHERE plan_id = $1 LIMIT 1
       RETURNING id`,
      [plan.planId],
    );
    const res = await plan.leader.get(`/reports/${failed.id}/figures`);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('report_not_completed');
  });

  it('does not show another plan its report', async () => {
    const report = await completedReport(plan.leader, 2025, 2);
    const other = await createPlan(t, 'Anden');
    expect((await other.leader.get(`/reports/${report.id}/figures`)).status).toBe(404);
  });

  it('offers the half-years from the plan’s first to the running one, suggesting the last that has ended', async () => {
    const res = await plan.leader.get('/reports/periods');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ validFrom: '2025-11-01', validTo: '2029-10-31' });
    const items = res.body.items as { year: number; half: number; running: boolean }[];
    expect(items.at(-1)).toEqual({ year: 2025, half: 2, running: false });
    expect(items.filter((p) => p.running)).toHaveLength(items[0].running ? 1 : 0);
    expect(res.body.suggested).toEqual(items.find((p) => !p.running));
  });
});
