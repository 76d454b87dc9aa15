import { generate } from 'otplib';
import { addStaff, createPlan, type PlanFixture } from '../support/fixtures';
import { ownerDatabase } from '../support/owner-database';
import { PasskeySignIn } from '../support/passkey-sign-in';
import { SoftwareAuthenticator } from '../support/software-authenticator';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * The enrolment challenge of a sign-in (`mfa_enrolment_required`) is for a user with no second
 * factor: once any factor is added, every other enrolment challenge of the user is over, even one
 * begun before, and even when both are answered at the same moment. A signed-in user may still add
 * further factors with a bearer token (test/e2e/mfa-passkeys.e2e-spec.ts).
 */
describe('enrolment challenges of a user who enrolled meanwhile', () => {
  let t: TestApp;
  let plan: PlanFixture;
  let flow: PasskeySignIn;
  const db = ownerDatabase();

  beforeAll(async () => {
    t = await createTestApp({ mfaRequiredRoles: ['counsellor'] });
    plan = await createPlan(t, 'Tilmelding');
    flow = new PasskeySignIn(t);
  });
  afterAll(() => t.close());

  async function counsellor(): Promise<{ id: string; email: string }> {
    const { id, email } = (await addStaff(t, plan, 'counsellor', { name: 'Rikke Rådgiver' })).user;
    return { id, email };
  }

  /** Two sign-ins with the password before the user enrols: both are told to enrol. */
  async function twoEnrolmentChallenges(email: string): Promise<[string, string]> {
    const first = await flow.password(email);
    const second = await flow.password(email);
    expect([first.status, second.status]).toEqual(['mfa_enrolment_required', 'mfa_enrolment_required']);
    return [first.mfaToken, second.mfaToken];
  }

  const factorsOf = async (userId: string) => ({
    passkeys: await db.count(`mfa_passkeys WHERE user_id = $1`, [userId]),
    apps: await db.count(`mfa_totp WHERE user_id = $1 AND confirmed_at IS NOT NULL`, [userId]),
  });

  it('refuses a passkey from the second challenge once the first has enrolled an authenticator app, and that passkey does not sign in', async () => {
    const user = await counsellor();
    const [first, second] = await twoEnrolmentChallenges(user.email);
    // The second challenge asked for its passkey's options before the app was enrolled.
    const options = await flow.post('/auth/mfa/passkey/register/options', { mfaToken: second });
    expect(options.status).toBe(200);

    const app = await flow.post('/auth/mfa/totp/enrol', { mfaToken: first });
    await flow.post('/auth/mfa/totp/confirm', { mfaToken: first, code: await generate({ secret: app.body.secret }) }).expect(200);

    const thief = new SoftwareAuthenticator();
    const registered = await flow.post('/auth/mfa/passkey/register', { mfaToken: second, response: thief.register(options.body) });
    expect([registered.status, registered.body.code, registered.body.accessToken]).toEqual([401, 'mfa_enrolment_closed', undefined]);
    const again = await flow.post('/auth/mfa/passkey/register/options', { mfaToken: second });
    expect([again.status, again.body.code]).toEqual([401, 'mfa_enrolment_closed']);
    expect(await factorsOf(user.id)).toEqual({ passkeys: 0, apps: 1 });

    // The next sign-in asks for the app, and the thief's key proves nothing.
    const next = await flow.password(user.email);
    expect(next).toMatchObject({ status: 'mfa_required', methods: ['totp', 'recovery_code'] });
    const refused = await flow.post('/auth/mfa/passkey/options', { mfaToken: next.mfaToken });
    expect([refused.status, refused.body.code]).toEqual([409, 'mfa_not_enrolled']);
    expect(await db.count(`audit_events WHERE action = 'auth.mfa_failed' AND entity_id = $1 AND details->>'reason' = 'mfa_enrolment_closed'`, [user.id])).toBe(2);
  });

  it('refuses an authenticator app from the second challenge once the first has registered a passkey', async () => {
    const user = await counsellor();
    const [first, second] = await twoEnrolmentChallenges(user.email);
    expect((await flow.register(new SoftwareAuthenticator(), { mfaToken: first })).status).toBe(200);
    const app = await flow.post('/auth/mfa/totp/enrol', { mfaToken: second });
    expect([app.status, app.body.code]).toEqual([401, 'mfa_enrolment_closed']);
    expect(await factorsOf(user.id)).toEqual({ passkeys: 1, apps: 0 });
  });

  it('lets exactly one of two enrolments answered at the same moment with two challenges win', async () => {
    for (let round = 0; round < 4; round += 1) {
      const user = await counsellor();
      const [first, second] = await twoEnrolmentChallenges(user.email);
      const options = await flow.post('/auth/mfa/passkey/register/options', { mfaToken: second });
      const app = await flow.post('/auth/mfa/totp/enrol', { mfaToken: first });
      const code = await generate({ secret: app.body.secret });
      const answers = await Promise.all([
        flow.post('/auth/mfa/totp/confirm', { mfaToken: first, code }),
        flow.post('/auth/mfa/passkey/register', { mfaToken: second, response: new SoftwareAuthenticator().register(options.body) }),
      ]);
      expect(answers.map((a) => a.status).sort()).toEqual([200, 401]);
      expect(answers.find((a) => a.status === 401)?.body.code).toBe('mfa_enrolment_closed');
      const factors = await factorsOf(user.id);
      expect(factors.passkeys + factors.apps).toBe(1);
      expect(await db.count(`mfa_recovery_codes WHERE user_id = $1`, [user.id])).toBe(10);
    }
  });
});
