import { getDataSourceToken } from '@nestjs/typeorm';
import ExcelJS from 'exceljs';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { asBytes, createPlan, openCase, registerResident, type Caller, type PlanFixture, withPlan } from '../support/fixtures';
import { programmeFixtures, TODAY } from '../support/programme-fixtures';
import { type TestApp } from '../support/test-app';
import { testDatabaseUrl } from '../support/test-env';
import { completedReport, type Report } from '../support/reports';
import { waitFor } from '../support/wait-for';

/** An exported file's bytes. */
function exportedFile(leader: Caller, reportId: string, format: 'csv' | 'xlsx' | 'pdf') {
  return asBytes(leader.get(`/reports/${reportId}/export?format=${format}`));
}

describe('half-year statistics', () => {
  let t: TestApp;
  let plan: PlanFixture;
  withPlan((world) => ({ t, plan } = world), 'Statistik');

  it("counts Helle's three matters as three cases and Mohammed's months of debt help as one, with all his contacts", async () => {
    const c = plan.counsellor;
    const helle = await registerResident(c, { housingAreaId: plan.areas.eligible, firstName: 'Helle', gender: 'female', birthYear: 1979 });
    for (const [topic, openedAt] of [['family', '2025-02-03T10:00:00+01:00'], ['rent_arrears', '2025-03-10T10:00:00+01:00'], ['digital_self_service', '2025-05-12T10:00:00+02:00']]) {
      const opened = await openCase(c, { residentId: helle.id, topic, form: 'open_drop_in', openedAt });
      await c.post(`/counselling-cases/${opened.id}/contacts`, { occurredAt: openedAt, channel: 'in_person' });
    }
    const mohammed = await registerResident(c, { housingAreaId: plan.areas.notEligible, firstName: 'Mohammed', gender: 'male', birthDate: '1985-06-01' });
    const debt = await openCase(c, { residentId: mohammed.id, topic: 'debt', form: 'appointment', openedAt: '2025-01-13T09:00:00+01:00' });
    for (const [occurredAt, channel] of [['2025-01-13T09:00:00+01:00', 'in_person'], ['2025-02-01T09:00:00+01:00', 'email'], ['2025-03-01T09:00:00+01:00', 'phone'], ['2025-04-01T09:00:00+02:00', 'email'], ['2025-06-02T09:00:00+02:00', 'in_person']]) {
      await c.post(`/counselling-cases/${debt.id}/contacts`, { occurredAt, channel });
    }
    const anonymous = await registerResident(c, { housingAreaId: plan.areas.eligible, anonymous: true, birthYear: 1990 });
    await openCase(c, { residentId: anonymous.id, topic: 'benefits', form: 'open_drop_in', openedAt: '2025-04-07T11:00:00+02:00' });

    const report = await completedReport(plan.leader, 2025, 1);
    expect(report.interim).toBe(false);
    expect(report.result!.counselling).toMatchObject({
      casesStarted: 5,
      casesActive: 4,
      contacts: 8,
      uniqueResidents: 3,
      anonymousResidents: 1,
      byTopic: { family: 1, rent_arrears: 1, digital_self_service: 1, debt: 1, benefits: 1 },
      byForm: { open_drop_in: 4, appointment: 1 },
      byHousingArea: { Vejleåparken: 4, Strandparken: 1 },
      byGender: { female: 3, male: 1, unknown: 1 },
      byAgeBand: { '30-49': 5 },
      contactsByChannel: { in_person: 5, email: 2, phone: 1 },
    });
  });

  it('counts a contact at 23:30 on 30 June (summer time) in H1 and a case opened at 00:15 on 1 July in H2', async () => {
    const fresh = await createPlan(t, 'Midsommer');
    const c = fresh.counsellor;
    const resident = await registerResident(c, { housingAreaId: fresh.areas.eligible, firstName: 'Jonas' });
    const june = await openCase(c, { residentId: resident.id, topic: 'housing', form: 'appointment', openedAt: '2025-06-30T10:00:00+02:00' });
    await c.post(`/counselling-cases/${june.id}/contacts`, { occurredAt: '2025-06-30T23:30:00+02:00', channel: 'phone' });
    await openCase(c, { residentId: resident.id, topic: 'debt', form: 'open_drop_in', openedAt: '2025-07-01T00:15:00+02:00' });

    const h1 = await completedReport(fresh.leader, 2025, 1);
    const h2 = await completedReport(fresh.leader, 2025, 2);
    expect(h1.result!.counselling).toMatchObject({ casesStarted: 1, contacts: 1, casesActive: 1, byTopic: { housing: 1 } });
    expect(h2.result!.counselling).toMatchObject({ casesStarted: 1, contacts: 0, casesActive: 0, byTopic: { debt: 1 } });
    expect(h1.result!.period).toMatchObject({ from: '2025-01-01T00:00:00+01:00', to: '2025-07-01T00:00:00+02:00' });
  });

  it('reports programme numbers and the share continuing to an ordinary job in the running half-year, marked interim', async () => {
    const fresh = await createPlan(t, 'Fritidsjob');
    const fx = programmeFixtures(fresh);
    const { p, employerId } = await fx.programmeIn('evaluation', 'Amal');
    await fx.conversation(p, 'evaluation', ['youth', 'guardian', 'employer']);
    await fx.moveOk(p, { to: 'ordinary_job', employerId, startedAt: TODAY });
    const dropped = await fx.programmeIn('clarification', 'Bilal');
    await fx.moveOk(dropped.p, { to: 'ended', reason: 'Flyttet' });
    await fx.programmeIn('matching', 'Cem');

    const now = new Date();
    const month = Number(now.toLocaleDateString('sv-SE', { timeZone: 'Europe/Copenhagen' }).slice(5, 7));
    const report = await completedReport(fresh.leader, Number(TODAY.slice(0, 4)), month <= 6 ? 1 : 2);
    expect(report.interim).toBe(true);
    expect(report.result!.jobProgrammes).toMatchObject({
      started: 3,
      targetPerYear: 18,
      byPhaseAtEnd: { ordinary_job: 1, ended: 1, matching: 1 },
      ended: 1,
      toOrdinaryJob: 1,
      ordinaryJobShare: 0.5,
      employersActive: 3,
    });
    expect(report.result!.consents).toMatchObject({ given: 3, withdrawn: 0, activeAtEnd: 3 });
  });

  it('makes a second run version 2 and keeps version 1 as it was', async () => {
    const first = await completedReport(plan.leader, 2025, 2);
    const resident = await registerResident(plan.counsellor, { housingAreaId: plan.areas.eligible, firstName: 'Efterår' });
    await openCase(plan.counsellor, { residentId: resident.id, topic: 'health', form: 'outreach', openedAt: '2025-10-01T10:00:00+02:00' });
    const second = await completedReport(plan.leader, 2025, 2);
    expect([first.version, second.version]).toEqual([1, 2]);
    expect((second.result!.counselling as { casesStarted: number }).casesStarted).toBe((first.result!.counselling as { casesStarted: number }).casesStarted + 1);
    const again = await plan.leader.get(`/reports/${first.id}`);
    expect(again.body).toMatchObject({ version: 1, status: 'completed', result: first.result });
    const list = await plan.leader.get('/reports');
    expect(list.body.items.map((r: Report) => r.id)).toEqual(expect.arrayContaining([first.id, second.id]));

    const db = t.app.get<DataSource>(getDataSourceToken());
    await expect(db.query(`UPDATE half_year_reports SET result = '{}' WHERE id = $1`, [first.id])).rejects.toThrow(/immutable snapshot/);
  });

  it('reports a job that cannot be computed as failed, with a readable reason', async () => {
    const db = t.app.get<DataSource>(getDataSourceToken());
    const [report] = await db.query(
      `INSERT INTO half_year_reports (plan_id, year, half, version, interim, trigger, parameters)
       VALUES ($1, 2024, 1, 1, false, 'requested', '{"formatVersion": 999, "year": 2024, "half": 1, "fromDate": "2024-01-01", "toDate": "2024-07-01"}') RETURNING id`,
      [plan.planId],
    );
    await db.query(`INSERT INTO outbox (queue, job_name, payload) VALUES ('statistics', 'half-year-report', $1)`, [JSON.stringify({ reportId: report.id })]);
    const failed = await waitFor('the report to fail', async () => {
      const res = await plan.leader.get(`/reports/${report.id}`);
      return res.body.status === 'failed' ? res.body : undefined;
    });
    expect(failed.failureReason).toMatch(/format 999/);
    const exported = await plan.leader.get(`/reports/${report.id}/export?format=csv`);
    expect(exported.status).toBe(409);
    expect(exported.body.code).toBe('report_not_completed');
    expect(exported.body.reportStatus).toBe('failed');
  });

  it('lets only the leader request and read reports', async () => {
    for (const caller of [plan.counsellor, plan.socialWorker, plan.caseworker, plan.admin]) {
      expect((await caller.post('/reports/half-year', { year: 2025, half: 1 })).status).toBe(403);
      expect((await caller.get('/reports')).status).toBe(403);
    }
    const future = await plan.leader.post('/reports/half-year', { year: 2099, half: 1 });
    expect([future.status, future.body.code]).toEqual([422, 'period_not_begun']);
    const malformed = await plan.leader.post('/reports/half-year', { year: 2025, half: 3 });
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors[0].field).toBe('half');
  });

  it('exports files people can open: CSV for Danish Excel, an XLSX workbook and a PDF', async () => {
    const report = await completedReport(plan.leader, 2025, 1);
    const csv = await asBytes(plan.leader.get(`/reports/${report.id}/export?format=csv`));
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    const text = (csv.body as Buffer).toString('utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain(';');
    expect(text).toContain('Vejleåparken');
    expect(text).toContain('<5');

    const binary = (format: string) => asBytes(plan.leader.get(`/reports/${report.id}/export?format=${format}`));
    const xlsx = await binary('xlsx');
    expect(xlsx.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.body as unknown as ArrayBuffer);
    expect(workbook.worksheets.length).toBeGreaterThanOrEqual(3);
    const pdf = await binary('pdf');
    expect(pdf.status).toBe(200);
    expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
    expect((await plan.leader.get(`/reports/${report.id}/export?format=doc`)).status).toBe(400);
  });

  it("shows each of the plan's indicators with its baseline, and the value where the system can compute it", async () => {
    const fresh = await createPlan(t, 'Indikatorer');
    const started = await fresh.leader.post('/indicators', {
      goal: 'Flere beboere får hjælp til deres sager',
      indicator: 'Antal påbegyndte rådgivninger',
      unit: 'rådgivninger pr. halvår',
      baseline: 6,
      baselineYear: 2024,
      dataSource: 'Helhedsplanens registreringer',
      target: 9,
      metric: 'counselling_cases_started',
    });
    expect(started.status).toBe(201);
    const survey = await fresh.leader.post('/indicators', {
      goal: 'Flere unge i fritidsjob',
      indicator: 'Andel unge med fritidsjob (trivselsmåling)',
      unit: 'andel',
      baseline: 0.31,
      baselineYear: 2024,
      dataSource: 'Årlig spørgeskemaundersøgelse på skolerne',
      target: 0.4,
    });
    expect(survey.status).toBe(201);
    const resident = await registerResident(fresh.counsellor, { housingAreaId: fresh.areas.eligible, firstName: 'Indi' });
    await openCase(fresh.counsellor, { residentId: resident.id, topic: 'employment', form: 'job_cafe', openedAt: '2025-03-03T10:00:00+01:00' });
    const report = await completedReport(fresh.leader, 2025, 1);
    expect(report.result!.indicators).toEqual([
      expect.objectContaining({ indicator: 'Antal påbegyndte rådgivninger', baseline: 6, baselineYear: 2024, target: 9, value: 1 }),
      expect.objectContaining({ indicator: 'Andel unge med fritidsjob (trivselsmåling)', baseline: 0.31, value: null }),
    ]);
  });

  it('hides the ordinary-job share indicator in the export wherever the share is hidden, and keeps its metric in the snapshot', async () => {
    const fresh = await createPlan(t, 'Indikator skjult');
    const indicator = 'Andel af unge der fortsætter fra fritidsjobforløb til ordinært fritidsjob';
    const added = await fresh.leader.post('/indicators', {
      goal: 'Øge de unges tilknytning til arbejdsmarkedet',
      indicator,
      unit: 'andel',
      baselineYear: 2026,
      dataSource: 'Lokal registrering',
      metric: 'ordinary_job_share',
    });
    expect(added.status).toBe(201);
    // One youth continues in an ordinary job and one programme ends: both are small counts, so
    // the share (50 %) would tell each of them.
    const fx = programmeFixtures(fresh);
    const { p, employerId } = await fx.programmeIn('evaluation', 'Amal');
    await fx.conversation(p, 'evaluation', ['youth', 'guardian', 'employer']);
    await fx.moveOk(p, { to: 'ordinary_job', employerId, startedAt: TODAY });
    const dropped = await fx.programmeIn('clarification', 'Bilal');
    await fx.moveOk(dropped.p, { to: 'ended', reason: 'Flyttet' });

    const now = new Date();
    const month = Number(now.toLocaleDateString('sv-SE', { timeZone: 'Europe/Copenhagen' }).slice(5, 7));
    const report = await completedReport(fresh.leader, Number(TODAY.slice(0, 4)), month <= 6 ? 1 : 2);
    expect(report.result!.jobProgrammes).toMatchObject({ toOrdinaryJob: 1, ended: 1, ordinaryJobShare: 0.5 });
    expect(report.result!.indicators).toEqual([expect.objectContaining({ indicator, metric: 'ordinary_job_share', value: 0.5 })]);

    const csv = await exportedFile(fresh.leader, report.id, 'csv');
    expect(csv.status).toBe(200);
    const rows = (csv.body as Buffer).toString('utf8').split('\r\n').map((line) => line.split(';'));
    expect(rows.find((r) => r[0] === 'Fritidsjobforløb' && r[1] === 'Andel i ordinært fritidsjob')?.[3]).toBe('skjult');
    expect(rows.find((r) => r[1] === indicator)?.[6]).toBe('skjult');
  });

  it("prints the plan's own topic by its label, as it read when the report was computed, in every export", async () => {
    const fresh = await createPlan(t, 'Emneetiketter');
    expect((await fresh.leader.post('/counselling-topics', { key: 'pension', label: 'Pension og efterløn' })).status).toBe(201);
    const karen = await registerResident(fresh.counsellor, { housingAreaId: fresh.areas.eligible, firstName: 'Karen', gender: 'female', birthYear: 1958 });
    await openCase(fresh.counsellor, { residentId: karen.id, topic: 'pension', form: 'appointment', openedAt: '2025-03-03T10:00:00+01:00' });
    await openCase(fresh.counsellor, { residentId: karen.id, topic: 'digital_self_service', form: 'open_drop_in', openedAt: '2025-03-04T10:00:00+01:00' });

    const report = await completedReport(fresh.leader, 2025, 1);
    expect(report.result!.counselling.topicLabels).toEqual({ pension: 'Pension og efterløn' });

    // The plan renames its topic later: the snapshot keeps the label the report was made with.
    const owner = new Client({ connectionString: testDatabaseUrl() });
    await owner.connect();
    await owner.query(`UPDATE counselling_topics SET label = 'Pension' WHERE key = 'pension'`).finally(() => owner.end());

    const csv = (await exportedFile(fresh.leader, report.id, 'csv')).body as Buffer;
    const topics = csv.toString('utf8').split('\r\n').map((line) => line.split(';')).filter((r) => r[0] === 'Emne').map((r) => r[1]);
    expect(topics).toEqual(expect.arrayContaining(['Pension og efterløn', 'Digital selvbetjening (MitID, e-Boks, borger.dk)']));
    expect(topics).not.toContain('pension');

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await exportedFile(fresh.leader, report.id, 'xlsx')).body as unknown as ArrayBuffer);
    const cells: string[] = [];
    workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value)))));
    expect(cells).toContain('Pension og efterløn');
    expect(cells).not.toContain('pension');
  });
});
