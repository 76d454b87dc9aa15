import { randomBytes } from 'node:crypto';
import { generate } from 'otplib';
import { addStaff, createPlan, expectStatus, STAFF_PASSWORD, type PlanFixture } from '../support/fixtures';
import { ownerDatabase } from '../support/owner-database';
import { PrivateRedis } from '../support/redis-server';
import { waitFor } from '../support/wait-for';
import { invitationToken, passwordResetToken, SmtpCatcher } from '../support/smtp-catcher';
import { API, createTestApp, type TestApp } from '../support/test-app';

/** What an access token says of its sign-in (read, not verified: the API verifies). */
function claimsOf(accessToken: string): { amr: string[]; auth_time: number; sid: string } {
  return JSON.parse(Buffer.from(accessToken.split('.')[1], 'base64url').toString('utf8'));
}

/**
 * Staff who read debt, family and health matters do not get in on a password alone
 * (MFA_REQUIRED_ROLES): an authenticator app's code, or a recovery code, is the second step.
 */
describe('signing in with a second factor (authenticator app and recovery codes)', () => {
  let t: TestApp;
  let plan: PlanFixture;
  const db = ownerDatabase();

  let smtp: SmtpCatcher;

  beforeAll(async () => {
    smtp = await SmtpCatcher.start();
    // The platform admin and social workers sign in with a password here; the others must use MFA.
    t = await createTestApp({ mfaRequiredRoles: ['leader', 'counsellor', 'caseworker'], smtpUrl: smtp.url });
    plan = await createPlan(t, 'MFA');
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  const post = (path: string, body: object, token?: string) => {
    const req = t.http().post(API + path);
    if (token) req.set('Authorization', `Bearer ${token}`);
    return req.send(body);
  };
  const get = (path: string, token: string) => t.http().get(API + path).set('Authorization', `Bearer ${token}`);

  async function staff(role: string, organisationId?: string): Promise<{ id: string; email: string }> {
    const user = await addStaff(t, plan, role, { email: `${role}-${randomBytes(4).toString('hex')}@test.dk`, name: 'Helle Hansen', organisationId });
    return { id: user.user.id, email: user.user.email };
  }

  /** The app's last accepted time step moves back, as if the next code were half a minute later. */
  const halfAMinuteLater = (userId: string) => db.query(`UPDATE mfa_totp SET last_time_step = last_time_step - 2 WHERE user_id = $1`, [userId]);

  /** Enrols an authenticator app at the first sign-in; the secret and the answer of the confirmation. */
  async function enrolAtFirstSignIn(email: string): Promise<{ secret: string; confirmed: { accessToken: string; refreshToken: string; recoveryCodes: string[] } }> {
    const first = await post('/auth/login', { email, password: STAFF_PASSWORD }).expect(200);
    expect(first.body).toEqual({ status: 'mfa_enrolment_required', mfaToken: expect.any(String) });
    const enrolment = await post('/auth/mfa/totp/enrol', { mfaToken: first.body.mfaToken }).expect(200);
    const confirmed = await post('/auth/mfa/totp/confirm', { mfaToken: first.body.mfaToken, code: await generate({ secret: enrolment.body.secret }) }).expect(200);
    return { secret: enrolment.body.secret, confirmed: confirmed.body };
  }

  it('makes a counsellor with no second factor enrol an authenticator app before any token, and gives ten recovery codes once', async () => {
    const helle = await staff('counsellor');
    const first = await post('/auth/login', { email: helle.email, password: STAFF_PASSWORD }).expect(200);
    expect(first.body).toEqual({ status: 'mfa_enrolment_required', mfaToken: expect.any(String) });
    expect(first.body.accessToken).toBeUndefined();
    // The mfaToken is no access token.
    expect((await get('/me', first.body.mfaToken)).status).toBe(401);

    const enrolment = await post('/auth/mfa/totp/enrol', { mfaToken: first.body.mfaToken }).expect(200);
    expect(enrolment.body.otpauthUrl).toMatch(/^otpauth:\/\/totp\/Helhedsplan:.*secret=/);
    const wrong = await post('/auth/mfa/totp/confirm', { mfaToken: first.body.mfaToken, code: '000000' });
    expect([wrong.status, wrong.body.code]).toEqual([401, 'mfa_code_invalid']);

    const confirmed = await post('/auth/mfa/totp/confirm', { mfaToken: first.body.mfaToken, code: await generate({ secret: enrolment.body.secret }) }).expect(200);
    expect(confirmed.body.recoveryCodes).toHaveLength(10);
    expect(new Set(confirmed.body.recoveryCodes).size).toBe(10);
    expect(claimsOf(confirmed.body.accessToken).amr).toEqual(['pwd', 'otp']);
    expect((await get('/me', confirmed.body.accessToken)).status).toBe(200);
    expect((await get('/auth/mfa', confirmed.body.accessToken)).body).toEqual({ methods: ['totp'], recoveryCodesLeft: 10, required: true });

    const events = await db.query(`SELECT action FROM audit_events WHERE entity_id = $1 ORDER BY id`, [helle.id]);
    expect(events.rows.map((r) => r.action)).toEqual(expect.arrayContaining(['auth.mfa_failed', 'user.mfa_enrolled.totp', 'auth.login_succeeded']));
  });

  it('keeps the authenticator secret encrypted at rest', async () => {
    const user = await staff('counsellor');
    const { secret } = await enrolAtFirstSignIn(user.email);
    const { rows } = await db.query(`SELECT secret_ciphertext FROM mfa_totp WHERE user_id = $1`, [user.id]);
    expect(rows[0].secret_ciphertext).toMatch(/^v1\./);
    expect(rows[0].secret_ciphertext).not.toContain(secret);
  });

  it('asks for the code at the next sign-in and accepts each code once only', async () => {
    const user = await staff('counsellor');
    const { secret } = await enrolAtFirstSignIn(user.email);
    await halfAMinuteLater(user.id);

    const second = await post('/auth/login', { email: user.email, password: STAFF_PASSWORD }).expect(200);
    expect(second.body).toEqual({ status: 'mfa_required', mfaToken: expect.any(String), methods: ['totp', 'recovery_code'] });
    const code = await generate({ secret });
    const signedIn = await post('/auth/mfa/totp', { mfaToken: second.body.mfaToken, code }).expect(200);
    expect(claimsOf(signedIn.body.accessToken).amr).toEqual(['pwd', 'otp']);

    // The same code, seen over a shoulder, does not open another session.
    const third = await post('/auth/login', { email: user.email, password: STAFF_PASSWORD }).expect(200);
    const replay = await post('/auth/mfa/totp', { mfaToken: third.body.mfaToken, code });
    expect([replay.status, replay.body.code]).toEqual([401, 'mfa_code_invalid']);
  });

  it('completes one sign-in per mfaToken', async () => {
    const user = await staff('counsellor');
    const { secret } = await enrolAtFirstSignIn(user.email);
    await halfAMinuteLater(user.id);
    const login = await post('/auth/login', { email: user.email, password: STAFF_PASSWORD }).expect(200);
    await post('/auth/mfa/totp', { mfaToken: login.body.mfaToken, code: await generate({ secret }) }).expect(200);
    await halfAMinuteLater(user.id);
    const again = await post('/auth/mfa/totp', { mfaToken: login.body.mfaToken, code: await generate({ secret }) });
    expect([again.status, again.body.code]).toEqual([401, 'mfa_token_invalid']);
  });

  it('lets a recovery code stand in for a lost phone, once', async () => {
    const user = await staff('counsellor');
    const { confirmed } = await enrolAtFirstSignIn(user.email);
    const [code] = confirmed.recoveryCodes;
    const login = await post('/auth/login', { email: user.email, password: STAFF_PASSWORD }).expect(200);
    // Typed from paper: upper case and without dashes.
    const recovered = await post('/auth/mfa/recovery', { mfaToken: login.body.mfaToken, code: code.replace(/-/g, '').toUpperCase() }).expect(200);
    expect(claimsOf(recovered.body.accessToken).amr).toEqual(['pwd', 'rcv']);
    expect((await get('/auth/mfa', recovered.body.accessToken)).body.recoveryCodesLeft).toBe(9);

    const again = await post('/auth/login', { email: user.email, password: STAFF_PASSWORD }).expect(200);
    const reused = await post('/auth/mfa/recovery', { mfaToken: again.body.mfaToken, code });
    expect([reused.status, reused.body.code]).toEqual([401, 'recovery_code_invalid']);
  });

  it('does not let a half-done sign-in add a factor past the one the user has', async () => {
    const user = await staff('counsellor');
    await enrolAtFirstSignIn(user.email);
    const login = await post('/auth/login', { email: user.email, password: STAFF_PASSWORD }).expect(200);
    expect(login.body.status).toBe('mfa_required');
    const attempt = await post('/auth/mfa/totp/enrol', { mfaToken: login.body.mfaToken });
    expect([attempt.status, attempt.body.code]).toEqual([401, 'mfa_token_invalid']);
    const noToken = await post('/auth/mfa/totp/enrol', {});
    expect([noToken.status, noToken.body.code]).toEqual([401, 'unauthenticated']);
  });

  it('refuses malformed codes and tokens with 400, naming the field', async () => {
    const user = await staff('counsellor');
    const login = await post('/auth/login', { email: user.email, password: STAFF_PASSWORD }).expect(200);
    for (const body of [{ mfaToken: login.body.mfaToken, code: '12345' }, { mfaToken: login.body.mfaToken, code: 123456 }, { mfaToken: 'not-a-token', code: '123456' }, { code: '123456' }]) {
      const res = await post('/auth/mfa/totp', body);
      expect(res.status).toBe(400);
      expect(res.body.errors.length).toBeGreaterThan(0);
    }
  });

  it('slows down guessing at the second factor like passwords', async () => {
    const user = await staff('counsellor');
    await enrolAtFirstSignIn(user.email);
    const login = await post('/auth/login', { email: user.email, password: STAFF_PASSWORD }).expect(200);
    const statuses: number[] = [];
    for (let i = 0; i < 8; i += 1) statuses.push((await post('/auth/mfa/totp', { mfaToken: login.body.mfaToken, code: String(100000 + i) })).status);
    expect(statuses).toContain(429);
    expect(statuses.slice(0, 5).every((s) => s === 401)).toBe(true);
  });

  it('lets a role that need not use MFA sign in with a password, and asks once they have enrolled', async () => {
    const social = await staff('social_worker');
    const login = await post('/auth/login', { email: social.email, password: STAFF_PASSWORD }).expect(200);
    expect(claimsOf(login.body.accessToken).amr).toEqual(['pwd']);
    // Signed in a moment ago: the bearer token may add an authenticator app.
    const enrolment = await post('/auth/mfa/totp/enrol', {}, login.body.accessToken).expect(200);
    const confirmed = await post('/auth/mfa/totp/confirm', { code: await generate({ secret: enrolment.body.secret }) }, login.body.accessToken).expect(200);
    expect(confirmed.body.accessToken).toBeUndefined();
    expect(confirmed.body.recoveryCodes).toHaveLength(10);
    const next = await post('/auth/login', { email: social.email, password: STAFF_PASSWORD }).expect(200);
    expect(next.body.status).toBe('mfa_required');
  });

  it('lets the leader reset a colleague\'s second factor, which ends their sessions and is audited', async () => {
    const leader = await staff('leader');
    const { secret } = await enrolAtFirstSignIn(leader.email);
    await halfAMinuteLater(leader.id);
    const leaderLogin = await post('/auth/login', { email: leader.email, password: STAFF_PASSWORD }).expect(200);
    const leaderToken = (await post('/auth/mfa/totp', { mfaToken: leaderLogin.body.mfaToken, code: await generate({ secret }) }).expect(200)).body.accessToken;

    const counsellor = await staff('counsellor');
    const { confirmed } = await enrolAtFirstSignIn(counsellor.email);
    await post(`/users/${counsellor.id}/mfa/reset`, {}, confirmed.accessToken).expect(403);
    await post(`/users/${counsellor.id}/mfa/reset`, {}, leaderToken).expect(204);

    expect((await get('/me', confirmed.accessToken)).status).toBe(401);
    // The password went with the factor (test/e2e/mfa-reset.e2e-spec.ts): the e-mailed link sets a new one, and the user enrols.
    const refused = await post('/auth/login', { email: counsellor.email, password: STAFF_PASSWORD });
    expect([refused.status, refused.body.code]).toEqual([401, 'invalid_credentials']);
    const token = passwordResetToken(await smtp.mailWithSubject(counsellor.email, /^Din anden faktor er nulstillet$/));
    const next = await post('/auth/password-resets/complete', { token, password: 'fjernsyn blomsterkasse regnvejr' }).expect(200);
    expect(next.body.status).toBe('mfa_enrolment_required');
    expect(await db.count(`audit_events WHERE action = 'user.mfa_reset' AND entity_id = $1 AND actor_id = $2 AND plan_id = $3`, [counsellor.id, leader.id, plan.planId])).toBe(1);

    // Another plan's leader does not reach the colleague; the admin does.
    const other = await createPlan(t, 'Anden plan');
    await addStaff(t, other, 'social_worker', { email: `leder-${randomBytes(3).toString('hex')}@test.dk`, name: 'Anden Leder' });
    await post(`/users/${counsellor.id}/mfa/reset`, {}, plan.admin.token).expect(204);
  });

  it('hands a leader of another plan a 404 for a reset', async () => {
    const counsellor = await staff('counsellor');
    const other = await createPlan(t, 'Fremmed plan');
    // The fixture leader of the other plan must use MFA here; sign them in with it.
    const email = `leder-${randomBytes(3).toString('hex')}@test.dk`;
    await addStaff(t, other, 'leader', { email, name: 'Fremmed Leder' });
    const { confirmed } = await enrolAtFirstSignIn(email);
    const res = await post(`/users/${counsellor.id}/mfa/reset`, {}, confirmed.accessToken);
    expect(res.status).toBe(404);
  });

  it('sends an invitee whose role must use MFA on to enrol before any token', async () => {
    const email = `nina-${randomBytes(3).toString('hex')}@test.dk`;
    // A caseworker: a counsellor would first wait for a second person's approval (issue 20, test/e2e/user-approvals.e2e-spec.ts).
    expectStatus(await plan.admin.post(`/plans/${plan.planId}/users`, { email, name: 'Nina Ny', role: 'caseworker', organisationId: plan.organisations.jobcenter }), 201, 'invite');
    const token = invitationToken(await smtp.mailTo(email));
    const accepted = await post('/auth/invitations/accept', { token, password: 'fjernsyn blomsterkasse regnvejr' }).expect(200);
    expect(accepted.body).toEqual({ status: 'mfa_enrolment_required', mfaToken: expect.any(String) });
  });
});

describe('step-up before case notes', () => {
  const db = ownerDatabase();
  const apps: TestApp[] = [];
  afterAll(() => Promise.all(apps.map((a) => a.close())));
  const app = async (overrides: Parameters<typeof createTestApp>[0]) => {
    const created = await createTestApp(overrides);
    apps.push(created);
    return created;
  };

  it('asks a counsellor still signed in on a password alone to sign in with a second factor before reading case notes, once counsellors must use MFA', async () => {
    const jwtSecret = randomBytes(32).toString('hex');
    const before = await app({ mfaRequiredRoles: [], jwtSecret });
    const plan = await createPlan(before, 'Step-up');
    const resident = await plan.counsellor.post('/residents', { firstName: 'Karin', lastName: 'Nielsen', birthDate: '1980-04-02', gender: 'female', housingAreaId: plan.areas.eligible });
    expectStatus(resident, 201, 'resident');
    const opened = await plan.counsellor.post('/counselling-cases', { residentId: resident.body.id, topic: 'debt', form: 'appointment' });
    expectStatus(opened, 201, 'case');

    // The same deployment after MFA_REQUIRED_ROLES came to include counsellors; the morning's session is still open.
    const after = await app({ mfaRequiredRoles: ['counsellor'], jwtSecret });
    const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
    const notes = await after.http().get(`${API}/counselling-cases/${opened.body.id}`).set(bearer(plan.counsellor.token));
    expect([notes.status, notes.body.code]).toEqual([401, 'step_up_required']);
    expect((await after.http().get(`${API}/counselling-cases`).set(bearer(plan.counsellor.token))).status).toBe(200);

    const login = await after.http().post(`${API}/auth/login`).send({ email: plan.counsellor.user.email, password: STAFF_PASSWORD }).expect(200);
    expect(login.body.status).toBe('mfa_enrolment_required');
    const enrolment = await after.http().post(`${API}/auth/mfa/totp/enrol`).send({ mfaToken: login.body.mfaToken }).expect(200);
    const confirmed = await after.http().post(`${API}/auth/mfa/totp/confirm`).send({ mfaToken: login.body.mfaToken, code: await generate({ secret: enrolment.body.secret }) }).expect(200);
    expect((await after.http().get(`${API}/counselling-cases/${opened.body.id}`).set(bearer(confirmed.body.accessToken))).status).toBe(200);
    expect(await db.count(`audit_events WHERE action = 'auth.login_succeeded' AND entity_id = $1`, [plan.counsellor.user.id])).toBeGreaterThanOrEqual(2);
  });

  it('asks for a fresh sign-in when the last one is older than the step-up window, also after a refresh', async () => {
    const t = await app({ mfaRequiredRoles: [], stepUpMaxAgeSeconds: 1 });
    const plan = await createPlan(t, 'Gammel login');
    const resident = await plan.socialWorker.post('/residents', { firstName: 'Ali', lastName: 'Khan', birthDate: '2011-03-01', gender: 'male', housingAreaId: plan.areas.eligible });
    expectStatus(resident, 201, 'resident');
    const counsellorLogin = await t.http().post(`${API}/auth/login`).send({ email: plan.counsellor.user.email, password: STAFF_PASSWORD }).expect(200);
    const residentOfCounselling = await t.http().post(`${API}/residents`).set('Authorization', `Bearer ${counsellorLogin.body.accessToken}`)
      .send({ firstName: 'Karin', lastName: 'Nielsen', birthDate: '1980-04-02', gender: 'female', housingAreaId: plan.areas.eligible });
    expectStatus(residentOfCounselling, 201, 'resident');
    const opened = await plan.counsellor.post('/counselling-cases', { residentId: residentOfCounselling.body.id, topic: 'debt', form: 'appointment' });
    expectStatus(opened, 201, 'case');

    await new Promise((resolve) => setTimeout(resolve, 2100));
    const stale = await t.http().get(`${API}/counselling-cases/${opened.body.id}`).set('Authorization', `Bearer ${counsellorLogin.body.accessToken}`);
    expect([stale.status, stale.body.code]).toEqual([401, 'step_up_required']);
    // A refresh keeps the sign-in's time: it is no new sign-in.
    const refreshed = await t.http().post(`${API}/auth/refresh`).send({ refreshToken: counsellorLogin.body.refreshToken }).expect(200);
    expect(claimsOf(refreshed.body.accessToken).auth_time).toBe(claimsOf(counsellorLogin.body.accessToken).auth_time);
    const stillStale = await t.http().get(`${API}/counselling-cases/${opened.body.id}`).set('Authorization', `Bearer ${refreshed.body.accessToken}`);
    expect([stillStale.status, stillStale.body.code]).toEqual([401, 'step_up_required']);

    const again = await t.http().post(`${API}/auth/login`).send({ email: plan.counsellor.user.email, password: STAFF_PASSWORD }).expect(200);
    expect((await t.http().get(`${API}/counselling-cases/${opened.body.id}`).set('Authorization', `Bearer ${again.body.accessToken}`)).status).toBe(200);
  });
});

describe('the second step of a sign-in while Redis is out of reach', () => {
  let redis: PrivateRedis;
  let t: TestApp;

  beforeAll(async () => {
    redis = await PrivateRedis.start();
    // The API alone: sign-in needs no worker, and a worker would only wait for Redis to come back.
    t = await createTestApp({ processRole: 'api', redisUrl: redis.url, mfaRequiredRoles: ['counsellor'] });
  });
  afterAll(async () => {
    // Up again, so the app's queue connections close instead of retrying.
    await redis.start();
    await t.close();
    await redis.stop();
  }, 60_000);

  it('answers 503 with Retry-After, never 500, and the sign-in can be retried', async () => {
    const plan = await createPlan(t, 'Redis væk');
    const login = await t.http().post(`${API}/auth/login`).send({ email: plan.counsellor.user.email, password: STAFF_PASSWORD }).expect(200);
    expect(login.body.status).toBe('mfa_enrolment_required');
    await redis.stop();
    const enrol = await t.http().post(`${API}/auth/mfa/totp/enrol`).send({ mfaToken: login.body.mfaToken });
    expect([enrol.status, enrol.body.code]).toEqual([503, 'dependency_unavailable']);
    expect(enrol.headers['retry-after']).toBeDefined();
    const exchange = await t.http().post(`${API}/auth/exchange`).send({ code: 'a'.repeat(43) });
    expect([exchange.status, exchange.body.code]).toEqual([503, 'dependency_unavailable']);
    await redis.start();
    await waitFor('the enrolment to work again', async () => ((await t.http().post(`${API}/auth/mfa/totp/enrol`).send({ mfaToken: login.body.mfaToken })).status === 200 ? true : undefined));
  });
});
