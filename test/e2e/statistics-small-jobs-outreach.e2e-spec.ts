import { randomBytes } from 'node:crypto';
import { OutreachRetentionService } from '../../src/outreach/outreach-retention.service';
import { asBytes, expectStatus, registerResident, withPlan, type PlanFixture } from '../support/fixtures';
import { ownerDatabase } from '../support/owner-database';
import { programmeFixtures } from '../support/programme-fixtures';
import { completedReport } from '../support/reports';
import type { TestApp } from '../support/test-app';

/**
 * The half-year report's småjobs and door-to-door outreach (issue 23, parts 4-5), one number at a
 * time on hand-made data for H1 2026: what happened in H1 in Danish time counts, what happened just
 * outside it does not, and a list whose names were deleted still counts.
 */
describe('the half-year report on småjobs and door-to-door outreach', () => {
  let t: TestApp;
  let plan: PlanFixture;
  withPlan((world) => ({ t, plan } = world), 'Småjobs og opsøgende statistik');
  const owner = ownerDatabase();
  let smallJobs: Record<string, unknown>;
  let outreach: Record<string, unknown>;
  let reportId: string;
  let indicators: { metric: string; value: number | null }[];

  const adult = (firstName: string, birthDate: string) =>
    registerResident(plan.counsellor, { housingAreaId: plan.areas.notEligible, firstName, lastName: `Test${randomBytes(2).toString('hex')}`, birthDate, gender: 'female' });

  beforeAll(async () => {
    const housing = await programmeFixtures(plan).employer(`Boligselskabet ${randomBytes(2).toString('hex')}`, false);
    const start = async (residentId: string, startsOn: string) => {
      const res = await plan.counsellor.post('/small-jobs', { residentId, employerId: housing, startsOn, hoursPerWeek: 5 });
      expectStatus(res, 201, `småjob from ${startsOn}`);
      return res.body as { id: string };
    };
    const end = async (job: { id: string }, endedOn: string, outcome: string) => expectStatus(await plan.counsellor.post(`/small-jobs/${job.id}/end`, { endedOn, outcome }), 200, 'end');

    // Helle, 47: January to 30 June, then more hours. Ali, 26: from 30 June. Bodil, 71: February to 1 July (H2), an ordinary job.
    await end(await start((await adult('Helle', '1978-04-12')).id, '2026-01-05'), '2026-06-30', 'more_hours');
    await start((await adult('Ali', '2000-05-01')).id, '2026-06-30');
    await end(await start((await adult('Bodil', '1955-01-01')).id, '2026-02-01'), '2026-07-01', 'ordinary_job');
    // Karim started on 31 December 2025 (H2 2025) and ended in March; Dorte starts on 1 July (H2).
    await end(await start((await adult('Karim', '1985-09-09')).id, '2025-12-31'), '2026-03-01', 'ended');
    await start((await adult('Dorte', '1990-02-02')).id, '2026-07-01');

    const list = async (retentionDays: number) => {
      const res = await plan.counsellor.post('/outreach-lists', { name: `Liste ${retentionDays}`, source: 'Ishøj Kommune', legalBasis: 'Databehandleraftale', retentionDays });
      expectStatus(res, 201, 'list');
      return res.body as { id: string };
    };
    const person = async (listId: string, name: string) => {
      const res = await plan.counsellor.post(`/outreach-lists/${listId}/people`, { name });
      expectStatus(res, 201, 'person');
      return res.body as { id: string };
    };
    const ring = async (listId: string, personId: string, at: string, outcome: string) =>
      expectStatus(await plan.counsellor.post(`/outreach-lists/${listId}/people/${personId}/attempts`, { at, outcome }), 201, `${outcome} at ${at}`);

    const kept = await list(180);
    const amira = await person(kept.id, 'Amira Hassan');
    const omar = await person(kept.id, 'Omar Khan');
    await ring(kept.id, amira.id, '2026-06-30T23:30:00+02:00', 'talked'); // 21:30 UTC: H1
    await ring(kept.id, amira.id, '2026-07-01T00:15:00+02:00', 'not_home'); // H2
    await ring(kept.id, omar.id, '2026-01-01T00:30:00+01:00', 'offer_accepted'); // H1
    await ring(kept.id, omar.id, '2025-12-31T23:30:00+01:00', 'declined'); // H2 2025
    await ring(kept.id, omar.id, '2026-03-01T17:00:00+01:00', 'not_home');
    await ring(kept.id, omar.id, '2026-03-02T17:00:00+01:00', 'referred');

    // A list whose names are deleted by its retention: only its tallies per Danish day remain.
    const swept = await list(1);
    const bo = await person(swept.id, 'Bo Larsen');
    await ring(swept.id, bo.id, '2026-06-30T23:45:00+02:00', 'declined'); // H1
    await ring(swept.id, bo.id, '2026-07-01T00:10:00+02:00', 'talked'); // H2
    await owner.query(`UPDATE outreach_lists SET created_at = now() - interval '2 days' WHERE id = $1`, [swept.id]);
    expect((await t.app.get(OutreachRetentionService, { strict: false }).run(new Date())).lists).toBe(1);

    // 003_*'s indicator, computed by the system from the report.
    const added = await plan.leader.post('/indicators', {
      goal: 'Flere beboere i beskæftigelse',
      indicator: 'Antallet af beboere i alderen 30 - 64 år der er i småjobs',
      unit: 'antal',
      baselineYear: 2026,
      dataSource: 'Lokal registrering',
      metric: 'small_jobs_started_30_64',
    });
    expectStatus(added, 201, 'indicator');

    const report = await completedReport(plan.leader, 2026, 1);
    indicators = report.result!.indicators as unknown as { metric: string; value: number | null }[];
    reportId = report.id;
    smallJobs = report.result!.smallJobs;
    outreach = report.result!.outreach;
  });

  it('counts the småjobs started in H1 by age group on the first day: Helle 30-64, Ali 18-29, Bodil 65+; not Karim (December) or Dorte (1 July)', () => {
    expect(smallJobs).toMatchObject({ started: 3, byAgeGroup: { '18-29': 1, '30-64': 1, '65+': 1 } });
  });

  it("counts the småjobs ended in H1 by outcome: Helle's more hours on 30 June and Karim's end in March; not Bodil's job on 1 July", () => {
    expect(smallJobs).toMatchObject({ ended: 2, byOutcome: { more_hours: 1, ended: 1 } });
  });

  it('counts the doorbells rung in H1 in Danish time, a deleted list included: 23:30 and 23:45 on 30 June and 00:30 on 1 January, not 00:15 on 1 July or 23:30 on 31 December', () => {
    expect(outreach).toEqual({
      attempts: 5,
      talked: 4,
      offersAccepted: 1,
      byOutcome: { talked: 1, offer_accepted: 1, not_home: 1, referred: 1, declined: 1 },
    });
  });

  it("computes 003_*'s indicator, residents of 30-64 in småjobs, from the småjobs started in H1: Helle", () => {
    expect(indicators).toEqual([expect.objectContaining({ metric: 'small_jobs_started_30_64', value: 1 })]);
  });

  it('exports småjobs and outreach in Danish with small counts hidden', async () => {
    const csv = (await asBytes(plan.leader.get(`/reports/${reportId}/export?format=csv`))).body.toString('utf8');
    expect(csv).toContain('Småjobs;Småjobs påbegyndt;<5;');
    expect(csv).toContain('Småjobs;Heraf 30-64 år ved start;<5;');
    expect(csv).toContain('Småjobs fordelt på alder;30-64 år;<5;');
    expect(csv).toContain('Småjobs fordelt på udfald;Flere timer;<5;');
    expect(csv).toContain('Opsøgende arbejde;Besøg ved døren;5;');
    expect(csv).toContain('Opsøgende arbejde;Talte med den unge;<5;');
    expect(csv).toContain('Opsøgende besøg fordelt på udfald;Ikke hjemme;<5;');
    expect(csv).not.toMatch(/Amira|Omar|Bo Larsen/);
    // The indicator is the hidden figure again, hidden alike.
    expect(csv).toMatch(/Antallet af beboere i alderen 30 - 64 år der er i småjobs;antal;[^\n]*<5/);
    expect((await asBytes(plan.leader.get(`/reports/${reportId}/export?format=xlsx`))).status).toBe(200);
    expect((await asBytes(plan.leader.get(`/reports/${reportId}/export?format=pdf`))).status).toBe(200);
    const figures = await plan.leader.get(`/reports/${reportId}/figures`);
    expect((figures.body.sections as { title: string }[]).map((s) => s.title)).toEqual(expect.arrayContaining(['Småjobs', 'Opsøgende arbejde']));
  });
});
