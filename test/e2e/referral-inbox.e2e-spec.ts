import { addStaff, expectStatus, openCase, registerResident, shareCounselling, withPlan, type PlanFixture } from '../support/fixtures';
import { ownerDatabase } from '../support/owner-database';
import type { TestApp } from '../support/test-app';

/** The job centre caseworker's referral inbox (issue 21): what one call gives them, and reading back their own notes. */
describe("the caseworker's referral inbox", () => {
  let t: TestApp;
  let plan: PlanFixture;
  withPlan((world) => ({ t, plan } = world), 'Ishøj indbakke');
  const owner = ownerDatabase();

  /** A resident whose consent shares her counselling with the job centre, without notes, and a case referred there. */
  async function referredToTheJobCentre(firstName: string, topic = 'employment'): Promise<{ residentId: string; caseId: string; referralId: string }> {
    const resident = await registerResident(plan.counsellor, { housingAreaId: plan.areas.eligible, firstName, lastName: 'Jensen', birthDate: '1978-04-12', gender: 'female', confirmNotDuplicate: true });
    await shareCounselling(plan.counsellor, resident.id, [plan.organisations.jobcenter]);
    const kase = await openCase(plan.counsellor, { residentId: resident.id, topic, form: 'appointment', openedAt: new Date(Date.now() - 7_200_000).toISOString() });
    const referral = await plan.counsellor.post(`/counselling-cases/${kase.id}/referrals`, { organisationId: plan.organisations.jobcenter, reason: 'Ønsker praktik' });
    expectStatus(referral, 201, 'refer');
    return { residentId: resident.id, caseId: kase.id, referralId: referral.body.id };
  }

  it("gives the job centre back its own notes on accepting and completing Helle's referral, though her consent shares no notes", async () => {
    const { referralId } = await referredToTheJobCentre('Helle');
    const accepted = await plan.caseworker.post(`/referrals/${referralId}/status`, { status: 'accepted', note: 'Samtale aftalt 12. marts', version: 1 });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ freeTextShared: false, reason: null, history: [{ to: 'accepted', note: 'Samtale aftalt 12. marts' }] });
    expectStatus(await plan.caseworker.post(`/referrals/${referralId}/status`, { status: 'completed', note: 'Helle er i praktik', version: 2 }), 200, 'complete');

    const expected = [
      { to: 'accepted', note: 'Samtale aftalt 12. marts', changedBy: plan.caseworker.user.id },
      { to: 'completed', note: 'Helle er i praktik', changedBy: plan.caseworker.user.id },
    ];
    expect((await plan.caseworker.get(`/referrals/${referralId}`)).body.history).toMatchObject(expected);
    const listed = (await plan.caseworker.get('/referrals?status=completed')).body.items.find((f: { id: string }) => f.id === referralId);
    expect(listed.history).toMatchObject(expected);
    // A colleague at the job centre reads the organisation's notes too; the children's centre never sees the referral.
    const colleague = await addStaff(t, plan, 'caseworker', { organisationId: plan.organisations.jobcenter });
    expect((await colleague.get(`/referrals/${referralId}`)).body.history).toMatchObject(expected);
    expect((await plan.otherCaseworker.get(`/referrals/${referralId}`)).status).toBe(404);
  });

  it("keeps withholding what the counsellors wrote (the reason, a note on taking the referral back) from the job centre", async () => {
    const { referralId } = await referredToTheJobCentre('Hanne');
    expectStatus(await plan.counsellor.post(`/referrals/${referralId}/status`, { status: 'revoked', note: 'Hanne har fundet praktik selv' }), 200, 'revoke');
    const seen = await plan.caseworker.get(`/referrals/${referralId}`);
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({ status: 'revoked', reason: null, recipientName: null, history: [{ to: 'revoked', note: null }] });
    expect((await plan.counsellor.get(`/referrals/${referralId}`)).body.history[0].note).toBe('Hanne har fundet praktik selv');
  });

  it('gives the inbox in one call the case it came from, who referred it and to whom, newest first and a page at a time', async () => {
    const older = await referredToTheJobCentre('Anna', 'debt');
    const newer = await referredToTheJobCentre('Birgit', 'employment');
    const first = await plan.caseworker.get('/referrals?status=sent&limit=1');
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(1);
    expect(first.body.items[0]).toMatchObject({
      id: newer.referralId,
      caseId: newer.caseId,
      caseTopic: 'employment',
      caseTopicLabel: expect.any(String),
      caseStatus: 'open',
      residentId: newer.residentId,
      residentName: 'Birgit Jensen',
      organisationId: plan.organisations.jobcenter,
      organisationName: 'Center for Beskæftigelse og Erhverv',
      recordedBy: plan.counsellor.user.id,
      recordedByName: expect.stringContaining('counsellor'),
      status: 'sent',
      version: 1,
    });
    const second = await plan.caseworker.get(`/referrals?status=sent&limit=1&cursor=${first.body.nextCursor}`);
    expect(second.body.items[0]).toMatchObject({ id: older.referralId, caseTopic: 'debt', residentName: 'Anna Jensen' });
    expect((await plan.caseworker.get('/referrals?status=accepted')).body.items.map((f: { id: string }) => f.id)).not.toContain(newer.referralId);
  });

  it("audits opening one referral in Helle's access log, as shared by consent", async () => {
    const { residentId, referralId } = await referredToTheJobCentre('Helga');
    expectStatus(await plan.caseworker.get(`/referrals/${referralId}`), 200, 'open the referral');
    expect(await owner.count(`audit_events WHERE resident_id = $1 AND action = 'counselling_referral.read' AND actor_id = $2 AND purpose = 'shared_by_consent'`, [residentId, plan.caseworker.user.id])).toBe(1);
    expect((await plan.caseworker.get('/referrals/not-a-uuid')).status).toBe(400);
  });
});
