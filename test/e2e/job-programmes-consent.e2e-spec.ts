import { RemindersService } from '../../src/reminders/reminders.service';
import { expectStatus, registerResident, type Caller, type PlanFixture } from '../support/fixtures';
import { anHourAgo, birthDateForAge, type Programme, withProgrammePlan, type ProgrammeWorld } from '../support/programme-fixtures';
import type { TestApp } from '../support/test-app';
import { waitFor } from '../support/wait-for';

interface Reminder {
  kind: string;
  subjectId: string;
  residentId: string;
  message: string;
}

/** Issue 7 "Hardening": a guardian who withdraws the participation consent while a programme runs. */
describe('a guardian withdraws the consent to the leisure-job programme', () => {
  let t: TestApp, plan: PlanFixture, sw: Caller, fx: ProgrammeWorld['fx'];
  withProgrammePlan('Ishøj fritidsjob, samtykke', (world) => ({ t, plan, sw, fx } = world));
  const withdraw = async (consentId: string) => expectStatus(await sw.post(`/consents/${consentId}/withdraw`, { reason: 'Forældrene ønsker ikke forløbet længere' }), 200, 'withdraw');
  const remindersOf = async (caller: Caller, p: Programme): Promise<Reminder[]> =>
    ((await caller.get('/reminders')).body.items as Reminder[]).filter((r) => r.subjectId === p.id);
  const consentAgain = async (youth: { id: string; guardianId: string }) =>
    expectStatus(
      await sw.post('/consents', { residentId: youth.id, scope: 'job_programme_participation', recipientOrganisationIds: [], givenBy: 'guardian', guardianId: youth.guardianId, form: 'written', givenAt: anHourAgo() }),
      201,
      'consent again',
    );

  it.each([
    ['matching', 'employment'],
    ['employment', 'evaluation'],
  ] as const)('stops a programme in %s from moving on to %s', async (phase, to) => {
    const { p, employerId, youth } = await fx().programmeIn(phase, `Nadia ${phase}`);
    if (phase === 'matching') {
      await fx().acceptedMatch(p, employerId);
      expectStatus(await sw.put(`/job-programmes/${p.id}/employment`, fx().signedEmployment(employerId, youth.guardianId)), 200, 'employment');
    }
    await withdraw(youth.consentId);
    const refused = await fx().move(p, { to });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('guard_unmet');
    expect(refused.body.errors).toEqual([
      { rule: 'guardian_participation_consent', message: 'a guardian has not consented to the programme (job_programme_participation, given by a guardian)' },
    ]);
  });

  it('stops the last step to an ordinary job too, until a guardian consents again', async () => {
    const { p, employerId, youth } = await fx().programmeIn('evaluation', 'Omid');
    await fx().conversation(p, 'evaluation', ['youth', 'guardian', 'employer']);
    await withdraw(youth.consentId);
    const job = { to: 'ordinary_job', employerId, startedAt: (await sw.get(`/job-programmes/${p.id}`)).body.startedAt };
    expect((await fx().move(p, job)).status).toBe(422);
    await consentAgain(youth);
    expect((await fx().move(p, job)).status).toBe(200);
  });

  it('still lets the social worker end the programme', async () => {
    const { p, youth } = await fx().programmeIn('employment', 'Parisa');
    await withdraw(youth.consentId);
    expect(await fx().moveOk(p, { to: 'ended', reason: 'Forældrene trak samtykket tilbage' })).toMatchObject({ phase: 'ended' });
  });

  it("tells the programme's social workers at once, in Danish, and clears the reminder when a guardian consents again", async () => {
    const { p, youth } = await fx().programmeIn('employment', 'Rana');
    await withdraw(youth.consentId);
    // No recomputation by hand: the withdrawal queues it (outbox), and the worker runs it.
    const [reminder] = await waitFor('the reminder', async () => {
      const found = (await remindersOf(sw, p)).filter((r) => r.kind === 'participation_consent_withdrawn');
      return found.length ? found : undefined;
    });
    expect(reminder).toMatchObject({ residentId: youth.id, message: expect.stringMatching(/^Samtykke trukket tilbage: forælderens samtykke til fritidsjobforløbet blev trukket tilbage \d{2}-\d{2}-\d{4}\./) });
    expect(await remindersOf(plan.counsellor, p)).toEqual([]);

    await consentAgain(youth);
    await waitFor('the reminder to clear', async () => ((await remindersOf(sw, p)).length === 0 ? true : undefined));
  });

  it('does not remind about a programme in clarification that has not had a consent yet', async () => {
    const youth = await registerResident(sw, { housingAreaId: plan.areas.eligible, firstName: 'Sami', birthDate: birthDateForAge(14) });
    const p = await fx().startProgramme(youth.id);
    await t.app.get(RemindersService, { strict: false }).compute();
    expect(await remindersOf(sw, p)).toEqual([]);
  });

  it('drops the reminder once the programme has ended', async () => {
    const { p, youth } = await fx().programmeIn('matching', 'Tara');
    await withdraw(youth.consentId);
    const recompute = () => t.app.get(RemindersService, { strict: false }).compute();
    await recompute();
    expect((await remindersOf(sw, p)).map((r) => r.kind)).toEqual(['participation_consent_withdrawn']);
    await fx().moveOk(p, { to: 'ended', reason: 'Ønskede ikke at fortsætte' });
    await recompute();
    expect(await remindersOf(sw, p)).toEqual([]);
  });
});
