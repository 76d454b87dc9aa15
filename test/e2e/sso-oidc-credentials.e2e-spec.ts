import { createHash, createPublicKey, X509Certificate, type JsonWebKey } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SsoProviders } from '../../src/sso/sso-providers';
import { decodeJwt } from '../support/oidc-provider-tokens';
import { APP_ROLES, exchange, oidcWorld, person, signIn } from '../support/oidc-provider-world';
import { makeTestKeyPair, type TestKeyPair } from '../support/self-signed-cert';

/**
 * The client's own credential at Entra ID: a certificate's key (private_key_jwt) instead of a
 * secret, rolled over by replacing its files without a restart; and what the platform admin sees
 * of every credential's expiry, so a secret does not run out on a Monday morning unnoticed.
 */
describe('single sign-on with OpenID Connect: the client\'s credentials', () => {
  const keys: TestKeyPair[] = [makeTestKeyPair('helhedsplan aab 2026', 400), makeTestKeyPair('helhedsplan aab 2027', 400)];
  const jwk = (pair: TestKeyPair, kid: string): JsonWebKey => ({ ...createPublicKey(pair.privateKeyPem).export({ format: 'jwk' }), kid });
  const soon = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
  let dir = '';
  /** Puts a key and a certificate where the providers file names them (a rollover writes new ones). */
  const install = (key: TestKeyPair, cert: TestKeyPair) => {
    writeFileSync(join(dir, 'aab-cert.key'), key.privateKeyPem);
    writeFileSync(join(dir, 'aab-cert.pem'), cert.certPem);
  };
  const thumbprintOf = (pair: TestKeyPair) => createHash('sha256').update(new X509Certificate(pair.certPem).raw).digest('base64url');

  const world = oidcWorld(
    {},
    {
      make: async (setup) => {
        dir = setup.dir;
        install(keys[0], keys[0]);
        const mapped = { planId: setup.plan.planId, organisationId: null };
        return {
          // Both certificates are uploaded to the app registration before the rollover, as Entra ID allows.
          clients: [{ ...setup.client('aab-cert'), clientSecret: undefined, jwks: keys.map((pair, i) => jwk(pair, `aab-${i}`)) }, setup.client('aab-soon')],
          providers: [
            (issuer) => ({ ...setup.provider('aab-cert', issuer, mapped), clientSecretEnv: undefined, tokenEndpointAuthMethod: 'private_key_jwt', clientKeyFile: 'aab-cert.key', clientCertFile: 'aab-cert.pem' }),
            (issuer) => ({ ...setup.provider('aab-soon', issuer, mapped), clientSecretExpiresAt: soon }),
          ],
        };
      },
    },
  );

  const providers = () => world().t.app.get(SsoProviders);
  const ready = (token?: string) => {
    const request = world().t.http().get('/health/ready');
    return token ? request.set('Authorization', `Bearer ${token}`) : request;
  };
  /** A sign-in with aab-cert, and the client assertion it sent to the token endpoint. */
  async function signInWithCertificate() {
    const outcome = await signIn(world(), 'aab-cert', person(world().op, { roles: [APP_ROLES.leader] }).login);
    await exchange(world(), outcome.code).expect(200);
    return decodeJwt(world().op.lastClientAssertion as string);
  }

  it('authenticates with the certificate\'s key, named by its thumbprint and addressed to the token endpoint, as Entra ID wants', async () => {
    const assertion = await signInWithCertificate();
    expect(assertion.header).toMatchObject({ alg: 'PS256', typ: 'JWT', 'x5t#S256': thumbprintOf(keys[0]) });
    expect(assertion.claims).toMatchObject({ iss: 'helhedsplan-aab-cert', sub: 'helhedsplan-aab-cert', aud: `${world().op.issuer}/token` });
  });

  it('takes a new key into use without a restart, and keeps the one in use when the new files do not belong together', async () => {
    install(keys[1], keys[1]);
    expect(providers().reload()).toBe(true);
    expect((await signInWithCertificate()).header['x5t#S256']).toBe(thumbprintOf(keys[1]));

    // A rollover half done: the old key next to the new certificate.
    install(keys[0], keys[1]);
    expect(providers().reload()).toBe(false);
    expect(providers().reloadStatus().lastError?.message).toMatch(/provider "aab-cert": clientCertFile is not the certificate of clientKeyFile's key/);
    expect((await signInWithCertificate()).header['x5t#S256']).toBe(thumbprintOf(keys[1]));
    install(keys[1], keys[1]);
    expect(providers().reload()).toBe(false);
  });

  it('shows the platform admin, and nobody else, how long each client credential has left and why a new providers file was not taken', async () => {
    install(keys[1], keys[0]);
    providers().reload();
    const res = await ready(world().plan.admin.token).expect(200);
    expect(res.body.details.sso.reloadError).toMatchObject({ message: expect.stringContaining('clientCertFile is not the certificate') });
    const credentials = Object.fromEntries((res.body.details.sso.credentials as { providerId: string; daysLeft: number }[]).map((c) => [c.providerId, c]));
    expect(credentials['aab-cert']).toEqual({
      providerId: 'aab-cert',
      credential: 'client_certificate',
      expiresAt: new Date(new X509Certificate(keys[1].certPem).validTo).toISOString(),
      daysLeft: expect.any(Number),
      state: 'ok',
    });
    expect(credentials['aab-soon']).toMatchObject({ credential: 'client_secret', expiresAt: `${soon}T00:00:00.000Z`, state: 'expiring' });
    expect(credentials['aab-soon'].daysLeft).toBeLessThan(10);
    expect(credentials.aab).toMatchObject({ credential: 'client_secret', expiresAt: null, state: 'unknown' });

    install(keys[1], keys[1]);
    providers().reload();
    expect((await ready(world().plan.admin.token).expect(200)).body.details.sso.reloadError).toBeNull();
    // Anyone else gets the answer a probe gets.
    for (const token of [world().plan.leader.token, 'not-a-token', undefined]) {
      const answer = await ready(token).expect(200);
      expect(answer.body).toEqual({ status: 'ok', checks: { postgres: { status: 'up' }, redis: { status: 'up' } } });
    }
  });
});
