import { addStaff, asOwner, Caller, createPlan, expectStatus, login, openCase, registerResident, STAFF_PASSWORD, type PlanFixture } from '../support/fixtures';
import { invitationToken, SmtpCatcher } from '../support/smtp-catcher';
import { API, createTestApp, type TestApp } from '../support/test-app';
import { waitFor } from '../support/wait-for';

const PASSWORD = 'fjernsyn blomsterkasse regnvejr';

/**
 * Issue 20: user management cannot be used by one person to reach case notes. A new account in
 * the counselling or job-programme compartment, a role change into or between them, a reactivation
 * into them, and a leader asked for by a leader take effect only when a second person approves:
 * another leader of the plan, the plan's named approver or the platform admin, never the one who
 * asked. Until then the account signs in as it was (or not at all). Both steps are audited, and
 * the user and the plan's leaders get e-mails.
 */
describe('approving grants of roles that read case notes', () => {
  let smtp: SmtpCatcher;
  let t: TestApp;
  let plan: PlanFixture;
  let secondLeader: Caller;
  let caseId: string;

  beforeAll(async () => {
    smtp = await SmtpCatcher.start();
    t = await createTestApp({ smtpUrl: smtp.url });
    plan = await createPlan(t, 'Godkendelser');
    secondLeader = await addStaff(t, plan, 'leader');
    const resident = await registerResident(plan.counsellor, { housingAreaId: plan.areas.eligible, firstName: 'Helle' });
    caseId = (await openCase(plan.counsellor, { residentId: resident.id, topic: 'debt', form: 'appointment', subject: 'Gæld til SKAT' })).id;
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  const signIn = (email: string, password = PASSWORD) => t.http().post(`${API}/auth/login`).send({ email, password });
  const bearer = (token: string) => ({ get: (path: string) => t.http().get(API + path).set('Authorization', `Bearer ${token}`) });

  /** Invites `email` as `role` and accepts the e-mailed link: the invitee's user id and what acceptance answered. */
  async function inviteAndAccept(inviter: Caller, email: string, role: string, planId = plan.planId): Promise<{ id: string; accepted: { status: number; body: Record<string, unknown> } }> {
    const invited = await inviter.post(`/plans/${planId}/users`, { email, name: 'Nina Ny', role });
    expectStatus(invited, 201, 'invite');
    const accepted = await t.http().post(`${API}/auth/invitations/accept`).send({ token: invitationToken(await smtp.mailTo(email)), password: PASSWORD });
    const [{ user_id: id }] = await asOwner<{ user_id: string }>(`SELECT user_id FROM invitations WHERE id = $1`, [invited.body.id]);
    return { id, accepted };
  }

  /** The first mail to `address` whose text (or subject) matches, waiting for it. */
  const mailMatching = (address: string, pattern: RegExp, part: 'text' | 'subject' = 'text') =>
    waitFor(`a mail to ${address} matching ${pattern}`, async () => smtp.mails.find((m) => m.to && JSON.stringify(m.to).includes(address) && pattern.test(m[part] ?? '')));

  const auditOf = async (caller: Caller, userId: string) =>
    (await caller.get('/audit-events?limit=200')).body.items.filter((e: { entityId: string }) => e.entityId === userId).map((e: { action: string; actorId: string | null; entityId: string }) => e);

  it('gives a leader\'s self-invited counsellor no session, and so no case, until another leader approves; the asking leader cannot', async () => {
    const { id, accepted } = await inviteAndAccept(plan.leader, 'own.mailbox@test.dk', 'counsellor');
    expect(accepted.status).toBe(200);
    expect(accepted.body).toEqual({ status: 'approval_pending' });
    const tooEarly = await signIn('own.mailbox@test.dk');
    expect([tooEarly.status, tooEarly.body]).toEqual([200, { status: 'approval_pending' }]);
    expect(await plan.leader.get(`/users/${id}`).then((r) => r.body)).toMatchObject({ status: 'awaiting_approval', active: false, pendingRole: 'counsellor', pendingApproval: { fromRole: null, requestedBy: plan.leader.user.id } });
    const toApprover = await mailMatching(secondLeader.user.email, /bedt om en ny bruger, Nina Ny \(own\.mailbox@test\.dk\)/);
    expect(toApprover.subject).toMatch(/Godkendelse ønskes/);
    expect((await mailMatching('own.mailbox@test.dk', /afventer godkendelse/, 'subject')).text).toMatch(/en anden leder/);

    const own = await plan.leader.post(`/users/${id}/approve`);
    expect([own.status, own.body.code]).toEqual([422, 'approval_by_requester']);
    expect((await signIn('own.mailbox@test.dk')).body).toEqual({ status: 'approval_pending' });

    const approved = await secondLeader.post(`/users/${id}/approve`);
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'active', role: 'counsellor', pendingRole: null });
    const tokens = await login(t, 'own.mailbox@test.dk', PASSWORD);
    expect((await bearer(tokens.accessToken).get(`/counselling-cases/${caseId}`)).status).toBe(200);
    await mailMatching('own.mailbox@test.dk', /er godkendt/, 'subject');

    const events = await auditOf(plan.leader, id);
    expect(events).toEqual(expect.arrayContaining([
      expect.objectContaining({ action: 'user.approval_requested.none.counsellor' }),
      expect.objectContaining({ action: 'user.approval_granted', actorId: secondLeader.user.id }),
    ]));
  });

  it('keeps a social worker made counsellor on their old role and its reach until approved, and ends their sessions only then', async () => {
    const worker = await addStaff(t, plan, 'social_worker');
    const before = await login(t, worker.user.email, STAFF_PASSWORD);
    const asked = await plan.leader.patch(`/users/${worker.user.id}`, { role: 'counsellor' });
    expect(asked.status).toBe(200);
    expect(asked.body).toMatchObject({ role: 'social_worker', pendingRole: 'counsellor', status: 'active' });

    expect((await bearer(before.accessToken).get('/me')).body.role).toBe('social_worker');
    expect((await bearer(before.accessToken).get(`/counselling-cases/${caseId}`)).status).toBe(404);
    const again = await login(t, worker.user.email, STAFF_PASSWORD);
    expect((await bearer(again.accessToken).get('/me')).body.role).toBe('social_worker');
    expect((await plan.leader.get('/users?limit=200')).body.items.find((u: { id: string }) => u.id === worker.user.id)).toMatchObject({ pendingRole: 'counsellor' });

    expect((await plan.admin.post(`/users/${worker.user.id}/approve`)).status).toBe(200);
    expect((await bearer(before.accessToken).get('/me')).status).toBe(401);
    expect((await t.http().post(`${API}/auth/refresh`).send({ refreshToken: again.refreshToken })).status).toBe(401);
    const after = await login(t, worker.user.email, STAFF_PASSWORD);
    expect((await bearer(after.accessToken).get(`/counselling-cases/${caseId}`)).status).toBe(200);
    const events = (await auditOf(plan.leader, worker.user.id)).map((e: { action: string }) => e.action);
    expect(events).toEqual(expect.arrayContaining(['user.approval_requested.social_worker.counsellor', 'user.approval_granted', 'user.role_changed.social_worker.counsellor']));
  });

  it('never lets the admin set a password, and holds the admin\'s own invitations for a leader\'s approval', async () => {
    for (const role of ['counsellor', 'social_worker', 'leader', 'caseworker']) {
      const res = await plan.admin.post(`/plans/${plan.planId}/users`, { email: `kendt-${role}@test.dk`, name: 'Kendt Kode', role, password: STAFF_PASSWORD, organisationId: role === 'caseworker' ? plan.organisations.jobcenter : undefined });
      expect([role, res.status, res.body.code]).toEqual([role, 400, 'password_not_allowed']);
    }
    const { id, accepted } = await inviteAndAccept(plan.admin, 'admins.own@test.dk', 'social_worker');
    expect(accepted.body).toEqual({ status: 'approval_pending' });
    const own = await plan.admin.post(`/users/${id}/approve`);
    expect([own.status, own.body.code]).toEqual([422, 'approval_by_requester']);
    expect((await plan.leader.post(`/users/${id}/approve`)).status).toBe(200);
    expect((await signIn('admins.own@test.dk')).body).toHaveProperty('accessToken');
  });

  it('lets the platform admin approve what a leader asked for, and refuses anyone else and the user themselves', async () => {
    const { id } = await inviteAndAccept(plan.leader, 'admin.approves@test.dk', 'social_worker');
    for (const caller of [plan.counsellor, plan.socialWorker]) {
      const res = await caller.post(`/users/${id}/approve`);
      expect([res.status, res.body.code]).toEqual([403, 'not_an_approver']);
    }
    expect((await plan.caseworker.post(`/users/${id}/approve`)).status).toBe(403);
    expect((await plan.admin.post(`/users/${id}/approve`)).status).toBe(200);
    const nothing = await plan.admin.post(`/users/${id}/approve`);
    expect([nothing.status, nothing.body.code]).toEqual([409, 'no_pending_approval']);

    expectStatus(await secondLeader.patch(`/users/${plan.leader.user.id}`, { role: 'counsellor' }), 200, 'ask');
    const self = await plan.leader.post(`/users/${plan.leader.user.id}/approve`);
    expect([self.status, self.body.code]).toEqual([422, 'approval_of_self']);
    expectStatus(await secondLeader.post(`/users/${plan.leader.user.id}/reject-approval`), 200, 'withdraw');
  });

  it('lets a leader not mint a second leader of their own: a leader asked for by a leader waits too', async () => {
    const { id, accepted } = await inviteAndAccept(plan.leader, 'second.self@test.dk', 'leader');
    expect(accepted.body).toEqual({ status: 'approval_pending' });
    expect((await plan.leader.post(`/users/${id}/approve`)).body.code).toBe('approval_by_requester');
    const refused = await secondLeader.post(`/users/${id}/reject-approval`);
    expect(refused.status).toBe(200);
    expect(refused.body).toMatchObject({ status: 'deactivated', pendingRole: null });
    expect((await signIn('second.self@test.dk')).status).toBe(401);
    await mailMatching('second.self@test.dk', /er afvist/, 'subject');
  });

  it('lets the one who asked withdraw a wrong request, audited, and the user stays as they were', async () => {
    const worker = await addStaff(t, plan, 'social_worker');
    expectStatus(await plan.leader.patch(`/users/${worker.user.id}`, { role: 'counsellor' }), 200, 'ask');
    const byUser = await worker.post(`/users/${worker.user.id}/reject-approval`);
    expect(byUser.status).toBe(403);
    const withdrawn = await plan.leader.post(`/users/${worker.user.id}/reject-approval`);
    expect(withdrawn.body).toMatchObject({ role: 'social_worker', pendingRole: null, status: 'active' });
    expect((await worker.get('/me')).body.role).toBe('social_worker');
    expect((await auditOf(plan.leader, worker.user.id)).map((e: { action: string }) => e.action)).toContain('user.approval_withdrawn');

    // Deactivating drops a waiting grant too, and never applies it on the way.
    expectStatus(await plan.leader.patch(`/users/${worker.user.id}`, { role: 'counsellor' }), 200, 'ask again');
    const deactivated = await plan.leader.patch(`/users/${worker.user.id}`, { active: false });
    expect(deactivated.body).toMatchObject({ role: 'social_worker', pendingRole: null, status: 'deactivated' });
  });

  it('holds the reactivation of a deactivated counsellor for approval', async () => {
    const counsellor = await addStaff(t, plan, 'counsellor');
    expectStatus(await plan.leader.patch(`/users/${counsellor.user.id}`, { active: false }), 200, 'deactivate');
    expect((await counsellor.get('/me')).status).toBe(401);
    const back = await plan.leader.patch(`/users/${counsellor.user.id}`, { active: true });
    expect(back.body).toMatchObject({ active: false, status: 'awaiting_approval', pendingRole: 'counsellor', pendingApproval: { fromRole: 'counsellor', activates: true } });
    expect((await signIn(counsellor.user.email, STAFF_PASSWORD)).body).toEqual({ status: 'approval_pending' });
    expect((await secondLeader.post(`/users/${counsellor.user.id}/approve`)).body).toMatchObject({ active: true, status: 'active' });
    expect((await signIn(counsellor.user.email, STAFF_PASSWORD)).body).toHaveProperty('accessToken');
  });

  it('lets a caseworker in at once: they read notes only where a resident\'s consent names their organisation', async () => {
    const caseworker = await addStaff(t, plan, 'caseworker', { inviter: plan.leader, organisationId: plan.organisations.children });
    expect((await caseworker.get('/me')).body.role).toBe('caseworker');
  });
});

