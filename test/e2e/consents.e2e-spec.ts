import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { createPlan, expectStatus, openCase, registerResident, type Caller, type PlanFixture, withPlan, shareCounselling as giveCounsellingConsent } from '../support/fixtures';
import { type TestApp } from '../support/test-app';

const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();

describe('the consent ledger and who sees what', () => {
  let t: TestApp;
  let plan: PlanFixture;
  withPlan((world) => ({ t, plan } = world));

  async function residentWithCase(note = 'Drøftede budget og afdragsordning') {
    const resident = await registerResident(plan.counsellor, { housingAreaId: plan.areas.eligible, firstName: 'Maria', lastName: 'Olsen', birthDate: '1980-02-02', confirmNotDuplicate: true });
    const c = await openCase(plan.counsellor, { residentId: resident.id, topic: 'debt', form: 'appointment', openedAt: hoursAgo(5) });
    await plan.counsellor.post(`/counselling-cases/${c.id}/contacts`, { occurredAt: hoursAgo(4), channel: 'in_person', note });
    return { resident, caseId: c.id };
  }

  const shareCounselling = (residentId: string, organisationIds: string[], extra: object = {}) =>
    giveCounsellingConsent(plan.counsellor, residentId, organisationIds, { documentReference: 'Samtykkeerklæring 2026-17', ...extra });

  async function sees(caller: Caller, residentId: string, caseId: string) {
    const [resident, cases, single, list] = await Promise.all([
      caller.get(`/residents/${residentId}`),
      caller.get(`/counselling-cases?residentId=${residentId}`),
      caller.get(`/counselling-cases/${caseId}`),
      caller.get('/residents'),
    ]);
    const listed = list.body.items.some((r: { id: string }) => r.id === residentId);
    return { resident: resident.status, case: single.status, listedCases: cases.body.items.length, listed, body: single.body };
  }

  it('lets a caseworker read a shared case only while the consent is active and only for the named organisation', async () => {
    const { resident, caseId } = await residentWithCase();
    expect(await sees(plan.caseworker, resident.id, caseId)).toMatchObject({ resident: 404, case: 404, listedCases: 0, listed: false });

    const consent = await shareCounselling(resident.id, [plan.organisations.jobcenter]);
    expect(consent).toMatchObject({ status: 'active', scope: 'share_counselling', recipientOrganisationIds: [plan.organisations.jobcenter] });

    const shared = await sees(plan.caseworker, resident.id, caseId);
    expect(shared).toMatchObject({ resident: 200, case: 200, listedCases: 1, listed: true });
    expect(shared.body.contacts).toHaveLength(1);
    expect(shared.body.contacts[0].note).toBeNull();
    expect(shared.body.notesShared).toBe(false);
    expect(await sees(plan.otherCaseworker, resident.id, caseId)).toMatchObject({ resident: 404, case: 404, listedCases: 0, listed: false });

    const readOnly = await plan.caseworker.post(`/counselling-cases/${caseId}/contacts`, { occurredAt: hoursAgo(0.5), channel: 'phone' });
    expect(readOnly.status).toBe(403);
    // The caseworker changes residents of the job centre's own compartment only; a shared one is out of reach for changes.
    const patch = await plan.caseworker.patch(`/residents/${resident.id}`, { firstName: 'X' });
    expect(patch.status).toBe(404);

    const withdrawn = await plan.counsellor.post(`/consents/${consent.id}/withdraw`, { reason: 'Ønsker ikke deling' });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.status).toBe('withdrawn');
    expect(withdrawn.body.withdrawal).toMatchObject({ reason: 'Ønsker ikke deling', recordedBy: plan.counsellor.user.id });
    expect(await sees(plan.caseworker, resident.id, caseId)).toMatchObject({ resident: 404, case: 404, listedCases: 0, listed: false });

    const ledger = await plan.counsellor.get(`/consents?residentId=${resident.id}`);
    expect(ledger.body.items).toHaveLength(1);
    expect(ledger.body.items[0].history.map((e: { event: string }) => e.event)).toEqual(['given', 'withdrawn']);
    // The withdrawal's reason is free text about the resident: not in the list (issue 20).
    expect(ledger.body.items[0].withdrawal).toEqual({ withdrawnAt: expect.any(String), recordedBy: plan.counsellor.user.id });
    const again = await plan.counsellor.post(`/consents/${consent.id}/withdraw`, {});
    expect(again.status).toBe(409);
  });

  it('shares case notes only when the consent says so', async () => {
    const { resident, caseId } = await residentWithCase('Noter om gæld til SKAT');
    await shareCounselling(resident.id, [plan.organisations.jobcenter], { includesNotes: true });
    const res = await plan.caseworker.get(`/counselling-cases/${caseId}`);
    expect(res.body.contacts[0].note).toBe('Noter om gæld til SKAT');
  });

  it('stops sharing when the consent expires', async () => {
    const { resident, caseId } = await residentWithCase();
    const res = await plan.counsellor.post('/consents', {
      residentId: resident.id,
      scope: 'share_counselling',
      recipientOrganisationIds: [plan.organisations.jobcenter],
      givenBy: 'resident',
      form: 'oral',
      givenAt: hoursAgo(3),
      expiresAt: hoursAgo(2),
    });
    expect(res.status).toBe(201);
    expect(res.body.status).toBe('expired');
    expect(await sees(plan.caseworker, resident.id, caseId)).toMatchObject({ resident: 404, case: 404 });
  });

  it('does not let a 14-year-old consent alone, but accepts their registered guardian', async () => {
    const birthDate = new Date(Date.now() - 14.5 * 365.25 * 86_400_000).toISOString().slice(0, 10);
    const youth = await registerResident(plan.socialWorker, { housingAreaId: plan.areas.eligible, firstName: 'Amir', birthDate });
    const body = { residentId: youth.id, scope: 'job_programme_participation', recipientOrganisationIds: [], givenBy: 'resident', form: 'written', givenAt: hoursAgo(1) };
    const alone = await plan.socialWorker.post('/consents', body);
    expect(alone.status).toBe(422);
    expect(alone.body.errors).toEqual([expect.objectContaining({ field: 'givenBy', rule: 'guardian_consent_for_minor' })]);

    const mother = await plan.socialWorker.post(`/residents/${youth.id}/guardians`, { name: 'Leila', relation: 'mother' });
    const byGuardian = await plan.socialWorker.post('/consents', { ...body, givenBy: 'guardian', guardianId: mother.body.id });
    expect(byGuardian.status).toBe(201);
    expect(byGuardian.body).toMatchObject({ givenBy: 'guardian', guardianId: mother.body.id, status: 'active' });
  });

  it('cannot be changed or deleted, through the API or by the database role the app runs as', async () => {
    const { resident } = await residentWithCase();
    const consent = await shareCounselling(resident.id, [plan.organisations.jobcenter]);
    expect((await plan.counsellor.patch(`/consents/${consent.id}`, { scope: 'share_job_programme' })).status).toBe(404);
    expect((await t.http().delete(`/api/v1/consents/${consent.id}`).set('Authorization', `Bearer ${plan.counsellor.token}`)).status).toBe(404);
    const db = t.app.get<DataSource>(getDataSourceToken());
    await expect(db.query(`UPDATE consents SET expires_at = now() + interval '10 years' WHERE id = $1`, [consent.id])).rejects.toThrow(/permission denied/);
    await expect(db.query(`DELETE FROM consent_recipients WHERE consent_id = $1`, [consent.id])).rejects.toThrow(/permission denied/);
    await expect(db.query(`DELETE FROM consents WHERE id = $1`, [consent.id])).rejects.toThrow(/permission denied/);
    const ledger = await plan.counsellor.get(`/consents?residentId=${resident.id}`);
    expect(ledger.body.items[0]).toMatchObject({ status: 'active', scope: 'share_counselling' });
  });

  it('refuses a referral to an organisation the resident has not consented to share with', async () => {
    const { resident, caseId } = await residentWithCase();
    const refused = await plan.counsellor.post(`/counselling-cases/${caseId}/referrals`, { organisationId: plan.organisations.jobcenter, reason: 'Afklaring' });
    expect(refused.status).toBe(422);
    expect(refused.body.errors[0].rule).toBe('share_counselling_consent');
    await shareCounselling(resident.id, [plan.organisations.jobcenter]);
    const accepted = await plan.counsellor.post(`/counselling-cases/${caseId}/referrals`, { organisationId: plan.organisations.jobcenter, reason: 'Afklaring' });
    expect(accepted.status).toBe(201);
    const elsewhere = await plan.counsellor.post(`/counselling-cases/${caseId}/referrals`, { organisationId: plan.organisations.children });
    expect(elsewhere.status).toBe(422);
  });

  it('audits every shared read as access by consent', async () => {
    const { resident, caseId } = await residentWithCase();
    await shareCounselling(resident.id, [plan.organisations.jobcenter]);
    await plan.caseworker.get(`/residents/${resident.id}`);
    await plan.caseworker.get(`/counselling-cases/${caseId}`);
    await plan.caseworker.get(`/counselling-cases?residentId=${resident.id}`);
    const events = await plan.leader.get(`/audit-events?residentId=${resident.id}&actorId=${plan.caseworker.user.id}`);
    expect(events.body.items.map((e: { action: string }) => e.action).sort()).toEqual(['counselling_case.listed', 'counselling_case.read', 'resident.read']);
    expect(events.body.items.every((e: { purpose: string }) => e.purpose === 'shared_by_consent')).toBe(true);
  });

  it('refuses recipients outside the plan and a consent recorded by the wrong compartment', async () => {
    const { resident } = await residentWithCase();
    const other = await createPlan(t, 'Anden plan');
    const foreign = await plan.counsellor.post('/consents', {
      residentId: resident.id,
      scope: 'share_counselling',
      recipientOrganisationIds: [other.organisations.jobcenter],
      givenBy: 'resident',
      form: 'oral',
      givenAt: hoursAgo(1),
    });
    expect(foreign.status).toBe(422);
    expect(foreign.body.errors[0].rule).toBe('organisation_in_plan');
    const bySocialWorker = await plan.socialWorker.post('/consents', {
      residentId: resident.id,
      scope: 'share_counselling',
      recipientOrganisationIds: [plan.organisations.jobcenter],
      givenBy: 'resident',
      form: 'oral',
      givenAt: hoursAgo(1),
    });
    expect(bySocialWorker.status).toBe(404);
  });

  const yearsAgo = (years: number) => {
    const d = new Date();
    d.setFullYear(d.getFullYear() - years);
    return d.toISOString().slice(0, 10);
  };

  it('refuses a 13-year-old consenting alone as guardian_consent_required, and accepts the registered guardian', async () => {
    const youth = await registerResident(plan.socialWorker, { housingAreaId: plan.areas.eligible, firstName: 'Ali', birthDate: yearsAgo(13) });
    const consent = { residentId: youth.id, scope: 'job_programme_participation', recipientOrganisationIds: [], form: 'written', givenAt: hoursAgo(1) };
    const alone = await plan.socialWorker.post('/consents', { ...consent, givenBy: 'resident' });
    expect(alone.status).toBe(422);
    expect(alone.body.code).toBe('guardian_consent_required');

    const unknownGuardian = await plan.socialWorker.post('/consents', { ...consent, givenBy: 'guardian', guardianId: '00000000-0000-4000-8000-000000000000' });
    expect(unknownGuardian.body.code).toBe('guardian_invalid');

    const mother = await plan.socialWorker.post(`/residents/${youth.id}/guardians`, { name: 'Amina', relation: 'mother' });
    expectStatus(mother, 201, 'add guardian');
    const given = await plan.socialWorker.post('/consents', { ...consent, givenBy: 'guardian', guardianId: mother.body.id });
    expectStatus(given, 201, 'guardian consents');

    expectStatus(await plan.socialWorker.post(`/consents/${given.body.id}/withdraw`, {}), 200, 'withdraw');
    const again = await plan.socialWorker.post(`/consents/${given.body.id}/withdraw`, {});
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('consent_already_withdrawn');
  });
});
