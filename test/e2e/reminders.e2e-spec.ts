import { addMonths } from '../../src/common/calendar';
import { RemindersService } from '../../src/reminders/reminders.service';
import { expectStatus, registerResident, type PlanFixture } from '../support/fixtures';
import { programmeFixtures, shiftDays, TODAY, withProgrammePlan } from '../support/programme-fixtures';
import type { TestApp } from '../support/test-app';

describe('reminders', () => {
  let t: TestApp, plan: PlanFixture;
  withProgrammePlan('Påmindelser', (world) => ({ t, plan } = world));

  const recompute = () => t.app.get(RemindersService, { strict: false }).compute();

  it('reminds the social worker of the evaluation conversation about a month before an employment ends, until it is held', async () => {
    const fx = programmeFixtures(plan);
    const youth = await fx.youthWithConsent('Nour');
    let p = await fx.startProgramme(youth.id);
    await fx.conversation(p, 'clarification');
    p = await fx.moveOk(p, { to: 'matching' });
    const employerId = await fx.employer('Føtex Ishøj');
    await fx.acceptedMatch(p, employerId);
    const startDate = shiftDays(addMonths(TODAY, -4), 20);
    expectStatus(await plan.socialWorker.put(`/job-programmes/${p.id}/employment`, { ...fx.signedEmployment(employerId, youth.guardianId, startDate), contractSignedByYouthAt: shiftDays(startDate, -5), contractSignedByGuardianAt: shiftDays(startDate, -5) }), 200, 'employment');
    p = await fx.moveOk(p, { to: 'employment' });

    await recompute();
    const due = await plan.socialWorker.get('/reminders');
    expect(due.status).toBe(200);
    const reminder = due.body.items.find((r: { subjectId: string }) => r.subjectId === p.id);
    expect(reminder).toMatchObject({ kind: 'evaluation_due', residentId: youth.id, residentName: 'Nour Hassan' });
    expect(reminder.message).toMatch(/Evalueringssamtale/);
    expect((await plan.counsellor.get('/reminders')).body.items.find((r: { subjectId: string }) => r.subjectId === p.id)).toBeUndefined();

    await fx.conversation(p, 'evaluation', ['youth', 'employer']);
    await recompute();
    const after = await plan.socialWorker.get('/reminders');
    expect(after.body.items.find((r: { subjectId: string }) => r.subjectId === p.id)).toBeUndefined();
  });

  it('reminds the counsellor of a consent about to expire', async () => {
    const resident = await registerResident(plan.counsellor, { housingAreaId: plan.areas.eligible, firstName: 'Lise', birthDate: '1970-01-01' });
    const consent = await plan.counsellor.post('/consents', {
      residentId: resident.id,
      scope: 'share_counselling',
      recipientOrganisationIds: [plan.organisations.jobcenter],
      givenBy: 'resident',
      form: 'written',
      givenAt: new Date(Date.now() - 86_400_000).toISOString(),
      expiresAt: new Date(Date.now() + 10 * 86_400_000).toISOString(),
    });
    expectStatus(consent, 201, 'consent');
    await recompute();
    const due = await plan.counsellor.get('/reminders');
    expect(due.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'consent_expiring', subjectId: consent.body.id, residentId: resident.id })]));

    await plan.counsellor.post(`/consents/${consent.body.id}/withdraw`, {});
    await recompute();
    expect((await plan.counsellor.get('/reminders')).body.items.find((r: { subjectId: string }) => r.subjectId === consent.body.id)).toBeUndefined();
  });
});
