import { expectStatus, registerResident, shareCounselling, withPlan, type PlanFixture } from '../support/fixtures';
import { ownerDatabase } from '../support/owner-database';

/** The residents a consent shares with the job centre, as its caseworker reads them (issue 21): read-only, saying under which consent and until when. */
describe('residents shared with an organisation by consent', () => {
  let plan: PlanFixture;
  withPlan((world) => ({ plan } = world), 'Ishøj delte beboere');
  const owner = ownerDatabase();
  const idsOf = (body: { items: Array<{ id: string }> }) => body.items.map((r) => r.id);
  const inAYear = () => new Date(Date.now() + 365 * 86_400_000).toISOString();

  async function helle(firstName = 'Helle') {
    return registerResident(plan.counsellor, { housingAreaId: plan.areas.eligible, firstName, lastName: 'Jensen', birthDate: '1978-04-12', gender: 'female', phone: '+4520304050', confirmNotDuplicate: true });
  }

  it("lists Helle for the job centre with the consent that shares her and until when, and only while it holds", async () => {
    const { id } = await helle();
    const expiresAt = inAYear();
    const consent = await shareCounselling(plan.counsellor, id, [plan.organisations.jobcenter], { expiresAt, includesNotes: false });
    const list = await plan.caseworker.get('/shared-residents');
    expect(list.status).toBe(200);
    const item = list.body.items.find((r: { id: string }) => r.id === id);
    expect(item).toMatchObject({
      displayName: 'Helle Jensen',
      firstName: 'Helle',
      housingAreaName: 'Vejleåparken',
      sharedBy: [{ id: consent.id, scope: 'share_counselling', scopeLabel: 'Deling af rådgivningsforløb', includesNotes: false, expiresAt: new Date(expiresAt).toISOString() }],
    });
    expect(item).not.toHaveProperty('guardians');
    expect(await owner.count(`audit_events WHERE resident_id = $1 AND action = 'resident.listed' AND actor_id = $2 AND purpose = 'shared_by_consent'`, [id, plan.caseworker.user.id])).toBe(1);

    expectStatus(await plan.counsellor.post(`/consents/${consent.id}/withdraw`, {}), 200, 'withdraw');
    expect(idsOf((await plan.caseworker.get('/shared-residents')).body)).not.toContain(id);
    expect((await plan.caseworker.get(`/shared-residents/${id}`)).status).toBe(404);
  });

  it("opens Helle's page for the job centre, audited in her access log, and shows the children's centre nothing of her", async () => {
    const { id } = await helle('Henriette');
    await shareCounselling(plan.counsellor, id, [plan.organisations.jobcenter]);
    const page = await plan.caseworker.get(`/shared-residents/${id}`);
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ id, displayName: 'Henriette Jensen', phone: '+4520304050', sharedBy: [{ scope: 'share_counselling', expiresAt: null }] });
    expect(await owner.count(`audit_events WHERE resident_id = $1 AND action = 'resident.read' AND actor_id = $2 AND purpose = 'shared_by_consent'`, [id, plan.caseworker.user.id])).toBe(1);

    expect((await plan.otherCaseworker.get(`/shared-residents/${id}`)).status).toBe(404);
    expect(idsOf((await plan.otherCaseworker.get('/shared-residents')).body)).not.toContain(id);
  });

  it('leaves residents no consent shares out, refuses the counsellors (their residents are at /residents) and bad input with 400', async () => {
    const { id } = await helle('Hilda');
    expect(idsOf((await plan.caseworker.get('/shared-residents')).body)).not.toContain(id);
    expect((await plan.caseworker.get(`/shared-residents/${id}`)).status).toBe(404);
    expect((await plan.counsellor.get('/shared-residents')).status).toBe(403);
    expect((await plan.caseworker.get('/shared-residents?limit=0')).status).toBe(400);
    expect((await plan.caseworker.get('/shared-residents/nope')).status).toBe(400);
  });
});
