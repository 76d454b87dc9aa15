import { addStaff, expectStatus, STAFF_PASSWORD } from '../support/fixtures';
import { ownerDatabase } from '../support/owner-database';
import { APP_ROLES, approveAccountOf, exchange, oidcWorld, person, RETURN_URL, signIn } from '../support/oidc-provider-world';
import { invitationToken } from '../support/smtp-catcher';
import { API } from '../support/test-app';

/**
 * Single sign-on with OpenID Connect, against a real OpenID Provider shaped like Entra ID: who gets
 * in, as what, and to which plan. The provider proves who the person is (issuer and `oid`); the
 * providers file maps its app roles to ours and its tenant to a plan; an account is never linked by
 * e-mail.
 */
describe('single sign-on with OpenID Connect: who gets in, as what', () => {
  const world = oidcWorld();
  const db = ownerDatabase();

  /** The plan as the fixtures' addStaff takes it, with callers of this app. */
  const plan = () => ({ planId: world().plan.planId, admin: world().admin, leader: world().leader });
  const me = (accessToken: string) => world().t.http().get(`${API}/me`).set('Authorization', `Bearer ${accessToken}`);
  const identitiesOf = (oid: string) => db.count('external_identities WHERE subject = $1', [oid]);
  const auditActions = async (entityId: string) => (await db.query(`SELECT action FROM audit_events WHERE entity_id = $1 ORDER BY id`, [entityId])).rows.map((r) => r.action as string);

  /** Signs in and exchanges the code; the exchange's answer. */
  async function signedInOnce(providerId: string, login: string, invitation?: string) {
    const outcome = await signIn(world(), providerId, login, { invitation });
    expect(outcome).toMatchObject({ location: expect.stringMatching(new RegExp(`^${RETURN_URL}#code=`)) });
    return (await exchange(world(), outcome.code).expect(200)).body;
  }

  /** Signs in; an account that waits for approval of its role (issue 20) is approved by the admin and signed in again. */
  async function signedIn(providerId: string, login: string, invitation?: string) {
    const answer = await signedInOnce(providerId, login, invitation);
    if (answer.status !== 'approval_pending') return answer;
    await approveAccountOf(world(), world().op.accounts.get(login)!.email);
    return signedInOnce(providerId, login);
  }

  it('lists the configured providers for the sign-in page', async () => {
    const res = await world().t.http().get(`${API}/auth/providers`).expect(200);
    expect(res.body).toContainEqual({ id: 'aab', displayName: 'Test aab', kind: 'oidc' });
    expect(res.body).toHaveLength(5);
  });

  it('creates the account just in time from the provider\'s plan mapping, with the provider\'s role and no password, once a second person approves it', async () => {
    const helle = person(world().op);
    expect(await signedInOnce('aab', helle.login)).toEqual({ status: 'approval_pending' });
    const waiting = (await world().admin.get(`/plans/${world().plan.planId}/users?limit=200`)).body.items.find((u: { email: string }) => u.email === helle.email);
    expect(waiting).toMatchObject({ status: 'awaiting_approval', pendingRole: 'counsellor', pendingApproval: { requestedBy: null } });
    expect(await signedInOnce('aab', helle.login)).toEqual({ status: 'approval_pending' });
    await approveAccountOf(world(), helle.email);
    const tokens = await signedInOnce('aab', helle.login);
    const profile = (await me(tokens.accessToken).expect(200)).body;
    expect(profile).toMatchObject({ email: helle.email, name: helle.name, role: 'counsellor', planId: world().plan.planId, organisationId: null });
    expect(await identitiesOf(helle.oid)).toBe(1);
    const [user] = (await db.query(`SELECT password_hash FROM users WHERE id = $1`, [profile.id])).rows;
    expect(user.password_hash).toBeNull();
    // The account has no password to guess.
    expect((await world().t.http().post(`${API}/auth/login`).send({ email: helle.email, password: STAFF_PASSWORD })).status).toBe(401);
    expect(await auditActions(profile.id)).toEqual(expect.arrayContaining(['user.created', 'user.approval_requested.none.counsellor', 'auth.login_awaiting_approval', 'user.approval_granted', 'auth.login_succeeded']));
  });

  it('signs a linked person in again as the same user, and applies a role the provider changed once it is approved, ending the old sessions then', async () => {
    const helle = person(world().op);
    const first = await signedIn('aab', helle.login);
    const id = (await me(first.accessToken).expect(200)).body.id;

    const again = await signedIn('aab', helle.login);
    expect((await me(again.accessToken).expect(200)).body).toMatchObject({ id, role: 'counsellor' });
    expect(await identitiesOf(helle.oid)).toBe(1);
    expect(await db.count('users WHERE lower(email) = $1', [helle.email])).toBe(1);

    world().op.accounts.set(helle.login, { ...helle, roles: [APP_ROLES.leader] });
    const asked = await signedIn('aab', helle.login);
    expect((await me(asked.accessToken).expect(200)).body).toMatchObject({ id, role: 'counsellor' });
    expect((await world().admin.get(`/users/${id}`)).body).toMatchObject({ role: 'counsellor', pendingRole: 'leader' });
    expect((await me(again.accessToken)).status).toBe(200);
    await approveAccountOf(world(), helle.email);
    expect((await me(again.accessToken)).status).toBe(401);
    const promoted = await signedIn('aab', helle.login);
    expect((await me(promoted.accessToken).expect(200)).body).toMatchObject({ id, role: 'leader' });
    expect(await auditActions(id)).toEqual(expect.arrayContaining(['user.approval_requested.counsellor.leader', 'user.role_changed.counsellor.leader']));
  });

  it('refuses a person with no mapped role, and audits the refusal under the plan', async () => {
    const outsider = person(world().op, { roles: ['Some.Other.App'] });
    expect(await signIn(world(), 'aab', outsider.login)).toMatchObject({ error: 'sso_no_role', code: undefined });
    expect(await db.count('users WHERE lower(email) = $1', [outsider.email])).toBe(0);
    expect(await db.count(`audit_events WHERE plan_id = $1 AND action = 'auth.sso_refused.sso_no_role'`, [world().plan.planId])).toBeGreaterThan(0);
  });

  it('refuses a person whose provider roles map to two of ours, since a user has one role', async () => {
    const both = person(world().op, { roles: [APP_ROLES.counsellor, APP_ROLES.leader] });
    expect(await signIn(world(), 'aab', both.login)).toMatchObject({ error: 'sso_ambiguous_role' });
  });

  it('refuses a person the provider maps to no plan when they have no invitation', async () => {
    const helle = person(world().op);
    expect(await signIn(world(), 'invite-only', helle.login)).toMatchObject({ error: 'sso_no_plan' });
    expect(await identitiesOf(helle.oid)).toBe(0);
  });

  it('links the identity to the invitee of an invitation link, in the invitation\'s plan with the provider\'s role', async () => {
    const nina = person(world().op, { roles: [APP_ROLES.socialWorker] });
    const invited = await world().leader.post(`/plans/${world().plan.planId}/users`, { email: 'nina.sso@test.dk', name: 'Nina Ny', role: 'social_worker' });
    expectStatus(invited, 201, 'invite');
    const token = invitationToken(await world().smtp.mailTo('nina.sso@test.dk'));

    // A social worker reads a compartment's notes: the leader's invitation waits for a second person once accepted.
    expect(await signedInOnce('invite-only', nina.login, token)).toEqual({ status: 'approval_pending' });
    await approveAccountOf(world(), 'nina.sso@test.dk');
    const tokens = await signedInOnce('invite-only', nina.login);
    expect((await me(tokens.accessToken).expect(200)).body).toMatchObject({ email: 'nina.sso@test.dk', role: 'social_worker', planId: world().plan.planId });
    expect(await identitiesOf(nina.oid)).toBe(1);
    const listed = await world().leader.get('/invitations?status=accepted');
    expect(listed.body.items.map((i: { id: string }) => i.id)).toContain(invited.body.id);
    // The link is used up; the person signs in by the provider from now on.
    expect(await signIn(world(), 'invite-only', person(world().op).login, { invitation: token })).toMatchObject({ error: 'invitation_invalid' });
    expect(await signedIn('invite-only', nina.login)).toHaveProperty('accessToken');
  });

  it('never links an existing account by e-mail: a person whose e-mail has an unlinked account is refused', async () => {
    const email = 'kasper.kendt@test.dk';
    await addStaff(world().t, plan(), 'counsellor', { email, name: 'Kasper Kendt' });
    const kasper = person(world().op, { email });
    expect(await signIn(world(), 'aab', kasper.login)).toMatchObject({ error: 'sso_account_exists' });
    expect(await identitiesOf(kasper.oid)).toBe(0);
  });

  it('lets a signed-in user with a password account link it to their provider identity, once, and never someone else\'s', async () => {
    const email = 'karen.kendt@test.dk';
    const provisioned = { body: { id: (await addStaff(world().t, plan(), 'counsellor', { email, name: 'Karen Kendt' })).user.id } };
    const karen = person(world().op, { email });
    const password = await world().t.http().post(`${API}/auth/login`).send({ email, password: STAFF_PASSWORD }).expect(200);
    const link = await world().t.http().post(`${API}/auth/sso/aab/link`).set('Authorization', `Bearer ${password.body.accessToken}`).send({}).expect(200);
    const loginUrl = new URL(link.body.loginUrl);
    expect(loginUrl.pathname).toBe(`${API}/auth/sso/aab/login`);
    const token = loginUrl.searchParams.get('link') as string;

    const linked = await signIn(world(), 'aab', karen.login, { link: token });
    const tokens = (await exchange(world(), linked.code).expect(200)).body;
    expect((await me(tokens.accessToken)).body.id).toBe(provisioned.body.id);
    expect(await auditActions(provisioned.body.id)).toContain('auth.login_succeeded');
    // The next sign-in needs no link: the identity is Karen's now; her password is gone (issue 20: a leaver disabled at the provider is out).
    expect((await me((await signedIn('aab', karen.login)).accessToken)).body.id).toBe(provisioned.body.id);
    expect((await world().t.http().post(`${API}/auth/login`).send({ email, password: STAFF_PASSWORD })).status).toBe(401);
    expect(await auditActions(provisioned.body.id)).toContain('user.password_removed');

    // A link works once; and an identity linked to Karen cannot be linked to a colleague's account.
    expect(await signIn(world(), 'aab', karen.login, { link: token })).toMatchObject({ error: 'sso_link_invalid' });
    const colleague = await world().t.http().post(`${API}/auth/login`).send({ email: world().plan.leader.user.email, password: STAFF_PASSWORD }).expect(200);
    const colleagueLink = await world().t.http().post(`${API}/auth/sso/aab/link`).set('Authorization', `Bearer ${colleague.body.accessToken}`).send({}).expect(200);
    const stolen = new URL(colleagueLink.body.loginUrl).searchParams.get('link') as string;
    expect(await signIn(world(), 'aab', karen.login, { link: stolen })).toMatchObject({ error: 'sso_identity_in_use' });
    expect(await db.count('external_identities WHERE subject = $1', [karen.oid])).toBe(1);
  });

  it('does not link the same e-mail from another issuer, or another subject of the same issuer, to a linked account', async () => {
    const helle = person(world().op);
    const id = (await me((await signedIn('aab', helle.login)).accessToken)).body.id;
    // The same oid and e-mail in another tenant is someone else as far as we can know.
    const twin = person(world().otherOp, { oid: helle.oid, email: helle.email });
    expect(await signIn(world(), 'other-tenant', twin.login)).toMatchObject({ error: 'sso_account_exists' });
    const sameIssuer = person(world().op, { email: helle.email });
    expect(await signIn(world(), 'aab', sameIssuer.login)).toMatchObject({ error: 'sso_account_exists' });
    expect(await db.count('external_identities WHERE user_id = $1', [id])).toBe(1);
  });

  it('keeps a linked account\'s password where the plan says so (plan setting ssoKeepsLocalPassword)', async () => {
    const settings = (await world().leader.get(`/plans/${world().plan.planId}/settings`)).body;
    expectStatus(await world().leader.put(`/plans/${world().plan.planId}/settings`, { ...settings, ssoKeepsLocalPassword: true }), 200, 'keep passwords');
    try {
      const email = 'kirsten.kendt@test.dk';
      const kirsten = await addStaff(world().t, plan(), 'counsellor', { email, name: 'Kirsten Kendt' });
      const link = await kirsten.post('/auth/sso/aab/link').expect(200);
      const linked = await signIn(world(), 'aab', person(world().op, { email }).login, { link: new URL(link.body.loginUrl).searchParams.get('link') as string });
      expect((await exchange(world(), linked.code).expect(200)).body).toHaveProperty('accessToken');
      expect((await world().t.http().post(`${API}/auth/login`).send({ email, password: STAFF_PASSWORD })).status).toBe(200);
    } finally {
      await world().leader.put(`/plans/${world().plan.planId}/settings`, { ...settings, ssoKeepsLocalPassword: false });
    }
  });

  it('refuses a deactivated user whatever the provider says', async () => {
    const helle = person(world().op);
    const id = (await me((await signedIn('aab', helle.login)).accessToken)).body.id;
    expectStatus(await world().leader.patch(`/users/${id}`, { active: false }), 200, 'deactivate');
    expect(await signIn(world(), 'aab', helle.login)).toMatchObject({ error: 'sso_account_inactive' });
  });

  it('refuses to turn a linked caseworker into the plan\'s own staff when the provider\'s role changes', async () => {
    const kim = person(world().op, { roles: [APP_ROLES.caseworker], amr: ['pwd', 'mfa'] });
    const tokens = await signedIn('kommune', kim.login);
    expect((await me(tokens.accessToken).expect(200)).body).toMatchObject({ role: 'caseworker', organisationId: world().plan.organisations.jobcenter });
    world().op.accounts.set(kim.login, { ...kim, roles: [APP_ROLES.counsellor] });
    expect(await signIn(world(), 'kommune', kim.login)).toMatchObject({ error: 'sso_role_conflict' });
  });

  it('refuses a just-in-time account whose role does not fit the mapped organisation', async () => {
    const counsellorAtJobcenter = person(world().op, { roles: [APP_ROLES.counsellor] });
    expect(await signIn(world(), 'kommune', counsellorAtJobcenter.login)).toMatchObject({ error: 'sso_role_conflict' });
  });
});
