import { mondayOf } from '../../src/common/calendar';
import { createPlan, expectStatus, type Caller, type PlanFixture } from '../support/fixtures';
import { shiftDays, TODAY, withProgrammePlan, type ProgrammeWorld } from '../support/programme-fixtures';
import type { TestApp } from '../support/test-app';

const danish = (date: string) => date.split('-').reverse().join('-');

/** Issue 7 "Hardening": the plan's school calendar, and the young-worker limits that follow from it. */
describe("the plan's school calendar", () => {
  let t: TestApp, plan: PlanFixture;
  withProgrammePlan('Skolekalender', (world) => ({ t, plan } = world));

  const holiday = { name: 'Efterårsferie', startsOn: '2026-10-10', endsOn: '2026-10-18' };
  const add = (caller: Caller, body: object) => caller.post('/school-holidays', body);

  it('is kept by the leader and the social workers of the plan', async () => {
    const added = await add(plan.leader, { ...holiday, name: '  Efterårsferie ' });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ id: expect.any(String), ...holiday });
    const listed = await plan.socialWorker.get('/school-holidays');
    expect(listed.status).toBe(200);
    expect(listed.body).toEqual({ items: [expect.objectContaining(holiday)], nextCursor: null });
    expect((await plan.socialWorker.delete(`/school-holidays/${added.body.id}`)).status).toBe(204);
    expect((await plan.leader.get('/school-holidays')).body.items).toEqual([]);
    expect((await plan.leader.delete(`/school-holidays/${added.body.id}`)).status).toBe(404);
  });

  it("is the plan's own: another plan neither sees nor removes it", async () => {
    const other = await createPlan(t, 'Anden skolekalender');
    const added = await add(plan.socialWorker, { name: 'Vinterferie', startsOn: '2027-02-13', endsOn: '2027-02-21' });
    expectStatus(added, 201, 'add');
    expect((await other.leader.get('/school-holidays')).body.items).toEqual([]);
    expect((await other.socialWorker.delete(`/school-holidays/${added.body.id}`)).status).toBe(404);
    expect((await plan.leader.get('/school-holidays')).body.items.map((h: { id: string }) => h.id)).toContain(added.body.id);
    expectStatus(await plan.leader.delete(`/school-holidays/${added.body.id}`), 204, 'clean up');
  });

  it('lists the latest holidays first, a page at a time', async () => {
    const ids: string[] = [];
    for (const [name, startsOn, endsOn] of [['Vinterferie', '2026-02-14', '2026-02-22'], ['Påskeferie', '2026-03-28', '2026-04-06'], ['Sommerferie', '2026-06-27', '2026-08-09']]) {
      const res = await add(plan.leader, { name, startsOn, endsOn });
      expectStatus(res, 201, name);
      ids.push(res.body.id);
    }
    const first = await plan.leader.get('/school-holidays?limit=2');
    expect(first.body.items.map((h: { name: string }) => h.name)).toEqual(['Sommerferie', 'Påskeferie']);
    const second = await plan.leader.get(`/school-holidays?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body).toEqual({ items: [expect.objectContaining({ name: 'Vinterferie' })], nextCursor: null });
    for (const id of ids) expectStatus(await plan.leader.delete(`/school-holidays/${id}`), 204, 'clean up');
  });

  it('needs a name that is not blank and real dates (400)', async () => {
    const blank = await add(plan.leader, { ...holiday, name: '   ' });
    expect(blank.status).toBe(400);
    expect(blank.body.errors.map((e: { field: string }) => e.field)).toEqual(['name']);
    const { name: _n, ...unnamed } = holiday;
    const missing = await add(plan.leader, unnamed);
    expect(missing.status).toBe(400);
    expect(new Set(missing.body.errors.map((e: { field: string }) => e.field))).toEqual(new Set(['name']));
    const impossible = await add(plan.leader, { ...holiday, startsOn: '2026-02-30', endsOn: '18-10-2026' });
    expect(impossible.status).toBe(400);
    expect(impossible.body.errors.map((e: { field: string }) => e.field)).toEqual(['startsOn', 'endsOn']);
    expect((await add(plan.leader, { ...holiday, schoolId: 'x' })).status).toBe(400);
  });

  it('refuses a holiday that ends before it starts (422 holiday_period)', async () => {
    const res = await add(plan.socialWorker, { ...holiday, endsOn: '2026-10-09' });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('holiday_period');
    expect(res.body.errors).toEqual([{ field: 'endsOn', rule: 'holiday_period', message: 'endsOn must not be before startsOn' }]);
  });
});

describe('young-worker warnings use the school calendar and the youth\'s schooling', () => {
  let sw: Caller, fx: ProgrammeWorld['fx'];
  withProgrammePlan('Ungeregler', (world) => ({ sw, fx } = world));
  const timesheet = (programmeId: string, weekStart: string, hours: number) => sw.post(`/job-programmes/${programmeId}/timesheets`, { weekStart, hours });

  it("gives a 14-year-old 35 hours in a school-free week, and 12 in a week with one school day", async () => {
    const { p } = await fx().programmeIn('employment', 'Asta');
    const holidayWeek = mondayOf(shiftDays(TODAY, -21));
    const oneSchoolDay = shiftDays(holidayWeek, 7);
    expectStatus(await sw.post('/school-holidays', { name: 'Ferie', startsOn: shiftDays(holidayWeek, -2), endsOn: shiftDays(holidayWeek, 4) }), 201, 'holiday');
    expectStatus(await sw.post('/school-holidays', { name: 'Bro', startsOn: oneSchoolDay, endsOn: shiftDays(oneSchoolDay, 3) }), 201, 'bridge days');

    const free = await timesheet(p.id, holidayWeek, 20);
    expect(free.status).toBe(201);
    expect(free.body.warnings).toEqual([]);
    const school = await timesheet(p.id, oneSchoolDay, 20);
    expect(school.body.warnings).toEqual([
      { rule: 'young_worker_weekly_hours', message: `Den unge er under 15 år: højst 12 timer i en skoleuge, og der er registreret 20 timer i ugen fra ${danish(oneSchoolDay)}` },
    ]);
  });

  it('holds a 15-year-old still in school to the school-day limits, which used to be left out', async () => {
    const { p, employerId, youth } = await fx().programmeIn('matching', 'Bo', 15);
    await fx().acceptedMatch(p, employerId);
    const res = await sw.put(`/job-programmes/${p.id}/employment`, fx().signedEmployment(employerId, youth.guardianId));
    expect(res.status).toBe(200);
    expect(res.body.inCompulsorySchooling).toBe(true);
    expect(res.body.warnings).toEqual([
      {
        rule: 'young_worker_school_days',
        message:
          'Den unge er 15-17 år og undervisningspligtig: højst 2 timer på skoledage og 8 timer på andre dage, højst 12 timer i uger med skoledage og 40 timer i helt skolefri uger, ' +
          'og intet arbejde mellem kl. 20 og 6. Systemet kender ikke den daglige arbejdstid, så aftal den med arbejdsgiveren',
      },
    ]);
    const employed = await fx().moveOk(p, { to: 'employment' });
    const week = mondayOf(shiftDays(TODAY, -7));
    const over = await timesheet(employed.id, week, 13);
    expect(over.body.warnings).toEqual([
      { rule: 'young_worker_weekly_hours', message: `Den unge er 15-17 år og undervisningspligtig: højst 12 timer i en skoleuge, og der er registreret 13 timer i ugen fra ${danish(week)}` },
    ]);
  });

  it('holds a 15-year-old who has left school to 8 hours a day and 40 a week, as the social worker says', async () => {
    const { p, employerId, youth } = await fx().programmeIn('matching', 'Carl', 15);
    await fx().acceptedMatch(p, employerId);
    const res = await sw.put(`/job-programmes/${p.id}/employment`, { ...fx().signedEmployment(employerId, youth.guardianId), inCompulsorySchooling: false });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ inCompulsorySchooling: false, warnings: [{ rule: 'young_worker_working_hours', message: expect.stringContaining('højst 8 timer om dagen og 40 timer om ugen') }] });
    expect((await sw.get(`/job-programmes/${p.id}`)).body.employment.inCompulsorySchooling).toBe(false);
    const employed = await fx().moveOk(p, { to: 'employment' });
    expect((await timesheet(employed.id, mondayOf(shiftDays(TODAY, -7)), 13)).body.warnings).toEqual([]);
  });

  it('refuses an inCompulsorySchooling that is not true or false (400)', async () => {
    const { p, employerId, youth } = await fx().programmeIn('matching', 'Dagny');
    await fx().acceptedMatch(p, employerId);
    const res = await sw.put(`/job-programmes/${p.id}/employment`, { ...fx().signedEmployment(employerId, youth.guardianId), inCompulsorySchooling: 'ja' });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['inCompulsorySchooling']);
  });
});
