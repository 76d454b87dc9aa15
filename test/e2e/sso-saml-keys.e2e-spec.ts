import { X509Certificate } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SsoProviders } from '../../src/sso/sso-providers';
import { caseworker, samlAppWorld } from '../support/saml-app-world';
import { readSpMetadata } from '../support/saml-idp';
import { makeTestKeyPair } from '../support/self-signed-cert';
import { asAdmin } from '../support/fixtures';
import { waitFor } from '../support/wait-for';

/**
 * Key rollover without downtime, on one running service: KOMBIT's new signing certificate is added
 * next to the old before KOMBIT switches, and the old one removed after; our new key pair is
 * published in our metadata before it signs, and kept for decryption until KOMBIT encrypts to the
 * new one. The providers file changes and SIGHUP (or the reload timer) takes it into use.
 */
describe('SAML key rollover without a restart', () => {
  const saml = samlAppWorld();
  const { world } = saml;
  const dir = () => world.files.dir;

  it('keeps signing in while KOMBIT rolls its signing key over, and refuses the old key once it is removed', async () => {
    const oldKey = world.idp.keys;
    expect((await saml.signIn(caseworker())).code).toBeDefined();

    const newKey = makeTestKeyPair('kombit test IdP 2026');
    writeFileSync(join(dir(), 'idp-2026.pem'), newKey.certPem);
    saml.writeProvider({ idpCertFile: undefined, idpCertFiles: ['idp.pem', 'idp-2026.pem'] });
    const before = world.t.app.get(SsoProviders).reloadStatus().loadedAt;
    process.emit('SIGHUP');
    await waitFor('the providers file to be read again', async () => (world.t.app.get(SsoProviders).reloadStatus().loadedAt > before ? true : undefined), 5000);

    // KOMBIT switches mid-run: answers signed by the new key, and (in flight) by the old, both sign in.
    world.idp.keys = newKey;
    expect((await saml.signIn(caseworker())).code).toBeDefined();
    expect((await saml.signIn(caseworker(), { signWith: oldKey })).code).toBeDefined();

    saml.writeProvider({ idpCertFile: undefined, idpCertFiles: ['idp-2026.pem'] });
    expect(saml.reload()).toBe(true);
    expect(await saml.signIn(caseworker(), { signWith: oldKey })).toEqual({ error: 'sso_assertion_invalid' });
    expect((await saml.signIn(caseworker())).code).toBeDefined();
  });

  it('rolls our own key over: published first, then signing, the old one decrypting until it is removed', async () => {
    const asIdpKnewIt = await saml.metadata();
    const next = makeTestKeyPair('helhedsplan test SP 2028');
    writeFileSync(join(dir(), 'sp-2028.key'), next.privateKeyPem, { mode: 0o600 });
    writeFileSync(join(dir(), 'sp-2028.pem'), next.certPem);
    const pairs = { old: { keyFile: 'sp.key', certFile: 'sp.pem' }, next: { keyFile: 'sp-2028.key', certFile: 'sp-2028.pem' } };
    const keys = (...order: (keyof typeof pairs)[]) => ({ spKeyFile: undefined, spCertFile: undefined, spKeys: order.map((name) => pairs[name]) });

    // 1. Published: our metadata lists both; the old key still signs, so an IdP that has not read it yet still takes our requests.
    saml.writeProvider(keys('old', 'next'));
    expect(saml.reload()).toBe(true);
    const published = await saml.metadata();
    expect(readSpMetadata(published).signingCertPems).toHaveLength(2);
    expect((await saml.signIn(caseworker(), {}, asIdpKnewIt)).code).toBeDefined();
    // KOMBIT reads the new metadata and encrypts to the new certificate: we decrypt with the new key.
    expect((await saml.signIn(caseworker(), { encryptTo: 1 }, published)).code).toBeDefined();

    // 2. The new key signs. An IdP still on the old metadata would refuse our request; on the new one it takes it.
    saml.writeProvider(keys('next', 'old'));
    expect(saml.reload()).toBe(true);
    const { authnRequestUrl } = await saml.startSignIn();
    expect(() => world.idp.readAuthnRequest(authnRequestUrl, asIdpKnewIt)).toThrow(/not signed/);
    expect(world.idp.readAuthnRequest(authnRequestUrl, published).id).toMatch(/^_/);
    // An answer encrypted to the old certificate while KOMBIT switches still decrypts.
    expect((await saml.signIn(caseworker(), { encryptTo: 1 })).code).toBeDefined();

    // 3. The old key is removed: only the new certificate is published, and an answer encrypted to the old one is refused.
    saml.writeProvider(keys('next'));
    expect(saml.reload()).toBe(true);
    expect(readSpMetadata(await saml.metadata()).encryptionCertPems).toEqual([next.certPem]);
    expect(await saml.signIn(caseworker(), { encryptTo: 0 }, published)).toEqual({ error: 'sso_assertion_invalid' });
    expect((await saml.signIn(caseworker())).code).toBeDefined();
  });

  it('keeps the keys in use when a changed key file is not a key of its certificate, and says which', async () => {
    writeFileSync(join(dir(), 'sp-2028.pem'), makeTestKeyPair('a mix-up').certPem);
    expect(saml.reload()).toBe(false);
    expect(world.t.app.get(SsoProviders).reloadStatus().lastError?.message).toMatch(/the key of our key pair #1 of kombit-ishoj \(.*sp-2028.key\) does not belong to its certificate/);
    expect((await saml.signIn(caseworker())).code).toBeDefined();
  });

  it('shows the platform admin when each of our certificates and each trusted KOMBIT certificate expires', async () => {
    const admin = await asAdmin(world.t);
    const res = await world.t.http().get('/health/ready').set('Authorization', `Bearer ${admin.token}`).expect(200);
    const saml = (res.body.details.sso.credentials as { providerId: string; credential: string; file: string; state: string; expiresAt: string }[]).filter((c) => c.providerId === world.providerId);
    expect(saml.map((c) => c.credential).sort()).toEqual(expect.arrayContaining(['identity_provider_certificate', 'service_provider_certificate']));
    // The test's certificates are short-lived: their expiry is read from each file, not assumed.
    for (const credential of saml) expect(credential).toMatchObject({ file: expect.stringMatching(/\.pem$/), expiresAt: new Date(new X509Certificate(readFileSync(credential.file)).validTo).toISOString() });
  });
});
