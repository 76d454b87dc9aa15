import { generate, generateSecret } from 'otplib';
import { addStaff, createPlan, expectStatus, STAFF_PASSWORD, type PlanFixture } from '../support/fixtures';
import { ownerDatabase } from '../support/owner-database';
import { PasskeySignIn } from '../support/passkey-sign-in';
import { SoftwareAuthenticator } from '../support/software-authenticator';
import { API, createTestApp, type TestApp } from '../support/test-app';

/** What an access token says of its sign-in (read, not verified: the API verifies). */
function claimsOf(accessToken: string): { amr: string[]; auth_time: number; sid: string } {
  return JSON.parse(Buffer.from(accessToken.split('.')[1], 'base64url').toString('utf8'));
}

interface Tokens {
  accessToken: string;
  refreshToken: string;
}

/**
 * A counsellor's drop-in afternoon: the case notes need a sign-in from the last 15 minutes, and
 * the answer to `step_up_required` is the second factor alone (POST /auth/step-up), not the
 * password again. The step-up is the sign-in's second step in every other way: throttled, counted
 * towards the same lock, each code once, audited.
 */
describe('stepping up with the second factor alone', () => {
  let t: TestApp;
  let plan: PlanFixture;
  let flow: PasskeySignIn;
  const db = ownerDatabase();

  beforeAll(async () => {
    t = await createTestApp({ mfaRequiredRoles: ['counsellor'] });
    plan = await createPlan(t, 'Trin op');
    flow = new PasskeySignIn(t);
  });
  afterAll(() => t.close());

  const post = (path: string, body: object, token?: string) => {
    const req = t.http().post(API + path);
    if (token) req.set('Authorization', `Bearer ${token}`);
    return req.send(body);
  };
  const get = (path: string, token: string) => t.http().get(API + path).set('Authorization', `Bearer ${token}`);
  const refused = (res: { status: number; body: { code?: string } }) => [res.status, res.body.code];

  /** The app's last accepted time step moves back, as if the next code were half a minute later. */
  const halfAMinuteLater = (userId: string) => db.query(`UPDATE mfa_totp SET last_time_step = last_time_step - 2 WHERE user_id = $1`, [userId]);
  const failuresOf = async (userId: string) => Number((await db.query(`SELECT failures FROM mfa_user_state WHERE user_id = $1`, [userId])).rows[0]?.failures ?? 0);

  /** A new counsellor, signed in by the enrolment that `enrol` does at the first sign-in, with a case of debt counselling. */
  async function counsellor(enrol: (mfaToken: string) => Promise<Tokens & { recoveryCodes: string[] }>) {
    const created = await addStaff(t, plan, 'counsellor', { name: 'Rikke Rådgiver' });
    const first = await post('/auth/login', { email: created.user.email, password: STAFF_PASSWORD }).expect(200);
    expect(first.body.status).toBe('mfa_enrolment_required');
    const tokens = await enrol(first.body.mfaToken);
    const resident = await post('/residents', { firstName: 'Karin', lastName: 'Nielsen', birthDate: '1980-04-02', gender: 'female', housingAreaId: plan.areas.eligible, confirmNotDuplicate: true }, tokens.accessToken);
    expectStatus(resident, 201, 'resident');
    const opened = await post('/counselling-cases', { residentId: resident.body.id, topic: 'debt', form: 'appointment' }, tokens.accessToken);
    expectStatus(opened, 201, 'case');
    return { id: created.user.id, email: created.user.email, tokens, recoveryCodes: tokens.recoveryCodes, notes: `/counselling-cases/${opened.body.id}` };
  }

  async function counsellorWithApp() {
    let secret = '';
    const user = await counsellor(async (mfaToken) => {
      secret = (await post('/auth/mfa/totp/enrol', { mfaToken }).expect(200)).body.secret;
      return (await post('/auth/mfa/totp/confirm', { mfaToken, code: await generate({ secret }) }).expect(200)).body;
    });
    await halfAMinuteLater(user.id);
    return { ...user, secret };
  }

  async function counsellorWithPasskey(key = new SoftwareAuthenticator()) {
    const user = await counsellor(async (mfaToken) => {
      const registered = await flow.register(key, { mfaToken });
      expectStatus(registered, 200, 'register passkey');
      return registered.body;
    });
    return { ...user, key };
  }

  /**
   * The afternoon goes on: the session's sign-in was an hour ago (its refreshed tokens say so), and
   * the case's notes answer step_up_required. The stale pair, from a refresh.
   */
  async function anHourLater(user: { tokens: Tokens; notes: string }): Promise<Tokens> {
    await db.query(`UPDATE sessions SET authenticated_at = now() - interval '1 hour' WHERE id = $1`, [claimsOf(user.tokens.accessToken).sid]);
    const stale: Tokens = (await post('/auth/refresh', { refreshToken: user.tokens.refreshToken }).expect(200)).body;
    expect(refused(await get(user.notes, stale.accessToken))).toEqual([401, 'step_up_required']);
    return stale;
  }

  it('lets a counsellor read a case\'s notes again with an authenticator code, without the password', async () => {
    const rikke = await counsellorWithApp();
    const stale = await anHourLater(rikke);
    const before = await get('/me', stale.accessToken).expect(200);
    expect(before.body).toMatchObject({ secondFactors: ['totp', 'recovery_code'], mfaRequired: true });
    expect(Date.parse(before.body.stepUpUntil)).toBeLessThan(Date.now());

    const steppedUp = await post('/auth/step-up', { code: await generate({ secret: rikke.secret }) }, stale.accessToken).expect(200);
    expect(steppedUp.body).toEqual({ accessToken: expect.any(String), expiresIn: expect.any(Number), stepUpUntil: expect.any(String) });
    const claims = claimsOf(steppedUp.body.accessToken);
    expect(claims.sid).toBe(claimsOf(stale.accessToken).sid);
    expect(Math.abs(claims.auth_time - Date.now() / 1000)).toBeLessThan(30);
    expect(claims.amr).toEqual(['pwd', 'otp']);
    expect(Date.parse(steppedUp.body.stepUpUntil)).toBeGreaterThan(Date.now() + 14 * 60_000);
    expect((await get(rikke.notes, steppedUp.body.accessToken)).status).toBe(200);
    expect((await get('/me', steppedUp.body.accessToken)).body.stepUpUntil).toBe(steppedUp.body.stepUpUntil);

    const audited = await db.query(`SELECT details FROM audit_events WHERE action = 'auth.step_up_succeeded' AND entity_id = $1`, [rikke.id]);
    expect(audited.rows).toEqual([{ details: expect.objectContaining({ outcome: 'succeeded', method: 'totp', provider: 'local', address: expect.any(String) }) }]);
  });

  it('leaves the session as it was: the old token and the refresh token go on working, and the refreshed tokens keep the step-up', async () => {
    const rikke = await counsellorWithApp();
    const stale = await anHourLater(rikke);
    await post('/auth/step-up', { code: await generate({ secret: rikke.secret }) }, stale.accessToken).expect(200);
    expect((await get('/me', stale.accessToken)).status).toBe(200);
    const refreshed = await post('/auth/refresh', { refreshToken: stale.refreshToken }).expect(200);
    expect(claimsOf(refreshed.body.accessToken).sid).toBe(claimsOf(stale.accessToken).sid);
    expect((await get(rikke.notes, refreshed.body.accessToken)).status).toBe(200);
    expect(await db.count(`sessions WHERE user_id = $1 AND revoked_at IS NULL`, [rikke.id])).toBe(1);
  });

  it('accepts an authenticator code once: the same code again is refused', async () => {
    const rikke = await counsellorWithApp();
    const stale = await anHourLater(rikke);
    const code = await generate({ secret: rikke.secret });
    await post('/auth/step-up', { code }, stale.accessToken).expect(200);
    expect(refused(await post('/auth/step-up', { code }, stale.accessToken))).toEqual([401, 'mfa_code_invalid']);
  });

  it('refuses a wrong code with 401 and counts it towards the lock, as at sign-in', async () => {
    const rikke = await counsellorWithApp();
    const stale = await anHourLater(rikke);
    const near = await Promise.all([-30, 0, 30].map((s) => generate({ secret: rikke.secret, epoch: Math.floor(Date.now() / 1000) + s })));
    const wrong = ['000000', '111111'].find((c) => !near.includes(c))!;
    expect(refused(await post('/auth/step-up', { code: wrong }, stale.accessToken))).toEqual([401, 'mfa_code_invalid']);
    expect(await failuresOf(rikke.id)).toBe(1);
    expect(await db.count(`audit_events WHERE action = 'auth.mfa_failed' AND entity_id = $1 AND details->>'reason' = 'mfa_code_invalid'`, [rikke.id])).toBe(1);
    expect(refused(await get(rikke.notes, stale.accessToken))).toEqual([401, 'step_up_required']);

    // A right code starts the count again, as a sign-in's does.
    await post('/auth/step-up', { code: await generate({ secret: rikke.secret }) }, stale.accessToken).expect(200);
    expect(await failuresOf(rikke.id)).toBe(0);
  });

  it('refuses a locked factor with 403 mfa_locked', async () => {
    const rikke = await counsellorWithApp();
    const stale = await anHourLater(rikke);
    await db.query(`INSERT INTO mfa_user_state (user_id, failures, locked_at) VALUES ($1, 10, now()) ON CONFLICT (user_id) DO UPDATE SET failures = 10, locked_at = now()`, [rikke.id]);
    expect(refused(await post('/auth/step-up', { code: await generate({ secret: rikke.secret }) }, stale.accessToken))).toEqual([403, 'mfa_locked']);
  });

  it('does not take a code from another user\'s authenticator app', async () => {
    const rikke = await counsellorWithApp();
    const other = await counsellorWithApp();
    const stale = await anHourLater(rikke);
    const othersCode = await generate({ secret: other.secret });
    const ownNear = await Promise.all([-30, 0, 30].map((s) => generate({ secret: rikke.secret, epoch: Math.floor(Date.now() / 1000) + s })));
    if (ownNear.includes(othersCode)) return; // one in a few hundred thousand: the same six digits
    expect(refused(await post('/auth/step-up', { code: othersCode }, stale.accessToken))).toEqual([401, 'mfa_code_invalid']);
    // Nor a code of a secret nobody enrolled.
    expect(refused(await post('/auth/step-up', { code: await generate({ secret: generateSecret() }) }, stale.accessToken))[0]).toBe(401);
  });

  it('steps up with a passkey, whose challenge belongs to the session and works once', async () => {
    const nina = await counsellorWithPasskey();
    const stale = await anHourLater(nina);
    expect((await get('/me', stale.accessToken)).body.secondFactors).toEqual(['passkey', 'recovery_code']);
    const options = await post('/auth/step-up/passkey/options', {}, stale.accessToken).expect(200);
    expect(options.body.allowCredentials).toHaveLength(1);
    const answer = nina.key.authenticate(options.body);
    const steppedUp = await post('/auth/step-up', { passkey: answer }, stale.accessToken).expect(200);
    expect(claimsOf(steppedUp.body.accessToken).amr).toEqual(expect.arrayContaining(['pwd', 'hwk']));
    expect((await get(nina.notes, steppedUp.body.accessToken)).status).toBe(200);
    expect(refused(await post('/auth/step-up', { passkey: answer }, stale.accessToken))).toEqual([401, 'passkey_invalid']);
  });

  it('does not take another user\'s passkey, however well it signs', async () => {
    const nina = await counsellorWithPasskey();
    const other = await counsellorWithPasskey();
    const stale = await anHourLater(nina);
    const options = await post('/auth/step-up/passkey/options', {}, stale.accessToken).expect(200);
    expect(refused(await post('/auth/step-up', { passkey: other.key.authenticate(options.body) }, stale.accessToken))).toEqual([401, 'passkey_invalid']);
    expect(await failuresOf(nina.id)).toBe(1);
    // Nor a challenge given to another session (the other counsellor's).
    const othersOptions = await post('/auth/step-up/passkey/options', {}, other.tokens.accessToken).expect(200);
    expect(refused(await post('/auth/step-up', { passkey: nina.key.authenticate(othersOptions.body) }, stale.accessToken))).toEqual([401, 'passkey_invalid']);
  });

  it('steps up with a recovery code, once', async () => {
    const rikke = await counsellorWithApp();
    const stale = await anHourLater(rikke);
    const [code] = rikke.recoveryCodes;
    const steppedUp = await post('/auth/step-up', { code: code.replace(/-/g, '').toUpperCase() }, stale.accessToken).expect(200);
    expect(claimsOf(steppedUp.body.accessToken).amr).toEqual(['pwd', 'otp', 'rcv']);
    expect((await get(rikke.notes, steppedUp.body.accessToken)).status).toBe(200);
    expect(refused(await post('/auth/step-up', { code }, stale.accessToken))).toEqual([401, 'recovery_code_invalid']);
    expect(await db.count(`audit_events WHERE action = 'auth.recovery_code_used' AND entity_id = $1`, [rikke.id])).toBe(1);
  });

  it('tells a user with no second factor to sign in again (409), and refuses neither or both answers with 400', async () => {
    // Social workers need no second factor here; this one has none.
    expect((await plan.socialWorker.get('/me')).body).toMatchObject({ secondFactors: [], mfaRequired: false, stepUpUntil: expect.any(String) });
    const none = await plan.socialWorker.post('/auth/step-up', { code: '123456' });
    expect(refused(none)).toEqual([409, 'step_up_without_factor']);
    const rikke = await counsellorWithApp();
    expect(refused(await post('/auth/step-up', {}, rikke.tokens.accessToken))).toEqual([400, 'validation_failed']);
    const both = await post('/auth/step-up', { code: '123456', passkey: { id: 'x' } }, rikke.tokens.accessToken);
    expect(both.status).toBe(400);
    expect(refused(await post('/auth/step-up', { code: '12345' }, rikke.tokens.accessToken))).toEqual([400, 'validation_failed']);
    expect(refused(await post('/auth/step-up', { code: '123456' }))).toEqual([401, 'unauthenticated']);
    expect(await failuresOf(rikke.id)).toBe(0);
  });

  it('does not step up an ended session', async () => {
    const rikke = await counsellorWithApp();
    await post('/auth/logout', { refreshToken: rikke.tokens.refreshToken }).expect(204);
    expect(refused(await post('/auth/step-up', { code: await generate({ secret: rikke.secret }) }, rikke.tokens.accessToken))).toEqual([401, 'session_ended']);
  });
});
