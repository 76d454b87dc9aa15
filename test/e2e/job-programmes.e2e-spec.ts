import { randomUUID } from 'node:crypto';
import { addMonths, mondayOf } from '../../src/common/calendar';
import { expectStatus, registerResident, type Caller, type PlanFixture } from '../support/fixtures';
import { anHourAgo, birthDateForAge, shiftDays, TODAY, type Programme, withProgrammePlan, type ProgrammeWorld } from '../support/programme-fixtures';

const rulesOf = (res: { body: { errors?: { rule: string }[] } }) => (res.body.errors ?? []).map((e) => e.rule);
const messagesOf = (res: { body: { errors?: { message: string }[] } }) => (res.body.errors ?? []).map((e) => e.message);

describe('leisure-job programmes (fritidsjobforløb)', () => {
  let plan: PlanFixture, sw: Caller, fx: ProgrammeWorld['fx'];
  withProgrammePlan('Ishøj fritidsjob', (world) => ({ plan, sw, fx } = world));
  const youthWithConsent = (name?: string) => fx().youthWithConsent(name);
  const startProgramme = (residentId: string) => fx().startProgramme(residentId);
  const employer = (name: string, agreement?: boolean) => fx().employer(name, agreement);
  const move = (p: Programme, body: object) => fx().move(p, body);
  const moveOk = (p: Programme, body: object) => fx().moveOk(p, body);
  const conversation = (p: Programme, kind: string, participants?: string[]) => fx().conversation(p, kind, participants);
  const acceptedMatch = (p: Programme, employerId: string) => fx().acceptedMatch(p, employerId);
  const signedEmployment = (employerId: string, guardianId: string, startDate?: string) => fx().signedEmployment(employerId, guardianId, startDate);
  const programmeIn = (phase: 'clarification' | 'matching' | 'employment' | 'evaluation', name?: string) => fx().programmeIn(phase, name);

  it('a youth goes through all five phases', async () => {
    const youth = await youthWithConsent('Amira');
    const started = await sw.post('/job-programmes', { residentId: youth.id });
    expect(started.status).toBe(201);
    expect(started.body).toMatchObject({ phase: 'clarification', version: 1, startedAt: TODAY, history: [{ from: null, to: 'clarification' }] });
    let p: Programme = started.body;

    await conversation(p, 'clarification');
    p = await moveOk(p, { to: 'matching' });
    const netto = await employer('Netto Vejleåparken');
    await acceptedMatch(p, netto);
    const employment = await sw.put(`/job-programmes/${p.id}/employment`, signedEmployment(netto, youth.guardianId));
    expect(employment.status).toBe(200);
    p = await moveOk(p, { to: 'employment' });
    const week = await sw.post(`/job-programmes/${p.id}/timesheets`, { weekStart: mondayOf(shiftDays(TODAY, -30)), hours: 4 });
    expect(week.status).toBe(201);
    p = await moveOk(p, { to: 'evaluation' });
    await conversation(p, 'evaluation', ['youth', 'guardian', 'employer']);
    const done = await move(p, { to: 'ordinary_job', employerId: netto, startedAt: TODAY, reason: 'Fastansat som fritidsjob' });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ phase: 'ordinary_job', version: 5, ordinaryJob: { employerId: netto, startedAt: TODAY } });
    expect(done.body.finishedAt).toEqual(expect.any(String));

    const read = await sw.get(`/job-programmes/${p.id}`);
    expect(read.status).toBe(200);
    expect(read.body.history.map((h: { from: string | null; to: string }) => [h.from, h.to])).toEqual([
      [null, 'clarification'],
      ['clarification', 'matching'],
      ['matching', 'employment'],
      ['employment', 'evaluation'],
      ['evaluation', 'ordinary_job'],
    ]);
    expect(read.body.history[4]).toMatchObject({ reason: 'Fastansat som fritidsjob', actorId: sw.user.id });
    expect(read.body).toMatchObject({ conversations: [{ kind: 'clarification' }, { kind: 'evaluation' }], matches: [{ status: 'accepted' }], timesheets: [{ hours: 4 }] });
    expect(read.body.employment).toMatchObject({ employerId: netto, hoursPerWeek: 4, warnings: [{ rule: 'young_worker_school_days' }] });
    expect((await sw.get('/job-programmes?phase=ordinary_job')).body.items.map((i: Programme) => i.id)).toContain(p.id);
  });

  describe("each guard's 422 lists what is missing", () => {
    it('leaving clarification needs a guardian consent and a clarification conversation', async () => {
      const youth = await registerResident(sw, { housingAreaId: plan.areas.eligible, firstName: 'Noah', birthDate: birthDateForAge(13) });
      const p = await startProgramme(youth.id);
      const refused = await move(p, { to: 'matching' });
      expect(refused.status).toBe(422);
      expect(refused.body.errors).toEqual([
        { rule: 'guardian_participation_consent', message: 'a guardian has not consented to the programme (job_programme_participation, given by a guardian)' },
        { rule: 'clarification_conversation', message: 'no clarification conversation is recorded' },
      ]);
      await conversation(p, 'clarification');
      expect(rulesOf(await move(p, { to: 'matching' }))).toEqual(['guardian_participation_consent']);
    });

    it('starting the employment needs an accepted match, a contract signed by youth and guardian, and a cooperation agreement', async () => {
      const { p, youth } = await programmeIn('matching', 'Ali');
      expect(rulesOf(await move(p, { to: 'employment' }))).toEqual(['match_accepted', 'employment_recorded']);

      const withoutAgreement = await employer('Bageriet i Vejleåparken', false);
      await acceptedMatch(p, withoutAgreement);
      const { contractSignedByYouthAt: _y, contractSignedByGuardianAt: _g, contractSignedByGuardianId: _id, ...unsigned } = signedEmployment(withoutAgreement, youth.guardianId);
      expectStatus(await sw.put(`/job-programmes/${p.id}/employment`, unsigned), 200, 'record unsigned employment');
      const refused = await move(p, { to: 'employment' });
      expect(refused.status).toBe(422);
      expect(rulesOf(refused)).toEqual(['contract_signed_by_youth', 'contract_signed_by_guardian', 'employer_agreement_active']);
      expect(messagesOf(refused)).toEqual([
        'the employment contract is not signed by the youth',
        'the employment contract is not signed by a guardian',
        expect.stringContaining('the employer has no active cooperation agreement (samarbejdsaftale)'),
      ]);
    });

    it('evaluation waits until the employment has started', async () => {
      const { p: matching, employerId, youth } = await programmeIn('matching', 'Sara');
      await acceptedMatch(matching, employerId);
      const startsLater = shiftDays(TODAY, 14);
      expectStatus(await sw.put(`/job-programmes/${matching.id}/employment`, signedEmployment(employerId, youth.guardianId, startsLater)), 200, 'record employment');
      const employed = await moveOk(matching, { to: 'employment' });
      const refused = await move(employed, { to: 'evaluation' });
      expect(refused.status).toBe(422);
      expect(refused.body.errors).toEqual([{ rule: 'employment_started', message: `the employment has not started yet (starts ${startsLater})` }]);
    });

    it('an ordinary job needs an evaluation conversation, an employer and a start date', async () => {
      const { p } = await programmeIn('evaluation', 'Emil');
      const refused = await move(p, { to: 'ordinary_job' });
      expect(refused.status).toBe(422);
      expect(refused.body.errors).toEqual([
        { rule: 'evaluation_conversation', message: 'no evaluation conversation is recorded' },
        { rule: 'ordinary_job_named', message: 'an ordinary job needs employerId and startedAt' },
      ]);
    });

    it('a programme cannot skip a phase, and the refusal names the phases that may follow', async () => {
      const { p } = await programmeIn('clarification', 'Ida');
      const refused = await move(p, { to: 'evaluation' });
      expect(refused.status).toBe(422);
      expect(refused.body.errors).toEqual([{ rule: 'allowed_transition', message: 'a programme in clarification can move to matching or ended, not evaluation' }]);
    });
  });

  it('refuses a 16-year-old', async () => {
    const youth = await registerResident(sw, { housingAreaId: plan.areas.eligible, firstName: 'Mads', birthDate: birthDateForAge(16) });
    const res = await sw.post('/job-programmes', { residentId: youth.id, startedAt: TODAY });
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([{ field: 'residentId', rule: 'programme_age', message: `the youth is 16 on ${TODAY}; the programme is for 13-15-year-olds` }]);
  });

  it('refuses a youth from a non-eligible housing area', async () => {
    const youth = await registerResident(sw, { housingAreaId: plan.areas.notEligible, firstName: 'Lina', birthDate: birthDateForAge(14) });
    const res = await sw.post('/job-programmes', { residentId: youth.id });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('programme_not_eligible');
    expect(messagesOf(res)).toEqual(['Strandparken is not an eligible housing area for the leisure-job programme']);
  });

  it('one open programme per youth', async () => {
    const youth = await youthWithConsent('Zainab');
    const first = await startProgramme(youth.id);
    const second = await sw.post('/job-programmes', { residentId: youth.id });
    expect(second.status).toBe(409);
    expect(second.body).toMatchObject({ code: 'programme_already_running', existingProgrammeId: first.id });
    await moveOk(first, { to: 'ended', reason: 'Ønskede en pause' });
    expect((await sw.post('/job-programmes', { residentId: youth.id })).status).toBe(201);
  });

  it('ten parallel transitions with one version give exactly one success', async () => {
    const { p } = await programmeIn('clarification', 'Omar');
    const attempts = await Promise.all(Array.from({ length: 10 }, (_, i) => move(p, { to: 'ended', reason: `Forsøg ${i}` })));
    expect(attempts.filter((r) => r.status === 200)).toHaveLength(1);
    const refused = attempts.filter((r) => r.status === 409);
    expect(refused).toHaveLength(9);
    expect(refused.every((r) => r.body.currentVersion === 2)).toBe(true);
    expect((await sw.get(`/job-programmes/${p.id}`)).body.history).toHaveLength(2);
  });

  it('a stale version is 409', async () => {
    const { p } = await programmeIn('matching', 'Freja');
    expect(p.version).toBe(2);
    const stale = await sw.post(`/job-programmes/${p.id}/transitions`, { to: 'ended', version: 1, reason: 'Flyttet' });
    expect(stale.status).toBe(409);
    expect(stale.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(stale.body).toMatchObject({ code: 'stale_version', currentVersion: 2 });
  });

  it('a change of a match made on a stale version is 409 stale_version, and the match stays as it was', async () => {
    const { p, employerId } = await programmeIn('matching', 'Idun');
    const proposed = await sw.post(`/job-programmes/${p.id}/matches`, { employerId });
    expect(proposed.body).toMatchObject({ status: 'proposed', version: 1 });
    const interview = await sw.patch(`/job-programmes/${p.id}/matches/${proposed.body.id}`, { status: 'interview_scheduled', interviewAt: anHourAgo(), version: 1 });
    expect(interview.body).toMatchObject({ status: 'interview_scheduled', version: 2 });

    const stale = await sw.patch(`/job-programmes/${p.id}/matches/${proposed.body.id}`, { status: 'declined', version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'stale_version', currentVersion: 2, currentStatus: 'interview_scheduled' });
    expect((await sw.get(`/job-programmes/${p.id}`)).body.matches).toEqual([expect.objectContaining({ status: 'interview_scheduled', version: 2 })]);
    // api.md's body has no version: such a change applies to the match as it is now.
    expect((await sw.patch(`/job-programmes/${p.id}/matches/${proposed.body.id}`, { status: 'declined' })).body).toMatchObject({ status: 'declined', version: 3 });
  });

  it("lists programmes with the youth's name and the name of the ordinary job's employer", async () => {
    const { p, employerId } = await programmeIn('evaluation', 'Kamilla');
    await conversation(p, 'evaluation', ['youth', 'guardian', 'employer']);
    await moveOk(p, { to: 'ordinary_job', employerId, startedAt: TODAY });
    const employerName = (await sw.get(`/employers/${employerId}`)).body.name;
    const listed = (await sw.get('/job-programmes?phase=ordinary_job')).body.items.find((i: Programme) => i.id === p.id);
    expect(listed).toMatchObject({ youthName: 'Kamilla Hassan', ordinaryJob: { employerId, employerName } });
    const running = await programmeIn('clarification', 'Liv');
    expect((await sw.get('/job-programmes?phase=clarification')).body.items.find((i: Programme) => i.id === running.p.id)).toMatchObject({ youthName: 'Liv Hassan', ordinaryJob: null });
  });

  it('names each refusal inside a running programme with its own code', async () => {
    const { p, employerId, youth } = await programmeIn('matching', 'Ebba');
    const codeOf = async (res: Promise<{ status: number; body: { code?: string } }>) => {
      const answer = await res;
      return [answer.status, answer.body.code];
    };
    const inAnHour = new Date(Date.now() + 3600_000).toISOString();
    expect(await codeOf(sw.post(`/job-programmes/${p.id}/conversations`, { occurredAt: inAnHour, kind: 'follow_up', participants: ['youth'] }))).toEqual([422, 'conversation_in_future']);
    expect(await codeOf(sw.post(`/job-programmes/${p.id}/matches`, { employerId: randomUUID() }))).toEqual([422, 'employer_not_in_plan']);
    expect(await codeOf(sw.post(`/job-programmes/${p.id}/timesheets`, { weekStart: mondayOf(shiftDays(TODAY, -7)), hours: 4 }))).toEqual([422, 'no_employment']);
    await acceptedMatch(p, employerId);
    const second = await sw.post(`/job-programmes/${p.id}/matches`, { employerId });
    expect(await codeOf(sw.patch(`/job-programmes/${p.id}/matches/${second.body.id}`, { status: 'accepted', version: 1 }))).toEqual([409, 'another_match_accepted']);
    const tooLong = { ...signedEmployment(employerId, youth.guardianId), hoursPerWeek: 9 };
    expect(await codeOf(sw.put(`/job-programmes/${p.id}/employment`, tooLong))).toEqual([422, 'employment_rules_unmet']);
  });

  it('employment outside 2-6 hours or 3-5 months needs an exception reason, which is kept', async () => {
    const { p, employerId, youth } = await programmeIn('matching', 'Jonas');
    const startDate = shiftDays(TODAY, 7);
    const outside = { ...signedEmployment(employerId, youth.guardianId, startDate), endDate: addMonths(startDate, 2), hoursPerWeek: 8 };
    const refused = await sw.put(`/job-programmes/${p.id}/employment`, outside);
    expect(refused.status).toBe(422);
    expect(refused.body.errors.map((e: { field: string; rule: string }) => [e.field, e.rule])).toEqual([
      ['hoursPerWeek', 'hours_per_week_range'],
      ['endDate', 'duration_range'],
    ]);
    const reason = 'Sommerferiejob: flere timer i kortere tid, aftalt med forældre';
    const accepted = await sw.put(`/job-programmes/${p.id}/employment`, { ...outside, exceptionReason: reason });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ hoursPerWeek: 8, exceptionReason: reason });
    expect((await sw.get(`/job-programmes/${p.id}`)).body.employment).toMatchObject({ hoursPerWeek: 8, endDate: addMonths(startDate, 2), exceptionReason: reason });
  });

  it("a 14-year-old's employment of 14 hours a week is accepted with a warning", async () => {
    const { p, employerId, youth } = await programmeIn('matching', 'Maja');
    const res = await sw.put(`/job-programmes/${p.id}/employment`, { ...signedEmployment(employerId, youth.guardianId), hoursPerWeek: 14, exceptionReason: 'Skoleferie' });
    expect(res.status).toBe(200);
    expect(res.body.warnings).toEqual([
      { rule: 'young_worker_weekly_hours', message: 'Den unge er under 15 år ved ansættelsens start: højst 12 timer i en skoleuge, og der er planlagt 14 timer om ugen' },
      { rule: 'young_worker_school_days', message: expect.stringContaining('højst 2 timer på skoledage og 7 timer på andre dage') },
    ]);
    const weekStart = mondayOf(shiftDays(TODAY, -21));
    const week = await sw.post(`/job-programmes/${p.id}/timesheets`, { weekStart, hours: 13.5 });
    expect(week.status).toBe(201);
    expect(week.body.warnings).toEqual([
      { rule: 'young_worker_weekly_hours', message: `Den unge er under 15 år: højst 12 timer i en skoleuge, og der er registreret 13,5 timer i ugen fra ${weekStart.split('-').reverse().join('-')}` },
    ]);
  });

  it('a timesheet week must start on a Monday and be recorded once', async () => {
    const { p } = await programmeIn('employment', 'Victor');
    const monday = mondayOf(shiftDays(TODAY, -14));
    const tuesday = await sw.post(`/job-programmes/${p.id}/timesheets`, { weekStart: shiftDays(monday, 1), hours: 4 });
    expect(tuesday.status).toBe(400);
    expect(tuesday.body.errors.map((e: { field: string }) => e.field)).toEqual(['weekStart']);
    expect((await sw.post(`/job-programmes/${p.id}/timesheets`, { weekStart: monday, hours: 4 })).status).toBe(201);
    const again = await sw.post(`/job-programmes/${p.id}/timesheets`, { weekStart: monday, hours: 5 });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'timesheet_week_recorded', existingTimesheetId: expect.any(String) });
    const beforeStart = await sw.post(`/job-programmes/${p.id}/timesheets`, { weekStart: shiftDays(mondayOf(shiftDays(TODAY, -30)), -7), hours: 4 });
    expect(beforeStart.status).toBe(422);
    expect(rulesOf(beforeStart)).toEqual(['not_before_employment']);
    expect(beforeStart.body.code).toBe('timesheet_week_outside_employment');
  });

  it('ending a programme needs a reason and is kept in the history', async () => {
    const { p } = await programmeIn('matching', 'Sofie');
    const noReason = await move(p, { to: 'ended' });
    expect(noReason.status).toBe(422);
    expect(noReason.body.errors).toEqual([{ rule: 'end_reason', message: 'ending a programme needs a reason' }]);
    const ended = await moveOk(p, { to: 'ended', reason: 'Flyttet fra området' });
    expect(ended).toMatchObject({ phase: 'ended', endReason: 'Flyttet fra området', version: 3 });
    const history = (await sw.get(`/job-programmes/${p.id}`)).body.history;
    expect(history.at(-1)).toMatchObject({ from: 'matching', to: 'ended', reason: 'Flyttet fra området', actorId: sw.user.id });
    const afterEnd = await sw.post(`/job-programmes/${p.id}/conversations`, { occurredAt: anHourAgo(), kind: 'follow_up', participants: ['youth'] });
    expect(afterEnd.status).toBe(409);
    expect(afterEnd.body.code).toBe('programme_finished');
    const moveOn = await move(ended, { to: 'matching' });
    expect(moveOn.status).toBe(409);
    expect(moveOn.body.code).toBe('programme_finished');
  });

  it('a counsellor and a caseworker without consent see no programmes (404 and empty list)', async () => {
    const { p } = await programmeIn('clarification', 'Hussein');
    for (const reader of [plan.caseworker, plan.counsellor]) {
      const list = await reader.get('/job-programmes');
      expect(list.status).toBe(200);
      expect(list.body.items).toEqual([]);
      expect((await reader.get(`/job-programmes/${p.id}`)).status).toBe(404);
    }
    expect((await plan.caseworker.post(`/job-programmes/${p.id}/transitions`, { to: 'ended', version: 1, reason: 'x' })).status).toBe(403);
  });

  it("a caseworker sees a programme shared with the jobcenter by consent, without the conversation notes", async () => {
    const youth = await youthWithConsent('Layla');
    const p = await startProgramme(youth.id);
    await conversation(p, 'clarification');
    const share = await sw.post('/consents', {
      residentId: youth.id,
      scope: 'share_job_programme',
      recipientOrganisationIds: [plan.organisations.jobcenter],
      givenBy: 'guardian',
      guardianId: youth.guardianId,
      form: 'written',
      givenAt: anHourAgo(),
    });
    expectStatus(share, 201, 'share with the jobcenter');
    const read = await plan.caseworker.get(`/job-programmes/${p.id}`);
    expect(read.status).toBe(200);
    expect(read.body.conversations).toEqual([expect.objectContaining({ kind: 'clarification', note: null })]);
    expect((await plan.caseworker.get('/job-programmes')).body.items.map((i: Programme) => i.id)).toEqual([p.id]);
    expect((await plan.otherCaseworker.get(`/job-programmes/${p.id}`)).status).toBe(404);
  });
});
