import { randomBytes } from 'node:crypto';
import { generate } from 'otplib';
import { addStaff, createPlan, STAFF_PASSWORD, type PlanFixture } from '../support/fixtures';
import { ownerDatabase } from '../support/owner-database';
import { passwordResetToken, SmtpCatcher } from '../support/smtp-catcher';
import { API, createTestApp, type TestApp } from '../support/test-app';

const NEW_PASSWORD = 'kaffekande solsikkemark tordenvejr';

/**
 * A reset of a user's second factor (by their leader or the admin) must not let whoever knows the
 * password enrol the new one: someone with only the password could lock the factor on purpose (ten
 * wrong codes), wait for the user to ask for a reset, and be first to enrol their own app. So the
 * reset removes the password, and the user chooses a new one with a one-time link e-mailed to them.
 */
describe('resetting a second factor takes the password with it', () => {
  let t: TestApp;
  let plan: PlanFixture;
  let smtp: SmtpCatcher;
  const db = ownerDatabase();
  let lastAddress = 0;

  beforeAll(async () => {
    smtp = await SmtpCatcher.start();
    // Behind a proxy, so the attacker's attempts come from addresses of their own.
    t = await createTestApp({ mfaRequiredRoles: ['counsellor'], smtpUrl: smtp.url, trustProxy: 1 });
    plan = await createPlan(t, 'Nulstilling');
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  const post = (path: string, body: object, bearer?: string) => {
    lastAddress += 1;
    const req = t.http().post(API + path).set('X-Forwarded-For', `203.0.113.${lastAddress % 250}`).set('User-Agent', 'Nulstil/1.0 (test)');
    if (bearer) req.set('Authorization', `Bearer ${bearer}`);
    return req.send(body);
  };
  const login = (email: string, password: string) => post('/auth/login', { email, password });

  /** An invited counsellor who has set STAFF_PASSWORD and not yet enrolled a second factor. */
  async function invitedCounsellor() {
    const email = `nulstil-${randomBytes(4).toString('hex')}@test.dk`;
    const caller = await addStaff(t, plan, 'counsellor', { email, name: 'Nanna Nulstil' });
    return { id: caller.user.id, email };
  }

  /** Enrols an authenticator app with an enrolment challenge: its secret and the answer (tokens, recovery codes). */
  async function enrolApp(mfaToken: string) {
    const app = await post('/auth/mfa/totp/enrol', { mfaToken }).expect(200);
    const confirmed = await post('/auth/mfa/totp/confirm', { mfaToken, code: await generate({ secret: app.body.secret }) }).expect(200);
    return { secret: app.body.secret as string, confirmed: confirmed.body };
  }

  /** A counsellor with an authenticator app, enrolled at the first sign-in after the invitation. */
  async function counsellorWithApp() {
    const user = await invitedCounsellor();
    const first = await login(user.email, STAFF_PASSWORD).expect(200);
    expect(first.body.status).toBe('mfa_enrolment_required');
    const { secret, confirmed } = await enrolApp(first.body.mfaToken);
    return { ...user, secret, refreshToken: confirmed.refreshToken as string };
  }

  /** Someone with the password and ten wrong codes: the factor locks. */
  async function lockWithWrongCodes(user: { email: string; secret: string }) {
    const near = await Promise.all([-30, 0, 30].map((s) => generate({ secret: user.secret, epoch: Math.floor(Date.now() / 1000) + s })));
    const wrong = ['000000', '000001', '000002', '000003'].find((c) => !near.includes(c)) as string;
    let last = 0;
    for (let i = 0; i < 10; i += 1) {
      const challenge = await login(user.email, STAFF_PASSWORD).expect(200);
      last = (await post('/auth/mfa/totp', { mfaToken: challenge.body.mfaToken, code: wrong })).status;
    }
    expect(last).toBe(403);
  }

  /** The leader (or `by`) resets the user's second factor; the e-mail it sends. */
  async function resetByLeader(userId: string, email: string, by = plan.leader.token) {
    const before = smtp.mails.length;
    await post(`/users/${userId}/mfa/reset`, {}, by).expect(204);
    // The e-mail approving the account may arrive in between.
    return smtp.mailWithSubject(email, /^Din anden faktor er nulstillet$/, before);
  }

  it('lets an attacker with the password neither sign in nor enrol a factor after a reset they provoked', async () => {
    const user = await counsellorWithApp();
    await lockWithWrongCodes(user);
    expect((await login(user.email, STAFF_PASSWORD)).body.code).toBe('mfa_locked');

    await resetByLeader(user.id, user.email);
    // Polling the sign-in with the password, as the attacker would, to be first to enrol.
    for (let i = 0; i < 3; i += 1) {
      const attempt = await login(user.email, STAFF_PASSWORD);
      expect([attempt.status, attempt.body.code, attempt.body.mfaToken]).toEqual([401, 'invalid_credentials', undefined]);
    }
    expect(await db.count(`mfa_totp WHERE user_id = $1`, [user.id])).toBe(0);
    // The user's sessions ended at the reset.
    const refresh = await post('/auth/refresh', { refreshToken: user.refreshToken });
    expect([refresh.status, refresh.body.code]).toEqual([401, 'refresh_token_invalid']);
  });

  it('answers a sign-in while the new password is not chosen yet exactly as a wrong password, so it tells nothing', async () => {
    const reset = await counsellorWithApp();
    const other = await counsellorWithApp();
    await resetByLeader(reset.id, reset.email);
    const pending = await login(reset.email, STAFF_PASSWORD);
    const wrong = await login(other.email, 'not the password at all 123');
    const answer = (res: typeof pending) => ({ status: res.status, body: { ...res.body, instance: undefined } });
    expect(answer(pending)).toEqual(answer(wrong));
    expect(pending.status).toBe(401);
  });

  it('voids an enrolment begun with the password before the reset', async () => {
    const user = await invitedCounsellor();
    const challenge = await login(user.email, STAFF_PASSWORD).expect(200);
    expect(challenge.body.status).toBe('mfa_enrolment_required');
    const app = await post('/auth/mfa/totp/enrol', { mfaToken: challenge.body.mfaToken }).expect(200);

    await resetByLeader(user.id, user.email);
    const confirm = await post('/auth/mfa/totp/confirm', { mfaToken: challenge.body.mfaToken, code: await generate({ secret: app.body.secret }) });
    expect([confirm.status, confirm.body.code]).toEqual([401, 'mfa_token_invalid']);
    const again = await post('/auth/mfa/totp/enrol', { mfaToken: challenge.body.mfaToken });
    expect([again.status, again.body.code]).toEqual([401, 'mfa_token_invalid']);
    const passkey = await post('/auth/mfa/passkey/register/options', { mfaToken: challenge.body.mfaToken });
    expect([passkey.status, passkey.body.code]).toEqual([401, 'mfa_token_invalid']);
    expect(await db.count(`mfa_totp WHERE user_id = $1 AND confirmed_at IS NOT NULL`, [user.id])).toBe(0);
    expect(await db.count(`audit_events WHERE action = 'auth.mfa_failed' AND entity_id = $1 AND details->>'reason' = 'mfa_token_invalid'`, [user.id])).toBeGreaterThanOrEqual(2);
  });

  it('lets the user choose a new password from the e-mailed link and go straight on to enrol a new factor', async () => {
    const user = await counsellorWithApp();
    const mail = await resetByLeader(user.id, user.email);
    expect(mail.subject).toBe('Din anden faktor er nulstillet');
    expect(mail.text).toMatch(/Din adgangskode er slettet/);
    expect(mail.text).toMatch(/kontakt din leder med det samme/);
    const token = passwordResetToken(mail);

    const weak = await post('/auth/password-resets/complete', { token, password: 'nanna nulstil' });
    expect([weak.status, weak.body.code]).toEqual([400, 'weak_password']);

    const chosen = await post('/auth/password-resets/complete', { token, password: NEW_PASSWORD }).expect(200);
    expect(chosen.body).toEqual({ status: 'mfa_enrolment_required', mfaToken: expect.any(String) });
    const { secret, confirmed } = await enrolApp(chosen.body.mfaToken);
    expect(confirmed.recoveryCodes).toHaveLength(10);
    await t.http().get(`${API}/me`).set('Authorization', `Bearer ${confirmed.accessToken}`).expect(200);

    expect((await login(user.email, STAFF_PASSWORD)).status).toBe(401);
    const next = await login(user.email, NEW_PASSWORD).expect(200);
    expect(next.body.status).toBe('mfa_required');
    await db.query(`UPDATE mfa_totp SET last_time_step = last_time_step - 2 WHERE user_id = $1`, [user.id]);
    await post('/auth/mfa/totp', { mfaToken: next.body.mfaToken, code: await generate({ secret }) }).expect(200);
  });

  it('makes the link work once, only the newest reset\'s link work, and none after it expires or the account is deactivated', async () => {
    const user = await counsellorWithApp();
    const first = passwordResetToken(await resetByLeader(user.id, user.email));
    // A second reset (by the admin) before the first link was used: its link replaces the first.
    const second = passwordResetToken(await resetByLeader(user.id, user.email, plan.admin.token));
    const replaced = await post('/auth/password-resets/complete', { token: first, password: NEW_PASSWORD });
    expect([replaced.status, replaced.body.code]).toEqual([401, 'password_reset_link_invalid']);

    await db.query(`UPDATE password_reset_links SET expires_at = now() - interval '1 second' WHERE user_id = $1 AND used_at IS NULL AND superseded_at IS NULL`, [user.id]);
    const expired = await post('/auth/password-resets/complete', { token: second, password: NEW_PASSWORD });
    expect([expired.status, expired.body.code]).toEqual([401, 'password_reset_link_invalid']);

    // The password went at the first reset: a reset now (the link expired) sends a new link all the same.
    const third = passwordResetToken(await resetByLeader(user.id, user.email));
    await post('/auth/password-resets/complete', { token: third, password: NEW_PASSWORD }).expect(200);
    const twice = await post('/auth/password-resets/complete', { token: third, password: `${NEW_PASSWORD} igen` });
    expect([twice.status, twice.body.code]).toEqual([401, 'password_reset_link_invalid']);
    const unknown = await post('/auth/password-resets/complete', { token: randomBytes(32).toString('base64url'), password: NEW_PASSWORD });
    expect(unknown.body).toEqual({ ...twice.body, instance: unknown.body.instance });

    const leaver = await counsellorWithApp();
    const link = passwordResetToken(await resetByLeader(leaver.id, leaver.email));
    await t.http().patch(`${API}/users/${leaver.id}`).set('Authorization', `Bearer ${plan.leader.token}`).send({ active: false }).expect(200);
    const deactivated = await post('/auth/password-resets/complete', { token: link, password: NEW_PASSWORD });
    expect([deactivated.status, deactivated.body.code]).toEqual([401, 'password_reset_link_invalid']);
  });

  it('audits the reset, the password it removed and the link\'s use, where the plan\'s leader sees them', async () => {
    const user = await counsellorWithApp();
    const token = passwordResetToken(await resetByLeader(user.id, user.email));
    await post('/auth/password-resets/complete', { token, password: NEW_PASSWORD }).expect(200);

    const events = await db.query(
      `SELECT action, actor_id, plan_id, details FROM audit_events WHERE entity_id = $1 AND action IN ('user.mfa_reset', 'user.password_removed', 'user.password_reset_link_used') ORDER BY occurred_at, action`,
      [user.id],
    );
    const by = { address: expect.stringMatching(/^203\.0\.113\./), userAgent: 'Nulstil/1.0 (test)' };
    expect(events.rows).toEqual([
      { action: 'user.mfa_reset', actor_id: plan.leader.user.id, plan_id: plan.planId, details: expect.objectContaining({ outcome: 'changed', ...by }) },
      { action: 'user.password_removed', actor_id: plan.leader.user.id, plan_id: plan.planId, details: expect.objectContaining({ outcome: 'changed', method: 'password', ...by }) },
      { action: 'user.password_reset_link_used', actor_id: user.id, plan_id: plan.planId, details: expect.objectContaining({ outcome: 'changed', method: 'password', ...by }) },
    ]);
    // The hash of the used link is gone; the row stays as the reset's history.
    expect((await db.query(`SELECT token_hash, used_at IS NOT NULL AS used FROM password_reset_links WHERE user_id = $1`, [user.id])).rows).toEqual([{ token_hash: null, used: true }]);
  });

  it('sends no link for an account that signs in only through single sign-on, and tells its owner of the reset', async () => {
    const user = await counsellorWithApp();
    // As an account made by single sign-on: no password of its own.
    await db.query(`UPDATE users SET password_hash = NULL WHERE id = $1`, [user.id]);
    const mail = await resetByLeader(user.id, user.email);
    expect(mail.subject).toBe('Din anden faktor er nulstillet');
    expect(mail.text).not.toMatch(/set-password/);
    expect(mail.text).toMatch(/Næste gang du logger ind, skal du oprette en ny anden faktor/);
    expect(await db.count(`password_reset_links WHERE user_id = $1`, [user.id])).toBe(0);
    expect(await db.count(`audit_events WHERE action = 'user.password_removed' AND entity_id = $1`, [user.id])).toBe(0);
  });
});
