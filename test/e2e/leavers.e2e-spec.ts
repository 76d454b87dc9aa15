import { UnusedAccounts } from '../../src/users/unused-accounts.service';
import { addStaff, asAdmin, createPlan, login, STAFF_PASSWORD, type PlanFixture } from '../support/fixtures';
import { ownerDatabase } from '../support/owner-database';
import { SmtpCatcher } from '../support/smtp-catcher';
import { API, createTestApp, type TestApp } from '../support/test-app';
import { TEST_ADMIN } from '../support/test-env';
import { waitFor } from '../support/wait-for';

/**
 * Issue 20, leavers: an account nobody uses is closed by a nightly job after its plan's
 * `deactivateUnusedAccountsAfterDays` (audited as a system event, its sessions ended, the leaders
 * told by e-mail), and every session ends at an absolute lifetime whatever its refresh tokens say.
 */
describe('leavers', () => {
  let smtp: SmtpCatcher;
  let t: TestApp;
  let plan: PlanFixture;
  const owner = ownerDatabase();

  beforeAll(async () => {
    smtp = await SmtpCatcher.start();
    t = await createTestApp({ smtpUrl: smtp.url });
    plan = await createPlan(t, 'Fratrædelser');
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  const lastSeen = (userId: string, daysAgo: number) => owner.query(`UPDATE users SET last_seen_at = now() - make_interval(days => $2) WHERE id = $1`, [userId, daysAgo]);
  const isActive = async (userId: string) => (await owner.query(`SELECT active FROM users WHERE id = $1`, [userId])).rows[0].active as boolean;
  const runNightlyJob = () => t.app.get(UnusedAccounts).run();
  const settings = async (p: PlanFixture, change: object) => {
    const current = (await p.leader.get(`/plans/${p.planId}/settings`)).body;
    return p.leader.put(`/plans/${p.planId}/settings`, { ...current, ...change });
  };

  it('deactivates exactly the accounts unused for their plan\'s limit, ends their sessions, audits it and tells the leaders', async () => {
    const other = await createPlan(t, 'Længere frist');
    expect((await settings(other, { deactivateUnusedAccountsAfterDays: 120 })).status).toBe(200);
    const gone = await addStaff(t, plan, 'counsellor');
    const stays = await addStaff(t, plan, 'social_worker');
    await lastSeen(gone.user.id, 91);
    await lastSeen(stays.user.id, 89);
    await lastSeen(other.counsellor.user.id, 100);
    await lastSeen(other.socialWorker.user.id, 121);
    const [{ id: adminId }] = (await owner.query(`SELECT id FROM users WHERE role = 'admin'`)).rows;
    await lastSeen(adminId, 400);

    await runNightlyJob();

    expect([await isActive(gone.user.id), await isActive(stays.user.id)]).toEqual([false, true]);
    expect([await isActive(other.counsellor.user.id), await isActive(other.socialWorker.user.id)]).toEqual([true, false]);
    expect([await isActive(plan.leader.user.id), await isActive(adminId)]).toEqual([true, true]);
    expect((await gone.get('/me')).status).toBe(401);
    expect((await t.http().post(`${API}/auth/login`).send({ email: gone.user.email, password: STAFF_PASSWORD })).status).toBe(401);

    const events = (await plan.leader.get('/audit-events?limit=200')).body.items.filter((e: { action: string }) => e.action === 'user.deactivated_unused');
    expect(events).toEqual([expect.objectContaining({ entityId: gone.user.id, actorId: null })]);
    const mail = await waitFor('the leaders\' e-mail', async () => smtp.mails.find((m) => JSON.stringify(m.to).includes(plan.leader.user.email) && /deaktiveret/.test(m.subject ?? '')));
    expect(mail.text).toContain(gone.user.email);
    expect(mail.text).not.toContain(stays.user.email);
    expect(mail.text).toMatch(/ikke logget ind i 90 dage/);

    expect(await runNightlyJob()).toEqual({ deactivated: 0 });
    await lastSeen(adminId, 0);
  });

  it('counts a sign-in and a refresh as use', async () => {
    const user = await addStaff(t, plan, 'counsellor');
    await lastSeen(user.user.id, 200);
    const session = await login(t, user.user.email, STAFF_PASSWORD);
    await lastSeen(user.user.id, 200);
    expect((await t.http().post(`${API}/auth/refresh`).send({ refreshToken: session.refreshToken })).status).toBe(200);
    await runNightlyJob();
    expect(await isActive(user.user.id)).toBe(true);
  });

  it('asks a second person before an unused counsellor comes back', async () => {
    const user = await addStaff(t, plan, 'counsellor');
    await lastSeen(user.user.id, 100);
    await runNightlyJob();
    const back = await plan.leader.patch(`/users/${user.user.id}`, { active: true });
    expect(back.body).toMatchObject({ status: 'awaiting_approval', pendingRole: 'counsellor' });
    expect((await plan.admin.post(`/users/${user.user.id}/approve`)).status).toBe(200);
    // Coming back counts as use: tonight's run does not close the account again.
    await runNightlyJob();
    expect(await isActive(user.user.id)).toBe(true);
  });

  it('keeps the plan\'s limit within 30 to 365 days, and a settings document without it leaves it as it was', async () => {
    for (const days of [29, 366]) expect((await settings(plan, { deactivateUnusedAccountsAfterDays: days })).status).toBe(400);
    expect((await settings(plan, { deactivateUnusedAccountsAfterDays: 45 })).body.deactivateUnusedAccountsAfterDays).toBe(45);
    const { deactivateUnusedAccountsAfterDays: _left, ...older } = (await plan.leader.get(`/plans/${plan.planId}/settings`)).body;
    const replaced = await plan.leader.put(`/plans/${plan.planId}/settings`, older);
    expect([replaced.status, replaced.body.deactivateUnusedAccountsAfterDays]).toEqual([200, 45]);
    const changed = (await plan.leader.get('/audit-events?limit=50')).body.items.find((e: { action: string; changes: unknown }) => e.action === 'plan.settings_changed' && e.changes);
    expect(changed.changes).toEqual({ before: { deactivateUnusedAccountsAfterDays: 90 }, after: { deactivateUnusedAccountsAfterDays: 45 } });
    await settings(plan, { deactivateUnusedAccountsAfterDays: 90 });
  });

  it('ends every session at its absolute lifetime, however often it was refreshed', async () => {
    const user = await addStaff(t, plan, 'social_worker');
    const session = await login(t, user.user.email, STAFF_PASSWORD);
    const hours = async () => Number((await owner.query(`SELECT extract(epoch FROM expires_at - created_at) / 3600 AS h FROM sessions WHERE user_id = $1 AND revoked_at IS NULL`, [user.user.id])).rows[0].h);
    expect(await hours()).toBeCloseTo(12, 1);
    const refreshed = await t.http().post(`${API}/auth/refresh`).send({ refreshToken: session.refreshToken });
    expect(refreshed.status).toBe(200);
    expect(await hours()).toBeCloseTo(12, 1);

    await owner.query(`UPDATE sessions SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [user.user.id]);
    const late = await t.http().post(`${API}/auth/refresh`).send({ refreshToken: refreshed.body.refreshToken });
    expect([late.status, late.body.code]).toEqual([401, 'session_ended']);
    expect((await t.http().get(`${API}/me`).set('Authorization', `Bearer ${refreshed.body.accessToken}`)).status).toBe(401);
    const ended = await owner.query(`SELECT s.revoked_reason FROM sessions s JOIN refresh_tokens r ON r.family_id = s.id WHERE r.id = $1`, [session.refreshToken.split('.')[0]]);
    expect(ended.rows[0].revoked_reason).toBe('expired');
  });

  it('takes the lifetime from SESSION_MAX_HOURS', async () => {
    const short = await createTestApp({ sessionMaxHours: 2 });
    try {
      await login(short, TEST_ADMIN.email, TEST_ADMIN.password);
      const [{ h }] = (await owner.query(`SELECT extract(epoch FROM s.expires_at - s.created_at) / 3600 AS h FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.role = 'admin' ORDER BY s.created_at DESC LIMIT 1`)).rows;
      expect(Number(h)).toBeCloseTo(2, 1);
    } finally {
      await short.close();
    }
    await asAdmin(t);
  });
});
