import { DEMO_PASSWORD, seedDemoData } from '../../src/demo/demo-seed';
import { lastCompletedHalfYear } from '../../src/demo/demo-last-half-year';
import { Caller, login } from '../support/fixtures';
import { completedReport } from '../support/reports';
import { createTestApp, type TestApp } from '../support/test-app';

describe('the demo plan a newcomer starts with', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('loads Ishøj with one user per role, and loading it twice changes nothing', async () => {
    expect(await seedDemoData(t.app)).toEqual({ created: true });
    expect(await seedDemoData(t.app)).toEqual({ created: false });

    const counsellor = new Caller(t, (await login(t, 'raadgiver@ishoj.demo', DEMO_PASSWORD)).accessToken);
    const areas = await counsellor.get('/housing-areas');
    expect(areas.body.items.map((a: { name: string }) => a.name)).toEqual(['Vejleåparken', 'Vildtbanegård I', 'Vildtbanegård II']);
    const helle = (await counsellor.get('/residents?q=Helle')).body.items[0];
    const helleCases = await counsellor.get(`/counselling-cases?residentId=${helle.id}`);
    expect(helleCases.body.items).toHaveLength(3);

    const socialWorker = new Caller(t, (await login(t, 'medarbejder@ishoj.demo', DEMO_PASSWORD)).accessToken);
    const programmes = await socialWorker.get('/job-programmes');
    expect(programmes.body.items.map((p: { phase: string }) => p.phase).sort()).toEqual(['clarification', 'employment', 'matching']);
    const employers = await socialWorker.get('/employers');
    expect(employers.body.items).toHaveLength(4);

    const leader = new Caller(t, (await login(t, 'leder@ishoj.demo', DEMO_PASSWORD)).accessToken);
    const indicators = await leader.get('/indicators');
    expect(indicators.body.items.map((i: { goal: string }) => i.goal)).toContain('Øge de unges tilknytning til arbejdsmarkedet');
    const activities = (await leader.get('/activities?limit=200')).body.items as { id: string; name: string; kindLabel: string }[];
    expect(activities.map((a) => a.kindLabel)).toEqual(expect.arrayContaining(['Åben rådgivning', 'Workshop', 'Netværksmøde', 'Arrangement', 'Opsøgende arbejde', 'Social vicevært', 'Kursus']));
    const openCounselling = activities.find((a) => a.name === 'Åben Rådgivning i Vejleåparken')!;
    const sessions = (await leader.get(`/activities/${openCounselling.id}/sessions?limit=200`)).body.items as { headcount: { total: number } }[];
    expect(sessions.length).toBeGreaterThan(100);
    expect(sessions[0].headcount.total).toBe(3);

    for (const email of ['leder@ishoj.demo', 'medarbejder@ishoj.demo', 'jobcenter@ishoj.demo']) {
      await expect(login(t, email, DEMO_PASSWORD)).resolves.toHaveProperty('accessToken');
    }
  });

  it("gives the leader's first report, the last completed half-year, numbers above the suppression threshold", async () => {
    await seedDemoData(t.app);
    const leader = new Caller(t, (await login(t, 'leder@ishoj.demo', DEMO_PASSWORD)).accessToken);
    const { period } = lastCompletedHalfYear();
    const report = await completedReport(leader, period.year, period.half);
    const counselling = report.result!.counselling as { casesStarted: number; uniqueResidents: number; casesClosed: number; contacts: number };
    expect(counselling.casesStarted).toBe(13);
    expect(counselling.uniqueResidents).toBe(10);
    expect(counselling.casesClosed).toBe(9);
    expect(counselling.contacts).toBeGreaterThanOrEqual(20);
    // Open counselling three afternoons a week the whole half-year, and the other activities around it.
    const activities = report.result!.activities as { sessions: number; headcount: number; byKind: Record<string, unknown> };
    expect(activities.sessions).toBeGreaterThan(60);
    expect(activities.headcount).toBeGreaterThan(500);
    expect(Object.keys(activities.byKind)).toEqual(expect.arrayContaining(['open_counselling', 'workshop', 'network_meeting']));
    // Aisha's internship ended in a job; her referral to the job centre was still only sent at the period's end.
    expect(report.result!.activities).toMatchObject({ internshipsStarted: 1, internshipsEnded: 1, internshipsToJob: 1 });
    expect(report.result!.referrals).toEqual({ byStatus: { sent: 1 } });

    const jobCentre = new Caller(t, (await login(t, 'jobcenter@ishoj.demo', DEMO_PASSWORD)).accessToken);
    const referrals = await jobCentre.get('/referrals');
    expect(referrals.status).toBe(200);
    expect(referrals.body.items.map((r: { status: string; residentName: string }) => [r.residentName, r.status])).toEqual([['Aisha Omar', 'accepted']]);
  });
});
