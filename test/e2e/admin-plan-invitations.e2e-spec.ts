import { asAdmin, createPlan, expectStatus, type Caller, type PlanFixture } from '../support/fixtures';
import { SmtpCatcher } from '../support/smtp-catcher';
import { createTestApp, type TestApp } from '../support/test-app';
import { waitFor } from '../support/wait-for';

/**
 * The platform admin invites a new plan's first leader; until that leader has accepted, nobody in
 * the plan can send the invitation again. So the admin reads any plan's invitations and resends or
 * withdraws them (issue 22), while a leader still sees only their own plan's.
 */
describe("the admin and a plan's invitations", () => {
  let smtp: SmtpCatcher;
  let t: TestApp;
  let admin: Caller;
  let other: PlanFixture;
  let planId: string;

  beforeAll(async () => {
    smtp = await SmtpCatcher.start();
    t = await createTestApp({ smtpUrl: smtp.url });
    admin = await asAdmin(t);
    other = await createPlan(t, 'Anden plan');
    const plan = await admin.post('/plans', { name: 'Ny plan uden leder', municipality: 'Ishøj', validFrom: '2025-11-01', validTo: '2029-10-31' });
    expectStatus(plan, 201, 'plan');
    planId = plan.body.id;
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it("lists a plan's open leader invitation, sends it again with a second mail, and withdraws it", async () => {
    const invited = await admin.post(`/plans/${planId}/users`, { name: 'Lea Leder', email: 'lea.leder@test.dk', role: 'leader' });
    expectStatus(invited, 201, 'invite');
    await smtp.mailTo('lea.leder@test.dk');

    const listed = await admin.get(`/plans/${planId}/invitations?status=pending`);
    expect(listed.status).toBe(200);
    expect(listed.body.items).toEqual([expect.objectContaining({ id: invited.body.id, email: 'lea.leder@test.dk', role: 'leader', status: 'invited', planId })]);

    const resent = await admin.post(`/invitations/${invited.body.id}/resend`);
    expect(resent.status).toBe(200);
    await waitFor('the second invitation mail', async () => (smtp.count('lea.leder@test.dk') >= 2 ? true : undefined));

    const revoked = await admin.post(`/invitations/${invited.body.id}/revoke`);
    expect(revoked.status).toBe(200);
    expect(revoked.body.status).toBe('revoked');
    const open = await admin.get(`/plans/${planId}/invitations?status=pending`);
    expect(open.body.items).toEqual([]);
    const all = await admin.get(`/plans/${planId}/invitations`);
    expect(all.body.items).toEqual([expect.objectContaining({ id: invited.body.id, status: 'revoked' })]);
  });

  it("answers 404 for a plan that does not exist, and 400 for a bad status", async () => {
    expect((await admin.get('/plans/00000000-0000-4000-8000-000000000000/invitations')).status).toBe(404);
    const bad = await admin.get(`/plans/${planId}/invitations?status=open`);
    expect(bad.status).toBe(400);
  });

  it("keeps a leader to their own plan's invitations", async () => {
    const mine = await other.leader.post(`/plans/${other.planId}/users`, { name: 'Nina Ny', email: 'nina.anden@test.dk', role: 'counsellor' });
    expectStatus(mine, 201, 'invite');
    const own = await other.leader.get('/invitations');
    expect(own.status).toBe(200);
    expect(own.body.items.map((i: { planId: string }) => i.planId)).toEqual(expect.arrayContaining([other.planId]));
    expect(own.body.items.every((i: { planId: string }) => i.planId === other.planId)).toBe(true);
    expect((await other.leader.get(`/plans/${planId}/invitations`)).status).toBe(403);
    expect((await other.leader.get(`/plans/${other.planId}/invitations`)).status).toBe(403);
  });
});
