import { randomBytes } from 'node:crypto';
import { RetentionService } from '../../src/resident-rights/retention.service';
import { createPlan, expectStatus, registerResident, shareCounselling, withPlan, type PlanFixture } from '../support/fixtures';
import { ownerDatabase } from '../support/owner-database';
import { birthDateForAge, programmeFixtures, shiftDays, TODAY } from '../support/programme-fixtures';
import type { TestApp } from '../support/test-app';

interface SmallJob {
  id: string;
  version: number;
  running: boolean;
  ageGroup: string;
}

describe('småjobs for adults (all four seeds: "småjobs bestående af få timer")', () => {
  let t: TestApp;
  let plan: PlanFixture;
  withPlan((world) => ({ t, plan } = world), 'Holstebro småjobs');
  const owner = ownerDatabase();

  const employer = (name = 'Boligselskabet') => programmeFixtures(plan).employer(`${name} ${randomBytes(2).toString('hex')}`, false);
  const adult = (firstName = 'Helle', extra: object = {}) =>
    registerResident(plan.counsellor, { housingAreaId: plan.areas.notEligible, firstName, lastName: 'Jensen', birthDate: '1978-04-12', gender: 'female', confirmNotDuplicate: true, ...extra });
  const body = (residentId: string, employerId: string, extra: object = {}) => ({ residentId, employerId, startsOn: '2026-03-02', hoursPerWeek: 6, ...extra });

  async function start(residentId: string, employerId: string, extra: object = {}): Promise<SmallJob> {
    const res = await plan.counsellor.post('/small-jobs', body(residentId, employerId, extra));
    expectStatus(res, 201, 'start småjob');
    return res.body;
  }

  it("starts Helle's 6 hours a week with the housing organisation, in the 30-64 age group, and audits it", async () => {
    const helle = await adult();
    const housing = await employer();
    const res = await plan.counsellor.post('/small-jobs', body(helle.id, housing));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ residentId: helle.id, employerId: housing, startsOn: '2026-03-02', hoursPerWeek: 6, ageGroup: '30-64', running: true, endedOn: null, outcome: null, version: 1, residentName: 'Helle Jensen', employerName: expect.stringMatching(/^Boligselskabet/) });
    expect(await owner.count(`audit_events WHERE resident_id = $1 AND action = 'small_job.started' AND entity_id = $2`, [helle.id, res.body.id])).toBe(1);
  });

  it('refuses more than 15 hours and less than one hour a week: a småjob is a few hours (422 small_job_rules_unmet)', async () => {
    const helle = await adult();
    for (const hoursPerWeek of [16, 0.5]) {
      const res = await plan.counsellor.post('/small-jobs', body(helle.id, await employer(), { hoursPerWeek }));
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('small_job_rules_unmet');
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'hoursPerWeek', rule: 'hours_per_week' })]);
    }
    await start(helle.id, await employer(), { hoursPerWeek: 15 });
    await start(helle.id, await employer(), { hoursPerWeek: 1 });
    expect((await plan.counsellor.post('/small-jobs', body(helle.id, await employer(), { hoursPerWeek: 'six' }))).status).toBe(400);
    expect((await plan.counsellor.post('/small-jobs', body(helle.id, await employer(), { startsOn: '2026-02-30' }))).status).toBe(400);
  });

  it('refuses a youth of 17 with its own code: småjobs are for adults (422 small_job_resident_not_adult)', async () => {
    const young = await registerResident(plan.counsellor, { housingAreaId: plan.areas.notEligible, firstName: 'Omar', birthDate: birthDateForAge(17), gender: 'male' });
    const res = await plan.counsellor.post('/small-jobs', body(young.id, await employer(), { startsOn: TODAY }));
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('small_job_resident_not_adult');
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'residentId', rule: 'adult' })]);
    const unknownAge = await registerResident(plan.counsellor, { housingAreaId: plan.areas.notEligible, firstName: 'Ukendt', gender: 'male' });
    const unknown = await plan.counsellor.post('/small-jobs', body(unknownAge.id, await employer()));
    expect(unknown.body).toMatchObject({ code: 'small_job_resident_not_adult', errors: [expect.objectContaining({ rule: 'birth_date_needed' })] });
  });

  it('groups by age on the first day: 29 is 18-29, 30 is 30-64, 65 is 65+; a birth year only counts when the whole year fits', async () => {
    const aged = (age: number) => adult(`Alder${age}`, { birthDate: shiftDays(`${2026 - age}-03-02`, 0) });
    expect((await start((await aged(29)).id, await employer(), { startsOn: '2026-03-01' })).ageGroup).toBe('18-29');
    expect((await start((await aged(30)).id, await employer())).ageGroup).toBe('30-64');
    expect((await start((await aged(65)).id, await employer())).ageGroup).toBe('65+');
    const byYear = await registerResident(plan.counsellor, { housingAreaId: plan.areas.notEligible, anonymous: true, birthYear: 1996 });
    expect((await start(byYear.id, await employer())).ageGroup).toBe('unknown');
    const clearly = await registerResident(plan.counsellor, { housingAreaId: plan.areas.notEligible, anonymous: true, birthYear: 1980 });
    expect((await start(clearly.id, await employer())).ageGroup).toBe('30-64');
  });

  it("refuses an employer of another plan (422) and a second running småjob with the same employer (409 with the running one's id)", async () => {
    const helle = await adult();
    const other = await createPlan(t, 'Anden plan');
    const theirs = await programmeFixtures(other).employer('Fremmed ApS', false);
    const foreign = await plan.counsellor.post('/small-jobs', body(helle.id, theirs));
    expect(foreign.status).toBe(422);
    expect(foreign.body.code).toBe('small_job_employer_not_in_plan');

    const housing = await employer();
    const first = await start(helle.id, housing);
    const second = await plan.counsellor.post('/small-jobs', body(helle.id, housing, { startsOn: '2026-06-01' }));
    expect(second.status).toBe(409);
    expect(second.body).toMatchObject({ code: 'small_job_already_running', existingSmallJobId: first.id });
    expectStatus(await plan.counsellor.post(`/small-jobs/${first.id}/end`, { endedOn: '2026-05-29', outcome: 'ended' }), 200, 'end');
    await start(helle.id, housing, { startsOn: '2026-06-01' });
  });

  it('ends a småjob with more hours once; refuses a second ending (409), an end before the start or after today (422), and a stale version', async () => {
    const helle = await adult();
    const job = await start(helle.id, await employer());
    const early = await plan.counsellor.post(`/small-jobs/${job.id}/end`, { endedOn: '2026-03-01', outcome: 'more_hours' });
    expect(early.status).toBe(422);
    expect(early.body.code).toBe('small_job_end_out_of_range');
    const future = await plan.counsellor.post(`/small-jobs/${job.id}/end`, { endedOn: shiftDays(TODAY, 1), outcome: 'more_hours' });
    expect(future.body).toMatchObject({ code: 'small_job_end_out_of_range', errors: [expect.objectContaining({ rule: 'not_in_future' })] });
    const stale = await plan.counsellor.post(`/small-jobs/${job.id}/end`, { endedOn: '2026-04-15', outcome: 'more_hours', version: 7 });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('stale_version');
    const ended = await plan.counsellor.post(`/small-jobs/${job.id}/end`, { endedOn: '2026-04-15', outcome: 'more_hours', version: 1 });
    expect(ended.status).toBe(200);
    expect(ended.body).toMatchObject({ running: false, endedOn: '2026-04-15', outcome: 'more_hours', version: 2 });
    const again = await plan.counsellor.post(`/small-jobs/${job.id}/end`, { endedOn: '2026-04-16', outcome: 'ordinary_job' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('small_job_already_ended');
    expect((await plan.counsellor.post(`/small-jobs/${job.id}/end`, { endedOn: '2026-04-16', outcome: 'retired' })).status).toBe(400);
    expect(await owner.count(`audit_events WHERE entity_id = $1 AND action = 'small_job.ended'`, [job.id])).toBe(1);
  });

  it('lists by running, resident and employer, a page at a time, and audits each row shown', async () => {
    const helle = await adult();
    const birgit = await adult('Birgit');
    const housing = await employer();
    const a = await start(helle.id, housing);
    const b = await start(birgit.id, housing);
    expectStatus(await plan.counsellor.post(`/small-jobs/${a.id}/end`, { endedOn: '2026-04-01', outcome: 'ordinary_job' }), 200, 'end');
    const ids = async (query: string) => ((await plan.counsellor.get(`/small-jobs?${query}`)).body.items as SmallJob[]).map((j) => j.id);
    expect(await ids(`employerId=${housing}`)).toEqual([b.id, a.id]);
    expect(await ids(`employerId=${housing}&running=true`)).toEqual([b.id]);
    expect(await ids(`employerId=${housing}&running=false`)).toEqual([a.id]);
    expect(await ids(`residentId=${birgit.id}`)).toEqual([b.id]);
    const first = await plan.counsellor.get(`/small-jobs?employerId=${housing}&limit=1`);
    const second = await plan.counsellor.get(`/small-jobs?employerId=${housing}&limit=1&cursor=${first.body.nextCursor}`);
    expect([first.body.items[0].id, second.body.items[0].id]).toEqual([b.id, a.id]);
    expect(second.body.nextCursor).toBeNull();
    expect(await owner.count(`audit_events WHERE entity_id = $1 AND action = 'small_job.listed'`, [b.id])).toBeGreaterThanOrEqual(1);
    expect((await plan.counsellor.get('/small-jobs?running=maybe')).status).toBe(400);
    expect((await plan.counsellor.get('/small-jobs?q=Helle')).status).toBe(400);
  });

  it("shows Helle's småjob to the job centre only while her consent names it, audited as shared, and to no other role", async () => {
    const helle = await adult();
    const job = await start(helle.id, await employer());
    expect((await plan.caseworker.get(`/small-jobs/${job.id}`)).status).toBe(404);
    expect(((await plan.caseworker.get('/small-jobs')).body.items as SmallJob[]).map((j) => j.id)).not.toContain(job.id);

    const consent = await shareCounselling(plan.counsellor, helle.id, [plan.organisations.jobcenter]);
    const read = await plan.caseworker.get(`/small-jobs/${job.id}`);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ id: job.id, residentName: 'Helle Jensen' });
    expect(await owner.count(`audit_events WHERE entity_id = $1 AND action = 'small_job.read' AND purpose = 'shared_by_consent'`, [job.id])).toBe(1);
    expect((await plan.otherCaseworker.get(`/small-jobs/${job.id}`)).status).toBe(404);
    expect((await plan.caseworker.post(`/small-jobs/${job.id}/end`, { endedOn: '2026-04-01', outcome: 'ended' })).status).toBe(403);

    expectStatus(await plan.counsellor.post(`/consents/${consent.id}/withdraw`, {}), 200, 'withdraw');
    expect((await plan.caseworker.get(`/small-jobs/${job.id}`)).status).toBe(404);

    expect((await plan.socialWorker.get(`/small-jobs/${job.id}`)).status).toBe(403);
    expect((await plan.socialWorker.post('/small-jobs', body(helle.id, await employer()))).status).toBe(403);
    expect((await plan.leader.get('/small-jobs')).status).toBe(403);
  });

  it("keeps another plan's counsellor out (404), and a social worker's youth is not within the counsellor's reach (404)", async () => {
    const helle = await adult();
    const job = await start(helle.id, await employer());
    const other = await createPlan(t, 'Tredje plan');
    expect((await other.counsellor.get(`/small-jobs/${job.id}`)).status).toBe(404);
    expect((await other.counsellor.post(`/small-jobs/${job.id}/end`, { endedOn: '2026-04-01', outcome: 'ended' })).status).toBe(404);
    const youth = await registerResident(plan.socialWorker, { housingAreaId: plan.areas.eligible, firstName: 'Yusuf', birthDate: '1990-01-01', gender: 'male' });
    expect((await plan.counsellor.post('/small-jobs', body(youth.id, await employer()))).status).toBe(404);
  });

  it("puts the småjob in Helle's copy, keeps it through her erasure, lets retention leave her while it runs", async () => {
    await owner.query(`UPDATE plans SET retention_months = 12 WHERE id = $1`, [plan.planId]);
    const helle = await adult();
    const job = await start(helle.id, await employer());
    const copy = await plan.counsellor.get(`/residents/${helle.id}/export`);
    expect(copy.body.smallJobs).toEqual([expect.objectContaining({ id: job.id, startsOn: '2026-03-02', outcome: null, employer: expect.stringMatching(/^Boligselskabet/) })]);

    const longAgo = new Date(Date.now() - 3 * 365 * 86_400_000);
    await owner.query(`SET session_replication_role = replica`);
    try {
      await owner.query(`UPDATE residents SET created_at = $2, updated_at = $2 WHERE id = $1`, [helle.id, longAgo]);
      await owner.query(`UPDATE small_jobs SET starts_on = '2023-01-02', created_at = $2, updated_at = $2 WHERE id = $1`, [job.id, longAgo]);
    } finally {
      await owner.query(`SET session_replication_role = origin`);
    }
    const retention = t.app.get(RetentionService, { strict: false });
    await retention.run(new Date());
    expect(await owner.count(`residents WHERE id = $1 AND erased_at IS NULL`, [helle.id])).toBe(1);

    expectStatus(await plan.counsellor.post(`/residents/${helle.id}/erase`, { reason: 'resident_request' }), 200, 'erase');
    expectStatus(await plan.counsellor.post(`/small-jobs/${job.id}/end`, { endedOn: '2026-05-29', outcome: 'ordinary_job' }), 200, 'end after erasure');
    expect(await owner.count(`small_jobs WHERE id = $1 AND outcome = 'ordinary_job' AND age_group = '30-64'`, [job.id])).toBe(1);
    const again = await plan.counsellor.post('/small-jobs', body(helle.id, await employer()));
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('resident_erased');
  });
});
