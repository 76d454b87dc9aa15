import { expectStatus, type Caller, type PlanFixture } from '../support/fixtures';
import { shiftDays, TODAY, type Programme, withProgrammePlan, type ProgrammeWorld } from '../support/programme-fixtures';
import { waitFor } from '../support/wait-for';

interface JobProgrammeNumbers {
  started: number;
  ended: number;
  toOrdinaryJob: number;
  byPhaseAtEnd: Record<string, number>;
}

async function jobProgrammeNumbers(leader: Caller, year: number, half: 1 | 2): Promise<JobProgrammeNumbers> {
  const requested = await leader.post('/reports/half-year', { year, half });
  expectStatus(requested, 202, 'request report');
  const report = await waitFor(`report ${requested.body.id}`, async () => {
    const res = await leader.get(`/reports/${requested.body.id}`);
    if (res.body.status === 'failed') throw new Error(`report failed: ${res.body.failureReason}`);
    return res.body.status === 'completed' ? res.body : undefined;
  });
  return report.result.jobProgrammes;
}

const YEAR = Number(TODAY.slice(0, 4));
const LAST_YEAR = YEAR - 1;
const THIS_HALF: 1 | 2 = Number(TODAY.slice(5, 7)) <= 6 ? 1 : 2;

/** Issue 7 "Hardening": a phase change carries the date it happened, and the report counts by it. */
describe('when a phase change happened, as opposed to when it was typed', () => {
  let plan: PlanFixture, sw: Caller, fx: ProgrammeWorld['fx'];
  withProgrammePlan('Ishøj fritidsjob, datoer', (world) => ({ plan, sw, fx } = world));
  const history = async (p: Programme) => (await sw.get(`/job-programmes/${p.id}`)).body.history as { to: string; occurredAt: string; recordedAt: string }[];

  it('counts a December phase change entered in January in H2 of the previous year', async () => {
    const youth = await fx().youthWithConsent('Ulla');
    const started = await sw.post('/job-programmes', { residentId: youth.id, startedAt: `${LAST_YEAR}-12-01` });
    expectStatus(started, 201, 'start in December');
    let p: Programme = started.body;
    expectStatus(
      await sw.post(`/job-programmes/${p.id}/conversations`, { occurredAt: `${LAST_YEAR}-12-04T15:00:00+01:00`, kind: 'clarification', participants: ['youth', 'guardian'] }),
      201,
      'clarification',
    );
    p = await fx().moveOk(p, { to: 'matching', occurredAt: `${LAST_YEAR}-12-10T14:00:00+01:00` });
    const ended = await fx().moveOk(p, { to: 'ended', reason: 'Flyttet fra området', occurredAt: `${LAST_YEAR}-12-18T14:00:00+01:00` });
    expect(ended).toMatchObject({ phase: 'ended', finishedAt: new Date(`${LAST_YEAR}-12-18T14:00:00+01:00`).toISOString() });

    const lastH2 = await jobProgrammeNumbers(plan.leader, LAST_YEAR, 2);
    expect(lastH2).toMatchObject({ started: 1, ended: 1, byPhaseAtEnd: { ended: 1 } });
    const now = await jobProgrammeNumbers(plan.leader, YEAR, THIS_HALF);
    expect(now).toMatchObject({ started: 0, ended: 0, byPhaseAtEnd: {} });
  });

  it('starts the history at midnight of the start day, and keeps when each change was typed', async () => {
    const before = Date.now();
    const youth = await fx().youthWithConsent('Vera');
    const started = await sw.post('/job-programmes', { residentId: youth.id, startedAt: shiftDays(TODAY, -20) });
    expectStatus(started, 201, 'start');
    const p: Programme = started.body;
    await fx().conversation(p, 'clarification');
    await fx().moveOk(p, { to: 'matching', occurredAt: `${shiftDays(TODAY, -3)}T10:00:00+01:00` });
    const [clarification, matching] = await history(p);
    expect(new Date(clarification.occurredAt).toLocaleString('sv-SE', { timeZone: 'Europe/Copenhagen' })).toBe(`${shiftDays(TODAY, -20)} 00:00:00`);
    expect(new Date(matching.occurredAt).toISOString()).toBe(new Date(`${shiftDays(TODAY, -3)}T10:00:00+01:00`).toISOString());
    for (const row of [clarification, matching]) expect(new Date(row.recordedAt).getTime()).toBeGreaterThanOrEqual(before - 1000);
  });

  it('dates a change now when no occurredAt is given', async () => {
    const { p } = await fx().programmeIn('clarification', 'Wilma');
    const before = Date.now();
    await fx().moveOk(p, { to: 'ended', reason: 'Ønskede en pause' });
    const last = (await history(p)).at(-1)!;
    expect(new Date(last.occurredAt).getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(new Date(last.occurredAt).getTime()).toBeLessThanOrEqual(Date.now() + 1000);
  });

  it('refuses a change dated in the future', async () => {
    const { p } = await fx().programmeIn('clarification', 'Xenia');
    const res = await fx().move(p, { to: 'ended', reason: 'Flyttet', occurredAt: new Date(Date.now() + 3600_000).toISOString() });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('transition_timing');
    expect(res.body.errors).toEqual([{ field: 'occurredAt', rule: 'not_in_future', message: 'occurredAt is in the future: record a phase change once it has happened' }]);
  });

  it('refuses a change dated before the change before it, and before the programme started', async () => {
    const youth = await fx().youthWithConsent('Yara');
    const p: Programme = (await sw.post('/job-programmes', { residentId: youth.id, startedAt: shiftDays(TODAY, -10) })).body;
    await fx().conversation(p, 'clarification');
    const beforeStart = await fx().move(p, { to: 'matching', occurredAt: `${shiftDays(TODAY, -12)}T10:00:00+01:00` });
    expect(beforeStart.status).toBe(422);
    expect(beforeStart.body.errors).toEqual([expect.objectContaining({ field: 'occurredAt', rule: 'not_before_previous_transition' })]);
    const matching = await fx().moveOk(p, { to: 'matching', occurredAt: `${shiftDays(TODAY, -5)}T10:00:00+01:00` });
    const earlier = await fx().move(matching, { to: 'ended', reason: 'Flyttet', occurredAt: `${shiftDays(TODAY, -6)}T10:00:00+01:00` });
    expect(earlier.status).toBe(422);
    expect(earlier.body.errors.map((e: { rule: string }) => e.rule)).toEqual(['not_before_previous_transition']);
  });

  it('refuses a Danish time without an offset that the clocks skip (400)', async () => {
    const { p } = await fx().programmeIn('clarification', 'Zelma');
    const res = await fx().move(p, { to: 'ended', reason: 'Flyttet', occurredAt: '2026-03-29T02:30:00' });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['occurredAt']);
  });

  it('judges the guards on the day of the change: evaluation dated before the employment started is refused', async () => {
    const youth = await fx().youthWithConsent('Åse');
    const employerId = await fx().employer('Kvickly Ishøj');
    const started: Programme = (await sw.post('/job-programmes', { residentId: youth.id, startedAt: shiftDays(TODAY, -30) })).body;
    await fx().conversation(started, 'clarification');
    const p = await fx().moveOk(started, { to: 'matching', occurredAt: `${shiftDays(TODAY, -20)}T10:00:00+01:00` });
    await fx().acceptedMatch(p, employerId);
    const startDate = shiftDays(TODAY, -7);
    expectStatus(await sw.put(`/job-programmes/${p.id}/employment`, fx().signedEmployment(employerId, youth.guardianId, startDate)), 200, 'employment');
    const employed = await fx().moveOk(p, { to: 'employment', occurredAt: `${shiftDays(TODAY, -9)}T10:00:00+01:00` });
    const tooEarly = await fx().move(employed, { to: 'evaluation', occurredAt: `${shiftDays(TODAY, -8)}T10:00:00+01:00` });
    expect(tooEarly.status).toBe(422);
    expect(tooEarly.body.errors).toEqual([{ rule: 'employment_started', message: `the employment has not started yet (starts ${startDate})` }]);
    expect((await fx().move(employed, { to: 'evaluation', occurredAt: `${startDate}T16:00:00+01:00` })).status).toBe(200);
  });
});