describe('a plan with a single leader names its approver', () => {
  let smtp: SmtpCatcher;
  let t: TestApp;
  let plan: PlanFixture;

  beforeAll(async () => {
    smtp = await SmtpCatcher.start();
    t = await createTestApp({ smtpUrl: smtp.url });
    plan = await createPlan(t, 'Én leder');
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  const settings = async (change: object) => {
    const current = (await plan.leader.get(`/plans/${plan.planId}/settings`)).body;
    return plan.leader.put(`/plans/${plan.planId}/settings`, { ...current, ...change });
  };

  it('lets the named approver, and nobody else of the plan but the leader, approve the leader\'s request', async () => {
    const asked = await addStaffPending(plan.leader, 'nyt.medlem@test.dk');
    const unnamed = await plan.counsellor.post(`/users/${asked}/approve`);
    expect([unnamed.status, unnamed.body.code]).toEqual([403, 'not_an_approver']);

    const named = await settings({ approverUserId: plan.counsellor.user.id });
    expect(named.status).toBe(200);
    expect(named.body.approverUserId).toBe(plan.counsellor.user.id);
    expect((await plan.counsellor.post(`/users/${asked}/approve`)).status).toBe(200);
    expect((await t.http().post(`${API}/auth/login`).send({ email: 'nyt.medlem@test.dk', password: PASSWORD })).body).toHaveProperty('accessToken');
  });

  it('tells the named approver of a new request by e-mail', async () => {
    await addStaffPending(plan.leader, 'endnu.en@test.dk');
    const mail = await waitFor('the approver\'s e-mail', async () => smtp.mails.find((m) => JSON.stringify(m.to).includes(plan.counsellor.user.email) && /endnu\.en@test\.dk/.test(m.text ?? '')));
    expect(mail.subject).toMatch(/Godkendelse ønskes/);
  });

  it('refuses an approver who could not approve: a caseworker, or a user of another plan', async () => {
    const caseworker = await settings({ approverUserId: plan.caseworker.user.id });
    expect([caseworker.status, caseworker.body.code]).toEqual([422, 'approver_not_eligible']);
    const other = await createPlan(t, 'Anden');
    const foreign = await settings({ approverUserId: other.counsellor.user.id });
    expect(foreign.status).toBe(422);
    const cleared = await settings({ approverUserId: null });
    expect([cleared.status, cleared.body.approverUserId]).toEqual([200, null]);
  });

  async function addStaffPending(inviter: Caller, email: string): Promise<string> {
    const invited = await inviter.post(`/plans/${plan.planId}/users`, { email, name: 'Nina Ny', role: 'counsellor' });
    expectStatus(invited, 201, 'invite');
    const accepted = await t.http().post(`${API}/auth/invitations/accept`).send({ token: invitationToken(await smtp.mailTo(email)), password: PASSWORD });
    expect(accepted.body).toEqual({ status: 'approval_pending' });
    const [{ user_id: id }] = await asOwner<{ user_id: string }>(`SELECT user_id FROM invitations WHERE id = $1`, [invited.body.id]);
    return id;
  }
});
