import { asBytes, createPlan, expectStatus, openCase, registerResident, shareCounselling, withPlan, type PlanFixture } from '../support/fixtures';
import { ownerDatabase } from '../support/owner-database';
import type { TestApp } from '../support/test-app';

interface Referral {
  id: string;
  status: string;
  version: number;
}

describe('referral follow-up', () => {
  let t: TestApp;
  let plan: PlanFixture;
  withPlan((world) => ({ t, plan } = world), 'Ishøj henvisninger');
  const owner = ownerDatabase();

  /** Helle, with her consent to share her counselling with the job centre, and a case referred there. */
  async function helleReferredToTheJobCentre(firstName = 'Helle'): Promise<{ residentId: string; caseId: string; consentId: string; referral: Referral }> {
    const helle = await registerResident(plan.counsellor, { housingAreaId: plan.areas.eligible, firstName, lastName: 'Jensen', birthDate: '1978-04-12', gender: 'female', confirmNotDuplicate: true });
    const consent = await shareCounselling(plan.counsellor, helle.id, [plan.organisations.jobcenter]);
    const kase = await openCase(plan.counsellor, { residentId: helle.id, topic: 'employment', form: 'appointment', openedAt: new Date(Date.now() - 7_200_000).toISOString() });
    const referral = await plan.counsellor.post(`/counselling-cases/${kase.id}/referrals`, { organisationId: plan.organisations.jobcenter, reason: 'Ønsker praktik' });
    expectStatus(referral, 201, 'refer');
    return { residentId: helle.id, caseId: kase.id, consentId: consent.id, referral: referral.body };
  }

  const idsOf = (body: { items: Array<{ id: string }> }) => body.items.map((f) => f.id);

  it("starts every referral as sent, and the case shows each referral's status", async () => {
    const { caseId, referral } = await helleReferredToTheJobCentre();
    expect(referral.status).toBe('sent');
    const kase = await plan.counsellor.get(`/counselling-cases/${caseId}`);
    expect(kase.body.referrals).toEqual([expect.objectContaining({ id: referral.id, status: 'sent', statusChangedAt: null })]);

    expectStatus(await plan.caseworker.post(`/referrals/${referral.id}/status`, { status: 'accepted' }), 200, 'accept');
    const after = await plan.counsellor.get(`/counselling-cases/${caseId}`);
    expect(after.body.referrals[0]).toMatchObject({ status: 'accepted', statusChangedAt: expect.any(String) });
  });

  it("lets the job centre's caseworker see Helle's referral while her consent holds, accept it and complete it, with a history of who and when", async () => {
    const { residentId, referral } = await helleReferredToTheJobCentre();
    const list = await plan.caseworker.get('/referrals?status=sent');
    expect(list.status).toBe(200);
    expect(idsOf(list.body)).toContain(referral.id);
    expect(list.body.items.find((f: { id: string }) => f.id === referral.id)).toMatchObject({ residentId, residentName: 'Helle Jensen', organisationId: plan.organisations.jobcenter, status: 'sent', history: [] });

    const accepted = await plan.caseworker.post(`/referrals/${referral.id}/status`, { status: 'accepted', note: 'Samtale aftalt', version: 1 });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ status: 'accepted', version: 2, history: [{ from: 'sent', to: 'accepted', changedBy: plan.caseworker.user.id }] });
    const completed = await plan.caseworker.post(`/referrals/${referral.id}/status`, { status: 'completed' });
    expect(completed.status).toBe(200);
    expect(completed.body.history.map((h: { to: string }) => h.to)).toEqual(['accepted', 'completed']);

    expect(idsOf((await plan.caseworker.get('/referrals?status=sent')).body)).not.toContain(referral.id);
    expect(idsOf((await plan.caseworker.get('/referrals?status=completed')).body)).toContain(referral.id);
    expect(await owner.count(`audit_events WHERE resident_id = $1 AND action = 'counselling_referral.status_changed' AND actor_id = $2 AND purpose = 'shared_by_consent'`, [residentId, plan.caseworker.user.id])).toBe(2);
    expect(await owner.count(`audit_events WHERE resident_id = $1 AND action = 'counselling_referral.listed' AND actor_id = $2`, [residentId, plan.caseworker.user.id])).toBeGreaterThanOrEqual(1);
  });

  it("shows a caseworker of another organisation nothing of Helle's referral, and answers their attempt with 404", async () => {
    const { referral } = await helleReferredToTheJobCentre();
    expect(idsOf((await plan.otherCaseworker.get('/referrals')).body)).not.toContain(referral.id);
    const res = await plan.otherCaseworker.post(`/referrals/${referral.id}/status`, { status: 'accepted' });
    expect(res.status).toBe(404);
    expect(await owner.count(`counselling_referral_status_changes WHERE referral_id = $1`, [referral.id])).toBe(0);
  });

  it("keeps a referral to the job centre from the children's centre, even when Helle's consent names both", async () => {
    const { residentId, referral } = await helleReferredToTheJobCentre();
    await shareCounselling(plan.counsellor, residentId, [plan.organisations.children]);
    expect((await plan.otherCaseworker.get(`/counselling-cases?residentId=${residentId}`)).body.items).toHaveLength(1);
    expect(idsOf((await plan.otherCaseworker.get('/referrals')).body)).not.toContain(referral.id);
    expect((await plan.otherCaseworker.post(`/referrals/${referral.id}/status`, { status: 'accepted' })).status).toBe(404);
  });

  it('shows the job centre nothing once Helle withdraws her consent, and its answer is then 404', async () => {
    const { referral, consentId } = await helleReferredToTheJobCentre();
    expectStatus(await plan.counsellor.post(`/consents/${consentId}/withdraw`, { reason: 'Helle vil ikke dele mere' }), 200, 'withdraw');
    expect(idsOf((await plan.caseworker.get('/referrals')).body)).not.toContain(referral.id);
    expect((await plan.caseworker.post(`/referrals/${referral.id}/status`, { status: 'accepted' })).status).toBe(404);
    // The counsellors who sent it still follow it up.
    expect(idsOf((await plan.counsellor.get('/referrals')).body)).toContain(referral.id);
  });

  it('lets the counsellor revoke a sent referral, after which nothing moves it (409 referral_transition_refused)', async () => {
    const { referral } = await helleReferredToTheJobCentre();
    const revoked = await plan.counsellor.post(`/referrals/${referral.id}/status`, { status: 'revoked', note: 'Helle har selv fundet praktik' });
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({ status: 'revoked', history: [{ from: 'sent', to: 'revoked', note: 'Helle har selv fundet praktik' }] });
    const late = await plan.caseworker.post(`/referrals/${referral.id}/status`, { status: 'accepted' });
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ code: 'referral_transition_refused', status: 409, currentStatus: 'revoked', allowed: [] });
  });

  it('refuses completing a referral nobody accepted, and rejecting one twice', async () => {
    const { referral } = await helleReferredToTheJobCentre();
    const early = await plan.caseworker.post(`/referrals/${referral.id}/status`, { status: 'completed' });
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ code: 'referral_transition_refused', allowed: ['accepted', 'rejected', 'revoked'] });
    expectStatus(await plan.caseworker.post(`/referrals/${referral.id}/status`, { status: 'rejected', note: 'Ikke i målgruppen' }), 200, 'reject');
    expect((await plan.caseworker.post(`/referrals/${referral.id}/status`, { status: 'rejected' })).body.code).toBe('referral_transition_refused');
  });

  it('leaves answering to the caseworker and revoking to the counsellor (403 referral_status_not_yours)', async () => {
    const { referral } = await helleReferredToTheJobCentre();
    const byCounsellor = await plan.counsellor.post(`/referrals/${referral.id}/status`, { status: 'accepted' });
    expect(byCounsellor.status).toBe(403);
    expect(byCounsellor.body.code).toBe('referral_status_not_yours');
    const byCaseworker = await plan.caseworker.post(`/referrals/${referral.id}/status`, { status: 'revoked' });
    expect(byCaseworker.status).toBe(403);
    expect(byCaseworker.body.code).toBe('referral_status_not_yours');
    expect((await plan.socialWorker.get('/referrals')).status).toBe(403);
    expect((await plan.leader.post(`/referrals/${referral.id}/status`, { status: 'accepted' })).status).toBe(403);
  });

  it('refuses an answer given on an old version (409 stale_version)', async () => {
    const { referral } = await helleReferredToTheJobCentre();
    expectStatus(await plan.caseworker.post(`/referrals/${referral.id}/status`, { status: 'accepted', version: 1 }), 200, 'accept');
    const stale = await plan.counsellor.post(`/referrals/${referral.id}/status`, { status: 'revoked', version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'stale_version', currentVersion: 2 });
  });

  it("keeps another plan's counsellor and caseworker out (404) and their lists empty of this plan's referrals", async () => {
    const { referral } = await helleReferredToTheJobCentre();
    const other = await createPlan(t, 'Anden plan');
    expect((await other.counsellor.post(`/referrals/${referral.id}/status`, { status: 'revoked' })).status).toBe(404);
    expect((await other.caseworker.post(`/referrals/${referral.id}/status`, { status: 'accepted' })).status).toBe(404);
    expect(idsOf((await other.counsellor.get('/referrals')).body)).not.toContain(referral.id);
  });

  it("lists the plan's referrals for the counsellor a page at a time, newest first", async () => {
    await helleReferredToTheJobCentre('Anna');
    await helleReferredToTheJobCentre('Birgit');
    const first = await plan.counsellor.get('/referrals?limit=1');
    expect(first.body.items).toHaveLength(1);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await plan.counsellor.get(`/referrals?limit=1&cursor=${first.body.nextCursor}`);
    expect(second.body.items).toHaveLength(1);
    expect(second.body.items[0].id).not.toBe(first.body.items[0].id);
    expect(second.body.items[0].referredAt <= first.body.items[0].referredAt).toBe(true);
    expect((await plan.counsellor.get('/referrals?status=lost')).status).toBe(400);
  });

  it("puts the follow-up in Helle's copy, erases its notes with her data, keeps the statuses and takes no new note about her", async () => {
    const { residentId, referral } = await helleReferredToTheJobCentre();
    expectStatus(await plan.caseworker.post(`/referrals/${referral.id}/status`, { status: 'accepted', note: 'Helle starter mandag' }), 200, 'accept');
    const copy = await plan.counsellor.get(`/residents/${residentId}/export`);
    expect(copy.body.counsellingCases[0].referrals[0]).toMatchObject({ status: 'accepted', statusHistory: [expect.objectContaining({ from: 'sent', to: 'accepted', note: 'Helle starter mandag' })] });
    const pdf = await asBytes(plan.counsellor.get(`/residents/${residentId}/export?format=pdf`));
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toMatch(/application\/pdf/);

    expectStatus(await plan.counsellor.post(`/residents/${residentId}/erase`, { reason: 'resident_request' }), 200, 'erase');
    const row = (await owner.query(`SELECT to_status, note FROM counselling_referral_status_changes WHERE referral_id = $1`, [referral.id])).rows;
    expect(row).toEqual([{ to_status: 'accepted', note: null }]);
    expect(await owner.count(`counselling_referrals WHERE id = $1 AND status = 'accepted'`, [referral.id])).toBe(1);

    const withNote = await plan.counsellor.post(`/referrals/${referral.id}/status`, { status: 'revoked', note: 'Ny tekst om en slettet beboer' });
    expect(withNote.status).toBe(409);
    expect(withNote.body.code).toBe('resident_erased');
    // The follow-up itself goes on: the report counts where referrals ended up.
    expectStatus(await plan.caseworker.post(`/referrals/${referral.id}/status`, { status: 'completed' }), 200, 'complete after erasure');
  });
});
