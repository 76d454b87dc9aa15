import { JwtService } from '@nestjs/jwt';
import { randomBytes } from 'node:crypto';
import { generate } from 'otplib';
import { JWT_AUDIENCE, JWT_ISSUER } from '../../src/auth/access-claims';
import { LoginThrottle } from '../../src/auth/login-throttle';
import { TooManyRequests } from '../../src/common/domain-errors';
import { addStaff, createPlan, STAFF_PASSWORD, type PlanFixture } from '../support/fixtures';
import { ownerDatabase } from '../support/owner-database';
import { passwordResetToken, SmtpCatcher } from '../support/smtp-catcher';
import { SoftwareAuthenticator } from '../support/software-authenticator';
import { API, createTestApp, type TestApp } from '../support/test-app';

/**
 * Someone with the password guessing the second factor: Redis's back-off only slows them down,
 * from many addresses hardly at all. Ten wrong second factors in a row (authenticator codes,
 * recovery codes and passkey answers together) lock it until the leader resets it; the user is
 * told by e-mail, and the lock is in the audit log. Counted in PostgreSQL.
 */
describe('locking the second factor after ten wrong attempts in a row', () => {
  let t: TestApp;
  let plan: PlanFixture;
  let smtp: SmtpCatcher;
  const db = ownerDatabase();
  let lastAddress = 0;

  beforeAll(async () => {
    smtp = await SmtpCatcher.start();
    // Behind a proxy, so each attempt can come from its own address, as a distributed guesser's do.
    t = await createTestApp({ mfaRequiredRoles: ['counsellor'], smtpUrl: smtp.url, trustProxy: 1 });
    plan = await createPlan(t, 'Spærring');
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  /** A POST from an address of its own. */
  const post = (path: string, body: object, bearer?: string) => {
    lastAddress += 1;
    const req = t.http().post(API + path).set('X-Forwarded-For', `198.51.100.${lastAddress % 250}`).set('User-Agent', 'Gaetter/1.0 (test)');
    if (bearer) req.set('Authorization', `Bearer ${bearer}`);
    return req.send(body);
  };

  /** A counsellor with an authenticator app (enrolled at the first sign-in) and a passkey added after it. */
  async function counsellorWithFactors() {
    const created = await addStaff(t, plan, 'counsellor', { name: 'Lise Låst' });
    const { email } = created.user;
    // The account's invitation, request and approval are e-mailed to its owner first (in any order);
    // the mails the tests look for come after all three.
    for (const subject of [/^Invitation/i, /afventer godkendelse$/, / er godkendt$/]) await smtp.mailWithSubject(email, subject);
    const mailsAtStart = smtp.mails.length;
    const mailsToUserAtStart = smtp.count(email);
    const first = await post('/auth/login', { email, password: STAFF_PASSWORD }).expect(200);
    const app = await post('/auth/mfa/totp/enrol', { mfaToken: first.body.mfaToken }).expect(200);
    const enrolled = await post('/auth/mfa/totp/confirm', { mfaToken: first.body.mfaToken, code: await generate({ secret: app.body.secret }) }).expect(200);
    const key = new SoftwareAuthenticator();
    const options = await post('/auth/mfa/passkey/register/options', {}, enrolled.body.accessToken).expect(200);
    await post('/auth/mfa/passkey/register', { response: key.register(options.body) }, enrolled.body.accessToken).expect(200);
    return { id: created.user.id, email, mailsAtStart, mailsToUserAtStart, secret: app.body.secret as string, key, recoveryCodes: enrolled.body.recoveryCodes as string[] };
  }

  type User = Awaited<ReturnType<typeof counsellorWithFactors>>;
  const mfaToken = async (user: User) => (await post('/auth/login', { email: user.email, password: STAFF_PASSWORD }).expect(200)).body.mfaToken as string;
  /** A six-digit code that is not the app's now, nor half a minute either side. */
  async function wrongCode(secret: string): Promise<string> {
    const near = await Promise.all([-30, 0, 30].map((s) => generate({ secret, epoch: Math.floor(Date.now() / 1000) + s })));
    let code = '000000';
    while (near.includes(code)) code = String(Number(code) + 1).padStart(6, '0');
    return code;
  }
  const wrongTotp = async (user: User) => post('/auth/mfa/totp', { mfaToken: await mfaToken(user), code: await wrongCode(user.secret) });
  const wrongRecoveryCode = async (user: User) => post('/auth/mfa/recovery', { mfaToken: await mfaToken(user), code: 'zzzz-zzzz-zzzz-zzzz' });
  async function forgedPasskey(user: User) {
    const token = await mfaToken(user);
    const options = await post('/auth/mfa/passkey/options', { mfaToken: token }).expect(200);
    return post('/auth/mfa/passkey', { mfaToken: token, response: user.key.authenticate(options.body, { origin: 'https://helhedsplan.evil.example' }) });
  }
  /** The app's last accepted time step moves back, as if the next code were half a minute later. */
  const halfAMinuteLater = (userId: string) => db.query(`UPDATE mfa_totp SET last_time_step = last_time_step - 2 WHERE user_id = $1`, [userId]);
  const stateOf = async (userId: string) => (await db.query(`SELECT failures, locked_at IS NOT NULL AS locked FROM mfa_user_state WHERE user_id = $1`, [userId])).rows[0];

  it('locks after ten wrong codes, recovery codes and passkey answers in a row, e-mails the user, audits it, and refuses even the right code', async () => {
    const user = await counsellorWithFactors();
    const statuses: number[] = [];
    for (let i = 0; i < 4; i += 1) statuses.push((await wrongTotp(user)).status);
    for (let i = 0; i < 3; i += 1) statuses.push((await wrongRecoveryCode(user)).status);
    for (let i = 0; i < 2; i += 1) statuses.push((await forgedPasskey(user)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 401, 401, 401, 401]);
    expect(await stateOf(user.id)).toEqual({ failures: 9, locked: false });

    const tenth = await forgedPasskey(user);
    expect([tenth.status, tenth.body.code]).toEqual([403, 'mfa_locked']);
    expect(tenth.body.detail).toMatch(/ask your leader/);
    expect(await stateOf(user.id)).toEqual({ failures: 10, locked: true });

    const mail = await smtp.mailTo(user.email, user.mailsAtStart);
    expect(mail.subject).toBe('Din anden faktor er spærret');
    expect(mail.text).toMatch(/Bed din leder om at nulstille/);

    // The right code, a recovery code, the passkey: all refused now, and the password step says so at once.
    const token = await post('/auth/login', { email: user.email, password: STAFF_PASSWORD });
    expect([token.status, token.body.code]).toEqual([403, 'mfa_locked']);
    const locked = await db.query(`SELECT details FROM audit_events WHERE action = 'auth.mfa_locked' AND entity_id = $1`, [user.id]);
    expect(locked.rows).toEqual([{ details: expect.objectContaining({ outcome: 'locked', method: 'passkey', provider: 'local', userAgent: 'Gaetter/1.0 (test)', address: expect.stringMatching(/^198\.51\.100\./) }) }]);
    expect(await db.count(`audit_events WHERE action = 'auth.login_refused' AND entity_id = $1 AND details->>'reason' = 'mfa_locked'`, [user.id])).toBe(1);
  });

  it('refuses the right code and a recovery code once locked, until the leader resets the factor, which the user is told of', async () => {
    const user = await counsellorWithFactors();
    // A challenge from before the lock, answered after it.
    const before = await mfaToken(user);
    for (let i = 0; i < 10; i += 1) await wrongTotp(user);
    await halfAMinuteLater(user.id);
    const right = await post('/auth/mfa/totp', { mfaToken: before, code: await generate({ secret: user.secret }) });
    expect([right.status, right.body.code]).toEqual([403, 'mfa_locked']);
    const recovery = await post('/auth/mfa/recovery', { mfaToken: before, code: user.recoveryCodes[0] });
    expect([recovery.status, recovery.body.code]).toEqual([403, 'mfa_locked']);
    expect(await db.count(`mfa_recovery_codes WHERE user_id = $1 AND used_at IS NOT NULL`, [user.id])).toBe(0);

    await smtp.mailTo(user.email, user.mailsAtStart);
    const mailsBefore = smtp.mails.length;
    await post(`/users/${user.id}/mfa/reset`, {}, plan.leader.token).expect(204);
    const mail = await smtp.mailTo(user.email, mailsBefore);
    expect(mail.subject).toBe('Din anden faktor er nulstillet');
    expect(await stateOf(user.id)).toEqual({ failures: 0, locked: false });
    // The password went with the factor (test/e2e/mfa-reset.e2e-spec.ts): the e-mailed link sets a new one, and the user enrols.
    const old = await post('/auth/login', { email: user.email, password: STAFF_PASSWORD });
    expect([old.status, old.body.code]).toEqual([401, 'invalid_credentials']);
    const next = await post('/auth/password-resets/complete', { token: passwordResetToken(mail), password: 'fjernsyn blomsterkasse regnvejr' }).expect(200);
    expect(next.body.status).toBe('mfa_enrolment_required');
  });

  it('starts the count again after a right code, so a user who mistypes now and then is never locked', async () => {
    const user = await counsellorWithFactors();
    for (let round = 0; round < 2; round += 1) {
      for (let i = 0; i < 9; i += 1) expect((await wrongTotp(user)).status).toBe(401);
      await halfAMinuteLater(user.id);
      await post('/auth/mfa/totp', { mfaToken: await mfaToken(user), code: await generate({ secret: user.secret }) }).expect(200);
    }
    expect(await stateOf(user.id)).toEqual({ failures: 0, locked: false });
  });

  it('answers 401, not 500, when the server\'s clock was stepped back past the last accepted code, and does not count it as a guess', async () => {
    const user = await counsellorWithFactors();
    // The last code was accepted an hour "ahead" of the clock as it is now.
    await db.query(`UPDATE mfa_totp SET last_time_step = floor(extract(epoch FROM now()) / 30) + 120 WHERE user_id = $1`, [user.id]);
    const res = await post('/auth/mfa/totp', { mfaToken: await mfaToken(user), code: await generate({ secret: user.secret }) });
    expect([res.status, res.body.code]).toEqual([401, 'mfa_code_invalid']);
    expect((await stateOf(user.id)).failures).toBe(0);
    // A recovery code still signs in meanwhile.
    await post('/auth/mfa/recovery', { mfaToken: await mfaToken(user), code: user.recoveryCodes[0] }).expect(200);
  });

  it('makes a guesser wait no longer than the back-off that was set when the clock was stepped back an hour', async () => {
    const throttle = t.app.get(LoginThrottle);
    const account = `mfa:${randomBytes(8).toString('hex')}`;
    const start = Date.now();
    // Five free attempts; the fifth sets a one-second back-off, the sixth (after it) a two-second one.
    for (let i = 0; i < 5; i += 1) await throttle.begin(account, '198.51.100.250', start);
    await throttle.begin(account, '198.51.100.250', start + 1_500);
    const refusal = await throttle.begin(account, '198.51.100.250', start + 1_500 - 3_600_000).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(TooManyRequests);
    expect((refusal as TooManyRequests).retryAfterSeconds).toBeLessThanOrEqual(2);
  });

  it('resets only after a recent sign-in of the leader (step-up), and e-mails the user', async () => {
    const user = await counsellorWithFactors();
    const jwt = t.app.get(JwtService);
    const claims = jwt.decode(plan.leader.token) as Record<string, unknown>;
    const anHourAgo = Math.floor(Date.now() / 1000) - 3600;
    const stale = await jwt.signAsync({ sub: claims.sub, sid: claims.sid, role: claims.role, amr: claims.amr, auth_time: anHourAgo }, { expiresIn: 900, issuer: JWT_ISSUER, audience: JWT_AUDIENCE });
    const refused = await post(`/users/${user.id}/mfa/reset`, {}, stale);
    expect([refused.status, refused.body.code]).toEqual([401, 'step_up_required']);
    expect(await db.count(`mfa_totp WHERE user_id = $1`, [user.id])).toBe(1);

    expect(smtp.count(user.email)).toBe(user.mailsToUserAtStart);
    await post(`/users/${user.id}/mfa/reset`, {}, plan.leader.token).expect(204);
    const mail = await smtp.mailTo(user.email, user.mailsAtStart);
    expect(mail.subject).toBe('Din anden faktor er nulstillet');
    expect(mail.text).toMatch(/kontakt din leder med det samme/);
    const reset = await db.query(`SELECT details FROM audit_events WHERE action = 'user.mfa_reset' AND entity_id = $1`, [user.id]);
    expect(reset.rows).toEqual([{ details: expect.objectContaining({ outcome: 'changed', address: expect.any(String) }) }]);
  });
});
