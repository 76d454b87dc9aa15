import { mondayOf } from '../../src/common/calendar';
import { expectStatus, registerResident, type Caller, type PlanFixture } from '../support/fixtures';
import { ownerDatabase } from '../support/owner-database';
import { birthDateForAge, shiftDays, TODAY, type Programme, withProgrammePlan, type ProgrammeWorld } from '../support/programme-fixtures';

const unmetRules = (body: { nextStep: { to: string; unmet: { rule: string }[] } | null }) => body.nextStep && { to: body.nextStep.to, rules: body.nextStep.unmet.map((u) => u.rule) };

/** Issue 22: the social worker's board shows what each programme's next phase still needs, and a wrong week's hours can be corrected. */
describe("what a programme's next phase still needs, and correcting a week's hours", () => {
  let plan: PlanFixture, sw: Caller, fx: ProgrammeWorld['fx'];
  withProgrammePlan('Ishøj næste skridt', (world) => ({ plan, sw, fx } = world));
  const owner = ownerDatabase();

  describe('nextStep: the guards of the next phase change, as they stand today', () => {
    it('lists what leaving clarification needs, in the programme and on the board, until it is met', async () => {
      const youth = await registerResident(sw, { housingAreaId: plan.areas.eligible, firstName: 'Noah', birthDate: birthDateForAge(13) });
      const p: Programme = (await sw.post('/job-programmes', { residentId: youth.id })).body;
      const read = await sw.get(`/job-programmes/${p.id}`);
      expect(unmetRules(read.body)).toEqual({ to: 'matching', rules: ['guardian_participation_consent', 'clarification_conversation'] });
      // The same words a refused move gives: the answer and the refusal come from one guard.
      const refused = await fx().move(p, { to: 'matching' });
      expect(read.body.nextStep.unmet).toEqual(refused.body.errors);

      const listed = (await sw.get('/job-programmes?phase=clarification')).body.items.find((i: Programme) => i.id === p.id);
      expect(unmetRules(listed)).toEqual({ to: 'matching', rules: ['guardian_participation_consent', 'clarification_conversation'] });

      await fx().conversation(p, 'clarification');
      expect(unmetRules((await sw.get(`/job-programmes/${p.id}`)).body)).toEqual({ to: 'matching', rules: ['guardian_participation_consent'] });
    });

    it('is empty when the move may be made, and null once the programme is finished', async () => {
      const { p } = await fx().programmeIn('clarification', 'Sara');
      await fx().conversation(p, 'clarification');
      expect(unmetRules((await sw.get(`/job-programmes/${p.id}`)).body)).toEqual({ to: 'matching', rules: [] });
      const matching = await fx().moveOk(p, { to: 'matching' });
      expect(unmetRules(matching as never)).toEqual({ to: 'employment', rules: ['match_accepted', 'employment_recorded'] });
      const ended = await fx().moveOk(matching, { to: 'ended', reason: 'Flyttet' });
      expect((ended as unknown as { nextStep: unknown }).nextStep).toBeNull();
    });

    it('names the employer and start date the ordinary job needs, from evaluation', async () => {
      const { p } = await fx().programmeIn('evaluation', 'Ida');
      expect(unmetRules((await sw.get(`/job-programmes/${p.id}`)).body)).toEqual({ to: 'ordinary_job', rules: ['evaluation_conversation', 'ordinary_job_named'] });
    });
  });

  it("lists an employer's youth with the status of their matches there (the employer's page)", async () => {
    const { p, employerId } = await fx().programmeIn('employment', 'Hiba');
    const other = await fx().programmeIn('matching', 'Rana');
    const res = await sw.get(`/job-programmes?employerId=${employerId}`);
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([expect.objectContaining({ id: p.id, youthName: 'Hiba Hassan', phase: 'employment', matchesAtEmployer: ['accepted'] })]);
    expect(res.body.items.map((i: Programme) => i.id)).not.toContain(other.p.id);
    expect((await sw.get('/job-programmes?employerId=not-a-uuid')).status).toBe(400);
  });

  describe('PUT /job-programmes/:id/timesheets/:timesheetId', () => {
    async function recordedWeek(name: string) {
      const { p } = await fx().programmeIn('employment', name);
      const weekStart = mondayOf(shiftDays(TODAY, -21));
      const week = await sw.post(`/job-programmes/${p.id}/timesheets`, { weekStart, hours: 4 });
      expectStatus(week, 201, 'record week');
      return { p, week: week.body as { id: string; version: number } };
    }

    it('corrects the hours, keeps the hours it replaced as history, and audits the correction', async () => {
      const { p, week } = await recordedWeek('Mona');
      expect(week.version).toBe(1);
      const corrected = await sw.put(`/job-programmes/${p.id}/timesheets/${week.id}`, { hours: 13.5, version: 1 });
      expect(corrected.status).toBe(200);
      expect(corrected.body).toMatchObject({ id: week.id, hours: 13.5, version: 2, recordedBy: sw.user.id, corrections: [{ version: 1, hours: 4, recordedBy: sw.user.id }] });
      // The warnings are judged again for the corrected hours (a 14-year-old: at most 12 in a school week).
      expect(corrected.body.warnings.map((w: { rule: string }) => w.rule)).toContain('young_worker_weekly_hours');

      const read = await sw.get(`/job-programmes/${p.id}`);
      expect(read.body.timesheets).toEqual([expect.objectContaining({ id: week.id, hours: 13.5, version: 2, corrections: [expect.objectContaining({ version: 1, hours: 4 })] })]);
      expect(await owner.count(`audit_events WHERE action = 'job_programme.timesheet_corrected' AND entity_id = $1`, [week.id])).toBe(1);
      await expect(owner.count(`job_programme_timesheet_revisions WHERE timesheet_id = $1`, [week.id])).resolves.toBe(1);
    });

    it('refuses a stale version (409), bad hours (400), and a timesheet of another programme (404)', async () => {
      const { p, week } = await recordedWeek('Lina');
      expectStatus(await sw.put(`/job-programmes/${p.id}/timesheets/${week.id}`, { hours: 5, version: 1 }), 200, 'first correction');
      const stale = await sw.put(`/job-programmes/${p.id}/timesheets/${week.id}`, { hours: 6, version: 1 });
      expect(stale.status).toBe(409);
      expect(stale.body).toMatchObject({ code: 'stale_version', currentVersion: 2, currentHours: 5 });

      for (const body of [{ hours: -1, version: 2 }, { hours: 61, version: 2 }, { hours: 4.25, version: 2 }, { hours: 4 }, { hours: '4', version: 2 }]) {
        const bad = await sw.put(`/job-programmes/${p.id}/timesheets/${week.id}`, body);
        expect([bad.status, JSON.stringify(body)]).toEqual([400, JSON.stringify(body)]);
      }

      const other = await fx().programmeIn('clarification', 'Eva');
      expect((await sw.put(`/job-programmes/${other.p.id}/timesheets/${week.id}`, { hours: 5, version: 2 })).status).toBe(404);
      expect((await plan.counsellor.put(`/job-programmes/${p.id}/timesheets/${week.id}`, { hours: 5, version: 2 })).status).toBe(403);
      expect(await owner.count(`job_programme_timesheet_revisions WHERE timesheet_id = $1`, [week.id])).toBe(1);
    });
  });
});
