import { randomBytes, randomUUID } from 'node:crypto';
import { STAFF_PASSWORD } from '../support/fixtures';
import { ownerDatabase } from '../support/owner-database';
import { caseworker, RETURN_URL, samlAppWorld } from '../support/saml-app-world';
import { ALG } from '../support/saml-idp-crypto';
import { makeTestKeyPair } from '../support/self-signed-cert';
import { API } from '../support/test-app';

const SUCCESS = 'urn:oasis:names:tc:SAML:2.0:status:Success';

/**
 * SAML single logout with KOMBIT's Context Handler, both ways: a logout at the IdP ends our
 * sessions from that sign-in (verified, audited, answered), and a logout here ends the session at
 * once and sends the browser to log out at the IdP too.
 */
describe('single logout with KOMBIT\'s Context Handler (SAML)', () => {
  const saml = samlAppWorld();
  const { world } = saml;
  const db = ownerDatabase();

  const me = (accessToken: string) => saml.http().get(`${API}/me`).set('Authorization', `Bearer ${accessToken}`);
  const slo = (url: string) => saml.http().get(`${API}${new URL(url).pathname.slice(API.length)}${new URL(url).search}`);
  const logoutsAudited = async (userId: string) => db.count(`audit_events WHERE actor_id = $1 AND action = 'auth.sso_logout'`, [userId]);

  /** Two sign-ins of one person, each in its own IdP session. */
  async function twoSessions() {
    const person = caseworker();
    const first = `_${randomUUID()}`;
    const second = `_${randomUUID()}`;
    const sessions = [await saml.tokensOf(person, { sessionIndex: first }), await saml.tokensOf(person, { sessionIndex: second })];
    return { person, first, second, sessions, tokens: sessions.map((s) => s.accessToken) };
  }

  it('ends the one session a LogoutRequest names by NameID and SessionIndex (HTTP-Redirect), audits it, and answers with a signed LogoutResponse', async () => {
    const { person, first, sessions, tokens } = await twoSessions();
    const metadata = await saml.metadata();
    const request = world.idp.logoutRequest(metadata, { nameId: person.uuid, sessionIndex: first });
    const res = await slo(request.url).expect(303);
    expect(res.headers.location.startsWith(`${world.idp.sloUrl}?SAMLResponse=`)).toBe(true);
    expect(world.idp.readLogoutResponse(res.headers.location, metadata)).toEqual({ inResponseTo: request.id, status: SUCCESS, destination: world.idp.sloUrl, issuer: `https://helhedsplan.test/saml/${world.providerId}`, relayState: 'idp-logout-state' });
    await me(tokens[0]).expect(401);
    await saml.http().post(`${API}/auth/refresh`).send({ refreshToken: sessions[0].refreshToken }).expect(401);
    const { id } = (await me(tokens[1]).expect(200)).body;
    expect(await logoutsAudited(id)).toBe(1);
  });

  it('ends every session of the person from the IdP when the LogoutRequest names no SessionIndex (HTTP-POST, signed as XML)', async () => {
    const { person, tokens } = await twoSessions();
    const request = world.idp.logoutRequest(await saml.metadata(), { nameId: person.uuid });
    const res = await saml.http().post(`${API}/auth/saml/${world.providerId}/slo`).type('form').send(request.form).expect(303);
    expect(res.headers.location.startsWith(world.idp.sloUrl)).toBe(true);
    for (const token of tokens) await me(token).expect(401);
  });

  it('never ends a session opened by a password, or by another person', async () => {
    const other = await saml.sessionOf(caseworker());
    const login = await saml.http().post(`${API}/auth/login`).send({ email: world.plan.caseworker.user.email, password: STAFF_PASSWORD }).expect(200);
    const request = world.idp.logoutRequest(await saml.metadata(), { nameId: caseworker().uuid });
    await slo(request.url).expect(303);
    await me(other).expect(200);
    await me(login.body.accessToken).expect(200);
  });

  it.each([
    ['not signed', { unsigned: true }],
    ['signed by another key', { signWith: makeTestKeyPair('rogue IdP') }],
    ['signed with RSA-SHA1', { signatureAlgorithm: ALG.rsaSha1 }],
    ['from another issuer', { issuer: 'https://saml.another-idp.example.dk' }],
    ['addressed to another endpoint', { destination: 'https://another-system.example.dk/slo' }],
    ['past its NotOnOrAfter', { notOnOrAfter: new Date(Date.now() - 60_000) }],
    ['issued ten minutes ago', { issuedMinutesAgo: 10 }],
  ])('refuses a LogoutRequest %s with 401 saml_logout_invalid and ends nothing', async (_what, spoil) => {
    const person = caseworker();
    const token = await saml.sessionOf(person);
    const request = world.idp.logoutRequest(await saml.metadata(), { nameId: person.uuid }, spoil);
    const res = await slo(request.url);
    expect([res.status, res.body.code]).toEqual([401, 'saml_logout_invalid']);
    await me(token).expect(200);
  });

  it('takes a LogoutRequest once: the same one again is refused and the person\'s new session stays', async () => {
    const person = caseworker();
    await saml.sessionOf(person);
    const request = world.idp.logoutRequest(await saml.metadata(), { nameId: person.uuid });
    await slo(request.url).expect(303);
    const again = await saml.sessionOf(person);
    const replayed = await slo(request.url);
    expect([replayed.status, replayed.body.code]).toEqual([401, 'saml_logout_invalid']);
    await me(again).expect(200);
  });

  it('logs out here at once and sends the browser to the IdP with a signed LogoutRequest for the person and its session, whose answer lands on the returnUrl', async () => {
    const person = caseworker();
    const sessionIndex = `_${randomUUID()}`;
    const { accessToken: token, refreshToken } = await saml.tokensOf(person, { sessionIndex });
    const { logoutUrl } = (await saml.http().post(`${API}/auth/saml/logout`).send({ refreshToken }).expect(200)).body;
    await me(token).expect(401);
    const metadata = await saml.metadata();
    const request = world.idp.readLogoutRequest(logoutUrl, metadata);
    expect(request).toMatchObject({ nameId: person.uuid, sessionIndex, destination: world.idp.sloUrl });
    const answer = world.idp.logoutResponseUrl(metadata, request.id);
    const res = await slo(answer).expect(303);
    expect(res.headers.location).toBe(`${RETURN_URL}#logout=done`);
    // The IdP's answer is taken once, and only for a LogoutRequest of ours.
    expect((await slo(answer)).body.code).toBe('saml_logout_invalid');
    expect((await slo(world.idp.logoutResponseUrl(metadata, '_never-sent'))).body.code).toBe('saml_logout_invalid');
  });

  it('logs out a session opened by a password with no IdP to visit (logoutUrl null)', async () => {
    const login = await saml.http().post(`${API}/auth/login`).send({ email: world.plan.counsellor.user.email, password: STAFF_PASSWORD }).expect(200);
    const res = await saml.http().post(`${API}/auth/saml/logout`).send({ refreshToken: login.body.refreshToken }).expect(200);
    expect(res.body).toEqual({ logoutUrl: null });
    await me(login.body.accessToken).expect(401);
    // Like POST /auth/logout, a token that is not genuine tells nothing and ends nothing.
    const forged = `${randomUUID()}.${randomBytes(32).toString('base64url')}`;
    const res2 = await saml.http().post(`${API}/auth/saml/logout`).send({ refreshToken: forged });
    expect([res2.status, res2.body]).toEqual([200, { logoutUrl: null }]);
  });

  it('refuses parameters the binding does not have, and a logout endpoint of a provider that is not there', async () => {
    expect((await saml.http().get(`${API}/auth/saml/${world.providerId}/slo?SAMLRequest=x&extra=1`)).status).toBe(400);
    expect((await saml.http().get(`${API}/auth/saml/nobody/slo?SAMLRequest=x`)).body.code).toBe('sso_provider_unknown');
    expect((await saml.http().get(`${API}/auth/saml/${world.providerId}/slo?SAMLRequest=%zz`)).body.code).toBe('saml_logout_invalid');
  });
});
