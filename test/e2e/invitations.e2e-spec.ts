import { Client } from 'pg';
import { createPlan, expectStatus, login, STAFF_PASSWORD, type PlanFixture } from '../support/fixtures';
import { invitationToken, SmtpCatcher } from '../support/smtp-catcher';
import { API, createTestApp, type TestApp } from '../support/test-app';
import { testDatabaseUrl } from '../support/test-env';
import { waitFor } from '../support/wait-for';

const NEW_PASSWORD = 'fjernsyn blomsterkasse regnvejr';

/**
 * A leader adds staff by invitation: the invitee gets an e-mail with a one-time, expiring link and
 * sets their own password. The leader never sets or sees a password or the link's token, so user
 * management cannot be used to read case notes with an account whose password the leader knows.
 */
describe('inviting staff', () => {
  let smtp: SmtpCatcher;
  let t: TestApp;
  let plan: PlanFixture;
  let owner: Client;

  beforeAll(async () => {
    smtp = await SmtpCatcher.start();
    t = await createTestApp({ smtpUrl: smtp.url });
    plan = await createPlan(t, 'Invitationer');
    owner = new Client({ connectionString: testDatabaseUrl() });
    await owner.connect();
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
    await owner.end();
  });

  const accept = (token: string, password = NEW_PASSWORD) => t.http().post(`${API}/auth/invitations/accept`).send({ token, password });
  const invite = (email: string, body: object = {}) => plan.leader.post(`/plans/${plan.planId}/users`, { email, name: 'Nina Ny', role: 'counsellor', ...body });

  it('refuses a password from the leader: only the invitee sets one', async () => {
    const res = await invite('nina.password@test.dk', { password: STAFF_PASSWORD });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'password_not_allowed', errors: [expect.objectContaining({ field: 'password' })] });
    expect(smtp.count('nina.password@test.dk')).toBe(0);
  });

  it('e-mails the invitee a one-time link; the leader\'s answer holds no token, and the link works once', async () => {
    const res = await invite('Nina.Ny@Test.dk');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ email: 'nina.ny@test.dk', role: 'counsellor', status: 'invited', planId: plan.planId });
    const mail = await smtp.mailTo('nina.ny@test.dk');
    expect(mail.subject).toMatch(/Invitation til Invitationer/);
    const token = invitationToken(mail);
    expect(JSON.stringify(res.body)).not.toContain(token);
    const listed = await plan.leader.get('/invitations');
    expect(JSON.stringify(listed.body)).not.toContain(token);
    const [stored] = (await owner.query(`SELECT token_hash FROM invitations WHERE id = $1`, [res.body.id])).rows;
    expect(stored.token_hash).not.toContain(token);

    const accepted = await accept(token);
    expect(accepted.status).toBe(200);
    // A counsellor reads case notes: the account waits for a second person before it signs in (issue 20, user-approvals.e2e-spec.ts).
    expect(accepted.body).toEqual({ status: 'approval_pending' });
    const [{ user_id: userId }] = (await owner.query(`SELECT user_id FROM invitations WHERE id = $1`, [res.body.id])).rows;
    expect((await plan.admin.post(`/users/${userId}/approve`)).status).toBe(200);
    const session = await login(t, 'nina.ny@test.dk', NEW_PASSWORD);
    const me = await t.http().get(`${API}/me`).set('Authorization', `Bearer ${session.accessToken}`);
    expect(me.body).toMatchObject({ email: 'nina.ny@test.dk', role: 'counsellor', planId: plan.planId });

    const again = await accept(token, 'en helt anden lang adgangskode');
    expect(again.status).toBe(401);
    expect(again.body.code).toBe('invitation_invalid');
  });

  it('refuses a guessable password at acceptance, and the link still works afterwards', async () => {
    await expectStatus(await invite('weak.pw@test.dk'), 201, 'invite');
    const token = invitationToken(await smtp.mailTo('weak.pw@test.dk'));
    const weak = await accept(token, 'password1234');
    expect(weak.status).toBe(400);
    expect(weak.body.code).toBe('weak_password');
    expect((await accept(token)).status).toBe(200);
  });

  it('refuses an expired link', async () => {
    const res = await invite('late@test.dk');
    const token = invitationToken(await smtp.mailTo('late@test.dk'));
    await owner.query(`UPDATE invitations SET expires_at = now() - interval '1 minute' WHERE id = $1`, [res.body.id]);
    expect((await accept(token)).status).toBe(401);
  });

  it('sends a new link on request; the old one stops working; a withdrawn invitation\'s link does not work', async () => {
    const res = await invite('resend@test.dk');
    const first = invitationToken(await smtp.mailTo('resend@test.dk'));
    const count = smtp.mails.length;
    expect((await plan.leader.post(`/invitations/${res.body.id}/resend`)).status).toBe(200);
    const second = invitationToken(await smtp.mailTo('resend@test.dk', count));
    expect(second).not.toBe(first);
    expect((await accept(first)).status).toBe(401);
    expect((await plan.leader.post(`/invitations/${res.body.id}/revoke`)).status).toBe(200);
    expect((await accept(second)).status).toBe(401);
    const closed = await plan.leader.post(`/invitations/${res.body.id}/resend`);
    expect([closed.status, closed.body.code]).toEqual([409, 'invitation_closed']);
  });

  it('answers an invitation to an address with an account in another plan exactly like any other, and sends no link', async () => {
    const other = await createPlan(t, 'Anden plan');
    const elsewhere = other.counsellor.user.email;
    const fresh = await invite('never.seen@test.dk');
    const existing = await invite(elsewhere);
    expect(existing.status).toBe(fresh.status);
    expect(Object.keys(existing.body).sort()).toEqual(Object.keys(fresh.body).sort());
    expect(existing.body.status).toBe('invited');
    // That account got e-mails of its own (its own invitation and approval, issue 20): wait for this plan's invitation.
    const note = await waitFor('the note to the existing account', async () => smtp.mails.find((m) => JSON.stringify(m.to).includes(elsewhere) && /Invitation til Invitationer/.test(m.subject ?? '')));
    expect(note.text).toMatch(/findes allerede en bruger/);
    expect(note.text).not.toMatch(/set-password/);
  });

  it('refuses to invite someone already in the plan, or twice', async () => {
    const member = await invite(plan.socialWorker.user.email);
    expect(member.status).toBe(409);
    expect(member.body.code).toBe('email_in_use');
    await expectStatus(await invite('twice@test.dk'), 201, 'invite');
    const second = await invite('twice@test.dk');
    expect(second.status).toBe(409);
    expect(second.body.code).toBe('invitation_pending');
  });

  it('keeps caseworkers in a municipal organisation and the plan\'s own staff out of one', async () => {
    const noOrganisation = await invite('cw@test.dk', { role: 'caseworker' });
    expect(noOrganisation.status).toBe(422);
    const school = await invite('cw2@test.dk', { role: 'caseworker', organisationId: plan.organisations.school });
    expect(school.status).toBe(422);
    const municipalCounsellor = await invite('c2@test.dk', { role: 'counsellor', organisationId: plan.organisations.jobcenter });
    expect([municipalCounsellor.status, municipalCounsellor.body.code]).toEqual([422, 'role_organisation_mismatch']);
    expect((await invite('cw3@test.dk', { role: 'caseworker', organisationId: plan.organisations.jobcenter })).status).toBe(201);
  });

  it('shows the leader every invitation, acceptance and provisioning in the audit log', async () => {
    const events = await plan.leader.get('/audit-events?limit=200');
    const actions = new Set(events.body.items.map((e: { action: string }) => e.action));
    for (const action of ['user.invited', 'user.invitation_accepted', 'user.created', 'user.invitation_resent', 'user.invitation_revoked']) {
      expect([action, actions.has(action)]).toEqual([action, true]);
    }
  });
});
