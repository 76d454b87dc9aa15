import { randomBytes } from 'node:crypto';
import { addStaff, createPlan, STAFF_PASSWORD, type PlanFixture } from '../support/fixtures';
import { ownerDatabase } from '../support/owner-database';
import { claimsOf, PasskeySignIn } from '../support/passkey-sign-in';
import { SoftwareAuthenticator, type AuthenticationAnswer } from '../support/software-authenticator';
import { API, createTestApp, type TestApp } from '../support/test-app';

/**
 * Passkeys (WebAuthn) as the second factor of a staff sign-in: registered at the sign-in of a user
 * who must have one, or later by a signed-in user; every answer the API cannot verify is a 401
 * `passkey_invalid`, and a malformed one a 400, never a 500. The authenticator is software
 * (test/support/software-authenticator.ts), signing exactly as a security key does.
 */
describe('passkeys as the second factor', () => {
  let t: TestApp;
  let plan: PlanFixture;
  let flow: PasskeySignIn;
  const db = ownerDatabase();

  beforeAll(async () => {
    t = await createTestApp({ mfaRequiredRoles: ['counsellor', 'social_worker', 'caseworker'] });
    plan = await createPlan(t, 'Nøgler');
    flow = new PasskeySignIn(t);
  });
  afterAll(() => t.close());

  async function staff(role = 'counsellor'): Promise<{ id: string; email: string }> {
    const user = await addStaff(t, plan, role, { email: `${role}-${randomBytes(4).toString('hex')}@test.dk`, name: 'Nina Nøgle' });
    return { id: user.user.id, email: user.user.email };
  }

  /** A counsellor who has enrolled `key` at a first sign-in. */
  async function counsellorWithPasskey(key = new SoftwareAuthenticator()) {
    const user = await staff();
    const enrolled = await flow.enrolAtSignIn(user.email, key);
    return { ...user, key, enrolled };
  }

  const get = (path: string, token: string) => t.http().get(API + path).set('Authorization', `Bearer ${token}`);
  const auditActions = async (userId: string) =>
    (await db.query(`SELECT action FROM audit_events WHERE actor_id = $1 OR entity_id = $1 ORDER BY id`, [userId])).rows.map((r) => r.action as string);
  const expectRefused = (res: { status: number; body: { code?: string } }, code = 'passkey_invalid') => {
    expect({ status: res.status, code: res.body.code }).toEqual({ status: 401, code });
  };

  it('enrols a passkey at the first sign-in of a counsellor who must use a second factor, with tokens and ten recovery codes', async () => {
    const { id, enrolled } = await counsellorWithPasskey();
    expect(enrolled.recoveryCodes).toHaveLength(10);
    expect(claimsOf(enrolled.accessToken).amr).toEqual(expect.arrayContaining(['pwd', 'hwk']));
    expect((await get('/me', enrolled.accessToken)).status).toBe(200);
    expect((await get('/auth/mfa', enrolled.accessToken)).body).toMatchObject({ methods: ['passkey'], recoveryCodesLeft: 10, required: true });
    const listed = await get('/auth/mfa/passkeys', enrolled.accessToken);
    expect(listed.body).toEqual({ items: [expect.objectContaining({ name: 'Passkey', lastUsedAt: null })], nextCursor: null });
    expect(await auditActions(id)).toEqual(expect.arrayContaining(['user.mfa_enrolled.passkey', 'auth.login_succeeded']));
  });

  it('asks for the passkey at the next sign-in, offers it by id, and signs in with it', async () => {
    const { email, key, enrolled } = await counsellorWithPasskey();
    const step = await flow.password(email);
    expect(step).toMatchObject({ status: 'mfa_required', methods: ['passkey', 'recovery_code'] });
    const options = await flow.options(step.mfaToken);
    expect(options.allowCredentials?.map((c) => c.id)).toEqual([key.id]);
    const res = await flow.answer(step.mfaToken, key.authenticate(options));
    expect(res.status).toBe(200);
    expect(claimsOf(res.body.accessToken).amr).toEqual(expect.arrayContaining(['pwd', 'hwk']));
    const listed = await get('/auth/mfa/passkeys', res.body.accessToken);
    expect(listed.body.items[0].lastUsedAt).not.toBeNull();
    // The mfaToken completed its sign-in: it neither asks again nor opens a second session.
    expectRefused(await flow.post('/auth/mfa/passkey/options', { mfaToken: step.mfaToken }), 'mfa_token_invalid');
    expectRefused(await flow.answer(step.mfaToken, key.authenticate(options)), 'mfa_token_invalid');
    expect((await get('/me', enrolled.accessToken)).status).toBe(200);
  });

  it('refuses an answer made for another site, and writes the failure in the audit log', async () => {
    const { id, email, key } = await counsellorWithPasskey();
    expectRefused(await flow.signIn(email, key, { origin: 'https://helhedsplan.evil.example' }));
    expectRefused(await flow.signIn(email, key, { rpId: 'evil.example' }));
    expect((await auditActions(id)).filter((a) => a === 'auth.mfa_failed')).toHaveLength(2);
  });

  it('refuses an answer to a challenge the API did not give, to one answered before, and to another sign-in\'s', async () => {
    const { email, key } = await counsellorWithPasskey();
    expectRefused(await flow.signIn(email, key, { challenge: randomBytes(32).toString('base64url') }));

    const { mfaToken } = await flow.password(email);
    const options = await flow.options(mfaToken);
    expectRefused(await flow.answer(mfaToken, key.authenticate(options, { origin: 'https://evil.example' })));
    // The failed answer used the challenge up; the right answer to it comes too late.
    expectRefused(await flow.answer(mfaToken, key.authenticate(options)));

    const first = await flow.password(email);
    const second = await flow.password(email);
    const firstOptions = await flow.options(first.mfaToken);
    expectRefused(await flow.answer(second.mfaToken, key.authenticate(firstOptions)));
  });

  it('refuses a signature by another key that claims the passkey\'s id', async () => {
    const { email, key } = await counsellorWithPasskey();
    const forger = new SoftwareAuthenticator({ credentialId: key.credentialId });
    expectRefused(await flow.signIn(email, forger));
    expect((await flow.signIn(email, key)).status).toBe(200);
  });

  it('refuses another user\'s passkey, however well it signs', async () => {
    const alice = await counsellorWithPasskey();
    const bob = await counsellorWithPasskey();
    expectRefused(await flow.signIn(alice.email, bob.key));
  });

  it('refuses a cloned authenticator: a signature counter that did not go up', async () => {
    const { email, key } = await counsellorWithPasskey();
    const clone = key.clone();
    expect((await flow.signIn(email, key)).status).toBe(200);
    expectRefused(await flow.signIn(email, clone));
    expectRefused(await flow.signIn(email, key, { signCount: 0 }));
    expect((await flow.signIn(email, key)).status).toBe(200);

    // The clone and the original answer at the same moment with the same counter: one gets in.
    const racer = key.clone();
    const answers = await Promise.all(
      [key, racer].map(async (authenticator) => {
        const { mfaToken } = await flow.password(email);
        return [mfaToken, authenticator.authenticate(await flow.options(mfaToken))] as const;
      }),
    );
    const statuses = await Promise.all(answers.map(([mfaToken, answer]) => flow.answer(mfaToken, answer).then((res) => res.status)));
    expect(statuses.sort()).toEqual([200, 401]);
  });

  it('answers a malformed answer with 400 naming the field', async () => {
    const { email, key } = await counsellorWithPasskey();
    const { mfaToken } = await flow.password(email);
    const good = key.authenticate(await flow.options(mfaToken));
    const malformed: [object, string][] = [
      [{ mfaToken }, 'response'],
      [{ mfaToken, response: 'a passkey' }, 'response'],
      [{ mfaToken, response: { ...good, type: 'password' } }, 'response.type'],
      [{ mfaToken, response: { ...good, id: 'A'.repeat(5000) } }, 'response.id'],
      [{ mfaToken, response: { ...good, id: 'abc\u0000' } }, 'response.id'],
      [{ mfaToken, response: { ...good, clientExtensionResults: undefined } }, 'response.clientExtensionResults'],
      [{ mfaToken, response: { ...good, response: { ...good.response, signature: 'not base64url!' } } }, 'response.response.signature'],
      [{ mfaToken, response: { ...good, response: { ...good.response, signature: 42 } } }, 'response.response.signature'],
      [{ mfaToken, response: { ...good, response: { ...good.response, extra: 'x' } } }, 'response.response.extra'],
      [{ mfaToken, response: { ...good, response: [good.response] } }, 'response.response'],
    ];
    for (const [body, field] of malformed) {
      const res = await flow.post('/auth/mfa/passkey', body);
      const fields = ((res.body.errors ?? []) as { field: string }[]).map((e) => e.field);
      expect({ field, status: res.status, fields }).toEqual({ field, status: 400, fields: expect.arrayContaining([field]) });
    }
    // The same challenge still stands: nothing malformed reached the verifier.
    expect((await flow.answer(mfaToken, good)).status).toBe(200);
  });

  it('refuses a well-formed answer whose content is forged or garbage with 401, never a 500', async () => {
    const garbage = randomBytes(64).toString('base64url');
    const forgeries: ((a: AuthenticationAnswer) => object)[] = [
      (a) => ({ ...a, response: { ...a.response, clientDataJSON: garbage } }),
      (a) => ({ ...a, response: { ...a.response, authenticatorData: garbage.slice(0, 10) } }),
      (a) => ({ ...a, response: { ...a.response, signature: garbage } }),
      (a) => ({ ...a, response: { ...a.response, signature: '' } }),
      (a) => ({ ...a, rawId: garbage }),
      (a) => ({ ...a, id: garbage, rawId: garbage }),
    ];
    for (const forge of forgeries) {
      // A user each, so that the failures stay below the throttle's free attempts.
      const { email, key } = await counsellorWithPasskey();
      const { mfaToken } = await flow.password(email);
      expectRefused(await flow.post('/auth/mfa/passkey', { mfaToken, response: forge(key.authenticate(await flow.options(mfaToken))) }));
    }

    const enrolling = await flow.password((await staff()).email);
    const options = await flow.post('/auth/mfa/passkey/register/options', { mfaToken: enrolling.mfaToken });
    const attestation = new SoftwareAuthenticator().register(options.body);
    const response = { ...attestation, response: { ...attestation.response, attestationObject: garbage } };
    expectRefused(await flow.post('/auth/mfa/passkey/register', { mfaToken: enrolling.mfaToken, response }));
  });

  it('refuses to register a passkey for an answer made for another site', async () => {
    const user = await staff();
    const { mfaToken } = await flow.password(user.email);
    expectRefused(await flow.register(new SoftwareAuthenticator(), { mfaToken }, { origin: 'https://evil.example' }));
    expect(await db.count('mfa_passkeys WHERE user_id = $1', [user.id])).toBe(0);
  });

  it('does not let a sign-in still waiting for its second factor register another passkey', async () => {
    const { email } = await counsellorWithPasskey();
    const { status, mfaToken } = await flow.password(email);
    expect(status).toBe('mfa_required');
    expectRefused(await flow.post('/auth/mfa/passkey/register/options', { mfaToken }), 'mfa_token_invalid');
    expectRefused(await flow.post('/auth/mfa/passkey/register', { mfaToken, response: new SoftwareAuthenticator().register({ challenge: 'x', rp: {} }) }), 'mfa_token_invalid');
    expectRefused(await flow.post('/auth/mfa/passkey/register/options', {}), 'unauthenticated');
  });

  it('lets a signed-in user add a second passkey with a fresh sign-in, which then signs in too', async () => {
    const { id, email, key, enrolled } = await counsellorWithPasskey();
    const options = await flow.post('/auth/mfa/passkey/register/options', {}, enrolled.accessToken);
    expect(options.body.excludeCredentials.map((c: { id: string }) => c.id)).toEqual([key.id]);

    const spare = new SoftwareAuthenticator();
    const added = await flow.register(spare, { bearer: enrolled.accessToken }, {}, 'Reservenøgle i skuffen');
    expect(added.status).toBe(200);
    // Signed in already and not the first factor: neither tokens nor new recovery codes.
    expect(added.body).toEqual({});
    expect((await get('/auth/mfa/passkeys', enrolled.accessToken)).body.items.map((p: { name: string }) => p.name)).toEqual(['Passkey', 'Reservenøgle i skuffen']);
    expect((await auditActions(id)).filter((a) => a === 'user.mfa_enrolled.passkey')).toHaveLength(2);
    expect((await flow.signIn(email, spare)).status).toBe(200);

    // The same authenticator is not registered twice.
    const again = await flow.register(spare, { bearer: enrolled.accessToken });
    expect({ status: again.status, code: again.body.code }).toEqual({ status: 409, code: 'passkey_already_registered' });
  });

  it('gives a user whose role need not use a second factor recovery codes with a first passkey', async () => {
    const leader = await staff('leader');
    const { accessToken } = (await flow.post('/auth/login', { email: leader.email, password: STAFF_PASSWORD })).body;
    const added = await flow.register(new SoftwareAuthenticator(), { bearer: accessToken });
    expect(added.status).toBe(200);
    expect(added.body.recoveryCodes).toHaveLength(10);
    expect(added.body.accessToken).toBeUndefined();
    expect((await flow.password(leader.email)).status).toBe('mfa_required');
  });

  it('removes one of your own passkeys after a fresh sign-in; it no longer signs in, and someone else\'s is not found', async () => {
    const owner = await counsellorWithPasskey();
    const other = await counsellorWithPasskey();
    const spare = new SoftwareAuthenticator();
    expect((await flow.register(spare, { bearer: owner.enrolled.accessToken })).status).toBe(200);
    const [first] = (await get('/auth/mfa/passkeys', owner.enrolled.accessToken)).body.items;
    const otherPasskey = (await get('/auth/mfa/passkeys', other.enrolled.accessToken)).body.items[0];

    const remove = (id: string, token: string) => t.http().delete(`${API}/auth/mfa/passkeys/${id}`).set('Authorization', `Bearer ${token}`);
    expect((await remove(otherPasskey.id, owner.enrolled.accessToken)).status).toBe(404);
    expect((await remove(first.id, owner.enrolled.accessToken)).status).toBe(204);
    expect((await remove(first.id, owner.enrolled.accessToken)).status).toBe(404);
    expect((await remove('not-an-id', owner.enrolled.accessToken)).status).toBe(400);

    expect((await get('/auth/mfa/passkeys', owner.enrolled.accessToken)).body.items).toHaveLength(1);
    expectRefused(await flow.signIn(owner.email, owner.key));
    expect((await flow.signIn(owner.email, spare)).status).toBe(200);
    expect((await flow.signIn(other.email, other.key)).status).toBe(200);
    expect(await auditActions(owner.id)).toContain('user.passkey_removed');
  });

  it('refuses to remove the last second factor of a counsellor, whose next sign-in would let whoever knows the password enrol one', async () => {
    const owner = await counsellorWithPasskey();
    const [only] = (await get('/auth/mfa/passkeys', owner.enrolled.accessToken)).body.items;
    const res = await t.http().delete(`${API}/auth/mfa/passkeys/${only.id}`).set('Authorization', `Bearer ${owner.enrolled.accessToken}`);
    expect([res.status, res.body.code]).toEqual([409, 'last_second_factor']);
    expect(await db.count(`mfa_passkeys WHERE user_id = $1`, [owner.id])).toBe(1);
    expect((await flow.password(owner.email)).status).toBe('mfa_required');
    expect(await auditActions(owner.id)).not.toContain('user.passkey_removed');
  });

  it('slows down repeated failed answers like wrong codes', async () => {
    const { email, key } = await counsellorWithPasskey();
    // Each answer to its own sign-in, prepared first: the answers then follow each other quickly.
    const attempts: [string, AuthenticationAnswer][] = [];
    for (let i = 0; i < 6; i++) {
      const { mfaToken } = await flow.password(email);
      attempts.push([mfaToken, key.authenticate(await flow.options(mfaToken), { origin: 'https://evil.example' })]);
    }
    const statuses: number[] = [];
    for (const [mfaToken, answer] of attempts) statuses.push((await flow.answer(mfaToken, answer)).status);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses[5]).toBe(429);
  });
});
