import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SsoProviders } from '../../src/sso/sso-providers';
import { API, createTestApp, type TestApp } from '../support/test-app';
import { waitFor } from '../support/wait-for';

/**
 * Key rollover and new providers without downtime: the providers file (and every key file it names)
 * is read again on SIGHUP, and a change is taken into use as a whole, or not at all.
 */
describe('single sign-on providers change without a restart', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hp-sso-reload-'));
  const file = join(dir, 'providers.json');
  let t: TestApp;

  const oidc = (id: string, extra: Record<string, unknown> = {}) => ({
    id,
    kind: 'oidc',
    displayName: `Provider ${id}`,
    returnUrl: 'http://localhost:3000/signed-in',
    issuer: 'http://127.0.0.1:9/never-asked',
    clientId: `client-${id}`,
    clientSecretEnv: 'HP_TEST_RELOAD_SECRET',
    rolesClaim: 'roles',
    roles: { 'Helhedsplan.Counsellor': 'counsellor' },
    mfa: { amr: ['mfa'] },
    ...extra,
  });
  const write = (providers: unknown[]) => writeFileSync(file, JSON.stringify({ providers }));
  const listed = async () => ((await t.http().get(`${API}/auth/providers`).expect(200)).body as { id: string }[]).map((p) => p.id).sort();

  beforeAll(async () => {
    process.env.HP_TEST_RELOAD_SECRET = 'reload-test-secret';
    write([oidc('first')]);
    t = await createTestApp({ ssoProvidersFile: file });
  });
  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('takes a provider added to the file into use on SIGHUP', async () => {
    expect(await listed()).toEqual(['first']);
    write([oidc('first'), oidc('second')]);
    process.emit('SIGHUP');
    await waitFor('the second provider to be listed', async () => ((await listed()).length === 2 ? true : undefined), 5000);
    expect(await listed()).toEqual(['first', 'second']);
  });

  it('keeps the providers in use when the changed file has a mistake, and says why', async () => {
    write([oidc('first'), oidc('second', { roles: { 'Helhedsplan.Admin': 'admin' } })]);
    expect(t.app.get(SsoProviders).reload()).toBe(false);
    expect(await listed()).toEqual(['first', 'second']);
    expect(t.app.get(SsoProviders).reloadStatus().lastError?.message).toMatch(/provider "second": roles.Helhedsplan.Admin maps to "admin"/);
  });

  it('changes nothing when the file is back to the one in use, and no longer reports the mistake', async () => {
    write([oidc('first'), oidc('second')]);
    expect(t.app.get(SsoProviders).reload()).toBe(false);
    expect(t.app.get(SsoProviders).reloadStatus().lastError).toBeUndefined();
    expect(await listed()).toEqual(['first', 'second']);
  });
});
