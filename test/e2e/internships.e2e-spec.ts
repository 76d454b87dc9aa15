import { randomBytes } from 'node:crypto';
import { RetentionService } from '../../src/resident-rights/retention.service';
import { asBytes, createPlan, expectStatus, registerResident, shareCounselling, withPlan, type PlanFixture } from '../support/fixtures';
import { ownerDatabase } from '../support/owner-database';
import { birthDateForAge, programmeFixtures } from '../support/programme-fixtures';
import type { TestApp } from '../support/test-app';

interface Internship {
  id: string;
  version: number;
  running: boolean;
}

describe('internships for adults (praktikpladser, 004_*)', () => {
  let t: TestApp;
  let plan: PlanFixture;
  withPlan((world) => ({ t, plan } = world), 'Sønderborg praktik');
  const owner = ownerDatabase();

  const employer = (name = 'Danfoss') => programmeFixtures(plan).employer(`${name} ${randomBytes(2).toString('hex')}`, false);
  // Each test's Helle is another person of the same name and birth date.
  const adult = (firstName = 'Helle', extra: object = {}) =>
    registerResident(plan.counsellor, { housingAreaId: plan.areas.notEligible, firstName, lastName: 'Jensen', birthDate: '1978-04-12', gender: 'female', confirmNotDuplicate: true, ...extra });
  const body = (residentId: string, employerId: string, extra: object = {}) => ({ residentId, employerId, startsOn: '2026-03-02', endsOn: '2026-05-29', hoursPerWeek: 15, ...extra });

  async function start(residentId: string, employerId: string, extra: object = {}): Promise<Internship> {
    const res = await plan.counsellor.post('/internships', body(residentId, employerId, extra));
    expectStatus(res, 201, 'start internship');
    return res.body;
  }

  it('records Helle\'s 15 hours a week at Danfoss from March to May, with where she came from, and audits it', async () => {
    const helle = await adult();
    const danfoss = await employer();
    const res = await plan.counsellor.post('/internships', body(helle.id, danfoss, { referredFrom: 'partner' }));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ residentId: helle.id, employerId: danfoss, startsOn: '2026-03-02', endsOn: '2026-05-29', hoursPerWeek: 15, referredFrom: 'partner', running: true, endedOn: null, outcome: null, version: 1, residentName: 'Helle Jensen', employerName: expect.stringMatching(/^Danfoss/) });
    expect(await owner.count(`audit_events WHERE resident_id = $1 AND action = 'internship.started' AND entity_id = $2`, [helle.id, res.body.id])).toBe(1);
  });

  it('lists every unmet rule: ending before it starts and 40 hours a week (422 internship_rules_unmet)', async () => {
    const helle = await adult();
    const res = await plan.counsellor.post('/internships', body(helle.id, await employer(), { endsOn: '2026-03-01', hoursPerWeek: 40 }));
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('internship_rules_unmet');
    expect(res.body.errors.map((e: { rule: string }) => e.rule)).toEqual(['ends_after_start', 'hours_per_week']);
    const zero = await plan.counsellor.post('/internships', body(helle.id, await employer(), { hoursPerWeek: 0 }));
    expect(zero.status).toBe(422);
    expect((await plan.counsellor.post('/internships', body(helle.id, await employer(), { hoursPerWeek: 'fifteen' }))).status).toBe(400);
  });

  it('refuses a 17-year-old: internships are for residents of 18 or over on the first day', async () => {
    const young = await registerResident(plan.counsellor, { housingAreaId: plan.areas.notEligible, firstName: 'Omar', birthDate: birthDateForAge(17), gender: 'male' });
    const res = await plan.counsellor.post('/internships', body(young.id, await employer(), { startsOn: '2026-12-01', endsOn: '2027-01-29' }));
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'residentId', rule: 'adult' })]);
  });

  it("refuses an employer of another plan (422), and a second running internship with the same employer (409 with the running one's id)", async () => {
    const helle = await adult();
    const other = await createPlan(t, 'Anden plan');
    const theirs = await programmeFixtures(other).employer('Fremmed ApS', false);
    const foreign = await plan.counsellor.post('/internships', body(helle.id, theirs));
    expect(foreign.status).toBe(422);
    expect(foreign.body.code).toBe('internship_employer_not_in_plan');

    const danfoss = await employer();
    const first = await start(helle.id, danfoss);
    const second = await plan.counsellor.post('/internships', body(helle.id, danfoss, { startsOn: '2026-06-01', endsOn: '2026-08-31' }));
    expect(second.status).toBe(409);
    expect(second.body).toMatchObject({ code: 'internship_already_running', existingInternshipId: first.id });
    // Another employer at the same time is allowed, and the same one again once the first has ended.
    await start(helle.id, await employer('Linak'));
    expectStatus(await plan.counsellor.post(`/internships/${first.id}/end`, { endedOn: '2026-05-29', outcome: 'ended' }), 200, 'end');
    await start(helle.id, danfoss, { startsOn: '2026-06-01', endsOn: '2026-08-31' });
  });

  it('ends an internship with a job once, refuses a second ending (409) and an end before the start (422)', async () => {
    const helle = await adult();
    const internship = await start(helle.id, await employer());
    const early = await plan.counsellor.post(`/internships/${internship.id}/end`, { endedOn: '2026-03-01', outcome: 'job' });
    expect(early.status).toBe(422);
    expect(early.body.code).toBe('internship_end_before_start');
    const ended = await plan.counsellor.post(`/internships/${internship.id}/end`, { endedOn: '2026-04-15', outcome: 'job', version: 1 });
    expect(ended.status).toBe(200);
    expect(ended.body).toMatchObject({ running: false, endedOn: '2026-04-15', outcome: 'job', version: 2 });
    const again = await plan.counsellor.post(`/internships/${internship.id}/end`, { endedOn: '2026-04-16', outcome: 'education' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('internship_already_ended');
    expect((await plan.counsellor.post(`/internships/${internship.id}/end`, { endedOn: '2026-04-16', outcome: 'retired' })).status).toBe(400);
    expect(await owner.count(`audit_events WHERE entity_id = $1 AND action = 'internship.ended'`, [internship.id])).toBe(1);
  });

  it('filters the list by running, resident and employer, a page at a time', async () => {
    const helle = await adult();
    const birgit = await adult('Birgit');
    const danfoss = await employer();
    const a = await start(helle.id, danfoss);
    const b = await start(birgit.id, danfoss);
    expectStatus(await plan.counsellor.post(`/internships/${a.id}/end`, { endedOn: '2026-04-01', outcome: 'education' }), 200, 'end');
    const ids = async (query: string) => ((await plan.counsellor.get(`/internships?${query}`)).body.items as Internship[]).map((i) => i.id);
    expect(await ids(`employerId=${danfoss}`)).toEqual([b.id, a.id]);
    expect(await ids(`employerId=${danfoss}&running=true`)).toEqual([b.id]);
    expect(await ids(`employerId=${danfoss}&running=false`)).toEqual([a.id]);
    expect(await ids(`residentId=${birgit.id}`)).toEqual([b.id]);
    const first = await plan.counsellor.get(`/internships?employerId=${danfoss}&limit=1`);
    const second = await plan.counsellor.get(`/internships?employerId=${danfoss}&limit=1&cursor=${first.body.nextCursor}`);
    expect([first.body.items[0].id, second.body.items[0].id]).toEqual([b.id, a.id]);
    expect(second.body.nextCursor).toBeNull();
    expect((await plan.counsellor.get('/internships?running=maybe')).status).toBe(400);
  });

  it("shows Helle's internship to the job centre only while her consent names it, audited as shared, and to no other role", async () => {
    const helle = await adult();
    const internship = await start(helle.id, await employer());
    expect((await plan.caseworker.get(`/internships/${internship.id}`)).status).toBe(404);
    expect(((await plan.caseworker.get('/internships')).body.items as Internship[]).map((i) => i.id)).not.toContain(internship.id);

    const consent = await shareCounselling(plan.counsellor, helle.id, [plan.organisations.jobcenter]);
    const read = await plan.caseworker.get(`/internships/${internship.id}`);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ id: internship.id, residentName: 'Helle Jensen' });
    expect(await owner.count(`audit_events WHERE entity_id = $1 AND action = 'internship.read' AND purpose = 'shared_by_consent'`, [internship.id])).toBe(1);
    expect((await plan.otherCaseworker.get(`/internships/${internship.id}`)).status).toBe(404);
    expect((await plan.caseworker.post(`/internships/${internship.id}/end`, { endedOn: '2026-04-01', outcome: 'job' })).status).toBe(403);

    expectStatus(await plan.counsellor.post(`/consents/${consent.id}/withdraw`, {}), 200, 'withdraw');
    expect((await plan.caseworker.get(`/internships/${internship.id}`)).status).toBe(404);

    expect((await plan.socialWorker.get(`/internships/${internship.id}`)).status).toBe(403);
    expect((await plan.socialWorker.post('/internships', body(helle.id, await employer()))).status).toBe(403);
    expect((await plan.leader.get('/internships')).status).toBe(403);
  });

  it("keeps another plan's counsellor out: 404 for the internship and for the resident", async () => {
    const helle = await adult();
    const internship = await start(helle.id, await employer());
    const other = await createPlan(t, 'Tredje plan');
    expect((await other.counsellor.get(`/internships/${internship.id}`)).status).toBe(404);
    expect((await other.counsellor.post(`/internships/${internship.id}/end`, { endedOn: '2026-04-01', outcome: 'job' })).status).toBe(404);
    const theirEmployer = await programmeFixtures(other).employer('Deres ApS', false);
    expect((await other.counsellor.post('/internships', body(helle.id, theirEmployer))).status).toBe(404);
  });

  it("puts the internship in Helle's copy, keeps it through her erasure, lets it be ended, and refuses a new one for her (409 resident_erased)", async () => {
    const helle = await adult();
    const danfoss = await employer();
    const internship = await start(helle.id, danfoss, { referredFrom: 'self' });
    const copy = await plan.counsellor.get(`/residents/${helle.id}/export`);
    expect(copy.body.internships).toEqual([expect.objectContaining({ id: internship.id, startsOn: '2026-03-02', referredFrom: 'self', outcome: null, employer: expect.stringMatching(/^Danfoss/) })]);
    const pdf = await asBytes(plan.counsellor.get(`/residents/${helle.id}/export?format=pdf`));
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toMatch(/application\/pdf/);

    expectStatus(await plan.counsellor.post(`/residents/${helle.id}/erase`, { reason: 'resident_request' }), 200, 'erase');
    // Like closing a case, ending the running internship still works: the report counts it.
    expectStatus(await plan.counsellor.post(`/internships/${internship.id}/end`, { endedOn: '2026-05-29', outcome: 'job' }), 200, 'end after erasure');
    expect(await owner.count(`internships WHERE id = $1 AND outcome = 'job' AND hours_per_week = 15`, [internship.id])).toBe(1);
    const again = await plan.counsellor.post('/internships', body(helle.id, danfoss, { startsOn: '2026-06-01', endsOn: '2026-08-31' }));
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('resident_erased');
  });

  it('lets retention leave a resident alone while an internship runs, and erase them once it has long ended', async () => {
    await owner.query(`UPDATE plans SET retention_months = 12 WHERE id = $1`, [plan.planId]);
    const helle = await adult();
    const internship = await start(helle.id, await employer());
    const longAgo = new Date(Date.now() - 3 * 365 * 86_400_000);
    // Everything about Helle three years old, behind the app's back (triggers off).
    await owner.query(`SET session_replication_role = replica`);
    try {
      await owner.query(`UPDATE residents SET created_at = $2, updated_at = $2 WHERE id = $1`, [helle.id, longAgo]);
      await owner.query(`UPDATE internships SET starts_on = '2023-01-02', ends_on = '2023-03-31', created_at = $2, updated_at = $2 WHERE id = $1`, [internship.id, longAgo]);
    } finally {
      await owner.query(`SET session_replication_role = origin`);
    }
    const retention = t.app.get(RetentionService, { strict: false });
    await retention.run(new Date());
    expect(await owner.count(`residents WHERE id = $1 AND erased_at IS NULL`, [helle.id])).toBe(1);

    await owner.query(`SET session_replication_role = replica`);
    try {
      await owner.query(`UPDATE internships SET ended_on = '2023-03-31', outcome = 'ended', ended_by = created_by, updated_at = $2 WHERE id = $1`, [internship.id, longAgo]);
    } finally {
      await owner.query(`SET session_replication_role = origin`);
    }
    await retention.run(new Date());
    expect(await owner.count(`residents WHERE id = $1 AND erased_at IS NOT NULL`, [helle.id])).toBe(1);
  });
});
