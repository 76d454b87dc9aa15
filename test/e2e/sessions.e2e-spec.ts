import { randomBytes } from 'node:crypto';
import { addStaff, Caller, createPlan, expectStatus, login, openCase, registerResident, STAFF_PASSWORD, type PlanFixture, withPlan } from '../support/fixtures';
import { ownerDatabase } from '../support/owner-database';
import { API, type TestApp } from '../support/test-app';

/**
 * A session ends at once, not when its access token runs out: on logout, on refresh-token reuse,
 * on a role change, on deactivation, and (for the user's other sessions) on a password change.
 */
describe('sessions', () => {
  let t: TestApp;
  let plan: PlanFixture;
  withPlan((world) => ({ t, plan } = world), 'Sessioner');
  const owner = ownerDatabase();

  const me = (token: string) => t.http().get(`${API}/me`).set('Authorization', `Bearer ${token}`);
  const post = (path: string, body: object, token?: string) => {
    const req = t.http().post(API + path);
    if (token) req.set('Authorization', `Bearer ${token}`);
    return req.send(body);
  };

  async function staff(role: string, organisationId?: string): Promise<{ id: string; email: string }> {
    const user = await addStaff(t, plan, role, { email: `${role}-${randomBytes(4).toString('hex')}@test.dk`, name: 'Ny Medarbejder', organisationId });
    return { id: user.user.id, email: user.user.email };
  }

  it('ends the access token at once on logout', async () => {
    const user = await staff('counsellor');
    const session = await login(t, user.email, STAFF_PASSWORD);
    expect((await me(session.accessToken)).status).toBe(200);
    expect((await post('/auth/logout', { refreshToken: session.refreshToken })).status).toBe(204);
    const after = await me(session.accessToken);
    expect(after.status).toBe(401);
    expect(after.body.code).toBe('session_ended');
  });

  it('ends the access token at once when a used refresh token is presented again', async () => {
    const user = await staff('counsellor');
    const session = await login(t, user.email, STAFF_PASSWORD);
    const rotated = await post('/auth/refresh', { refreshToken: session.refreshToken });
    expect((await me(rotated.body.accessToken)).status).toBe(200);
    expect((await post('/auth/refresh', { refreshToken: session.refreshToken })).status).toBe(401);
    expect((await me(rotated.body.accessToken)).status).toBe(401);
    expect((await me(session.accessToken)).status).toBe(401);
  });

  // Since issue 20 a role that reads case notes takes effect, and so ends the sessions, when a second person approves it.
  it('ends every session of a user whose role changes when the change takes effect, so a live token never gains the new role', async () => {
    const user = await staff('social_worker');
    const session = await login(t, user.email, STAFF_PASSWORD);
    expect((await t.http().get(`${API}/counselling-cases`).set('Authorization', `Bearer ${session.accessToken}`)).status).toBe(200);
    expect((await plan.leader.patch(`/users/${user.id}`, { role: 'counsellor' })).status).toBe(200);
    expect((await me(session.accessToken)).status).toBe(200);
    expect((await plan.admin.post(`/users/${user.id}/approve`)).status).toBe(200);
    expect((await me(session.accessToken)).status).toBe(401);
    expect((await t.http().post(`${API}/counselling-cases`).set('Authorization', `Bearer ${session.accessToken}`).send({})).status).toBe(401);
    expect((await post('/auth/refresh', { refreshToken: session.refreshToken })).status).toBe(401);
  });

  it('logs a drop-in contact only while the counsellor\'s session is open and the account active, checked in the same statement as the write', async () => {
    const user = await staff('counsellor');
    const counsellor = new Caller(t, (await login(t, user.email, STAFF_PASSWORD)).accessToken);
    const resident = await registerResident(counsellor, { housingAreaId: plan.areas.eligible, firstName: 'Sara' });
    const c = await openCase(counsellor, { residentId: resident.id, topic: 'benefits', form: 'open_drop_in', openedAt: '2026-02-02T10:00:00+01:00' });
    const contact = { occurredAt: '2026-02-02T10:30:00+01:00', channel: 'in_person' };
    const logContact = (caller: Caller) => caller.post(`/counselling-cases/${c.id}/contacts`, contact);
    const written = async () => [await owner.count(`counselling_contacts WHERE case_id = $1`, [c.id]), await owner.count(`audit_events WHERE action = 'counselling_contact.recorded' AND resident_id = $1`, [resident.id])];
    expectStatus(await logContact(counsellor), 201, 'a contact in an open session');

    // Ended, expired, or an inactive account, each changed in the database behind the API's back,
    // as another process or an administrator's script would: only the statement itself can notice.
    const refusals: [string, string][] = [
      ['ended', `UPDATE sessions SET revoked_at = now(), revoked_reason = 'logout' WHERE user_id = $1`],
      ['expired', `UPDATE sessions SET expires_at = now() - interval '1 second' WHERE user_id = $1`],
      ['account inactive', `UPDATE users SET active = false WHERE id = $1`],
    ];
    for (const [what, change] of refusals) {
      const caller = new Caller(t, (await login(t, user.email, STAFF_PASSWORD)).accessToken);
      await owner.query(change, [user.id]);
      const refused = await logContact(caller);
      expect([what, refused.status, refused.body.code]).toEqual([what, 401, 'session_ended']);
      expect([what, ...(await written())]).toEqual([what, 1, 1]);
      await owner.query(`UPDATE users SET active = true WHERE id = $1`, [user.id]);
    }
    // A role the route does not allow, whatever the token says: the account's role now decides.
    const caller = new Caller(t, (await login(t, user.email, STAFF_PASSWORD)).accessToken);
    await owner.query(`UPDATE users SET role = 'social_worker' WHERE id = $1`, [user.id]);
    const otherRole = await logContact(caller);
    expect([otherRole.status, otherRole.body.code]).toEqual([403, 'forbidden']);
    expect(await written()).toEqual([1, 1]);
  });

  it('never turns a caseworker into the plan\'s own staff, or the reverse', async () => {
    const caseworker = await staff('caseworker', plan.organisations.jobcenter);
    for (const role of ['counsellor', 'social_worker', 'leader']) {
      const res = await plan.leader.patch(`/users/${caseworker.id}`, { role });
      expect([role, res.status, res.body.code]).toEqual([role, 422, 'role_across_organisations']);
    }
    const asAdmin = await plan.admin.patch(`/users/${caseworker.id}`, { role: 'counsellor' });
    expect(asAdmin.status).toBe(422);
    const counsellor = await staff('counsellor');
    expect((await plan.leader.patch(`/users/${counsellor.id}`, { role: 'caseworker' })).status).toBe(422);
  });

  it('refuses a leader deactivating themselves or changing their own role', async () => {
    const deactivate = await plan.leader.patch(`/users/${plan.leader.user.id}`, { active: false });
    expect([deactivate.status, deactivate.body.code]).toEqual([422, 'not_yourself']);
    const demote = await plan.leader.patch(`/users/${plan.leader.user.id}`, { role: 'counsellor' });
    expect([demote.status, demote.body.code]).toEqual([422, 'not_yourself']);
  });

  it('changes one\'s own password only with the current one, refuses a guessable one, and ends the other sessions', async () => {
    const user = await staff('counsellor');
    const here = await login(t, user.email, STAFF_PASSWORD);
    const elsewhere = await login(t, user.email, STAFF_PASSWORD);
    const wrong = await post('/auth/password', { currentPassword: 'not-the-password', newPassword: 'fjernsyn blomsterkasse regnvejr' }, here.accessToken);
    expect(wrong.status).toBe(401);
    const weak = await post('/auth/password', { currentPassword: STAFF_PASSWORD, newPassword: 'password1234' }, here.accessToken);
    expect([weak.status, weak.body.errors?.[0]?.field]).toEqual([400, 'newPassword']);
    const changed = await post('/auth/password', { currentPassword: STAFF_PASSWORD, newPassword: 'fjernsyn blomsterkasse regnvejr' }, here.accessToken);
    expect(changed.status).toBe(204);
    expect((await me(here.accessToken)).status).toBe(200);
    expect((await me(elsewhere.accessToken)).status).toBe(401);
    expect((await post('/auth/refresh', { refreshToken: elsewhere.refreshToken })).status).toBe(401);
    expect((await post('/auth/login', { email: user.email, password: STAFF_PASSWORD })).status).toBe(401);
    await expect(login(t, user.email, 'fjernsyn blomsterkasse regnvejr')).resolves.toHaveProperty('accessToken');
  });

  // Issue 20: the admin used to give an initial password (checked like any); nobody sets another person's password now.
  it('refuses any password the admin gives a new user: staff set their own', async () => {
    const res = await plan.admin.post(`/plans/${plan.planId}/users`, { email: `weak-${randomBytes(3).toString('hex')}@test.dk`, name: 'Svag', password: 'aaaaaaaaaaaa', role: 'counsellor' });
    expect([res.status, res.body.code, res.body.errors?.[0]?.field]).toEqual([400, 'password_not_allowed', 'password']);
  });

  it('shows the leader every login, failed login, refresh-token reuse, role change and deactivation of their plan\'s users', async () => {
    const user = await staff('counsellor');
    const first = await login(t, user.email, STAFF_PASSWORD);
    await post('/auth/login', { email: user.email, password: 'wrong-password-here' });
    await post('/auth/refresh', { refreshToken: first.refreshToken });
    await post('/auth/refresh', { refreshToken: first.refreshToken });
    await plan.leader.patch(`/users/${user.id}`, { role: 'social_worker' });
    await plan.admin.post(`/users/${user.id}/approve`);
    await plan.leader.patch(`/users/${user.id}`, { active: false });
    const events = await plan.leader.get(`/audit-events?limit=200`);
    const about = events.body.items.filter((e: { entityId: string }) => e.entityId === user.id).map((e: { action: string }) => e.action);
    for (const action of ['user.created', 'auth.login_succeeded', 'auth.login_failed', 'auth.refresh_token_reused', 'user.role_changed.counsellor.social_worker', 'user.deactivated']) {
      expect([action, about.includes(action)]).toEqual([action, true]);
    }
    const otherPlan = await createPlan(t, 'Fremmed');
    const foreign = await otherPlan.leader.get(`/audit-events?limit=200`);
    expect(foreign.body.items.some((e: { entityId: string }) => e.entityId === user.id)).toBe(false);
  });
});
