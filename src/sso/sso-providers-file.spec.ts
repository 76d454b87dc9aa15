import { readFileSync } from 'node:fs';
import { keyFilesOf, parseProvidersFile, type ProvidersFileContext } from './sso-providers-file';

const PLAN = '3f6c1b9e-2d4a-4c8e-9b1f-5a7d2e8c4b10';
const context: ProvidersFileContext = { file: '/etc/helhedsplan/sso-providers.json', env: { AAB_SECRET: 's3cret' }, production: true, fileReadable: () => true };
const entra = {
  id: 'aab-entra',
  kind: 'oidc',
  displayName: 'AAB',
  returnUrl: 'https://helhedsplan.example.dk/signed-in',
  issuer: 'https://login.microsoftonline.com/0c6f1e3a-0000-4000-8000-000000000000/v2.0',
  clientId: 'client-id',
  clientSecretEnv: 'AAB_SECRET',
  subjectClaim: 'oid',
  rolesClaim: 'roles',
  roles: { 'Helhedsplan.Counsellor': 'counsellor' },
  membership: { planId: PLAN, organisationId: null },
  mfa: { amr: ['mfa'] },
};
const kombit = {
  id: 'ishoj-kombit',
  kind: 'saml',
  displayName: 'Ishøj Kommune',
  returnUrl: 'https://helhedsplan.example.dk/signed-in',
  entryPoint: 'https://n2adgangsstyring.eksterntest-stoettesystemerne.dk/runtime/saml2/issue.idp',
  idpEntityId: 'https://saml.n2adgangsstyring.eksterntest-stoettesystemerne.dk',
  idpCertFile: 'keys/kombit-idp.pem',
  spEntityId: 'https://helhedsplan.example.dk/saml',
  spKeyFile: 'keys/sp-key.pem',
  spCertFile: '/etc/helhedsplan/keys/sp-cert.pem',
  contact: { type: 'technical', company: 'Helhedsplan ApS', email: 'drift@helhedsplan.example.dk' },
  privileges: { 'http://helhedsplan.dk/roles/usersystemrole/caseworker/1': 'caseworker' },
  municipalities: { '11931316': { planId: PLAN, organisationId: '8d2b4f0a-1c3e-4a5b-9d7f-6e8a0b2c4d6e' } },
};

const parse = (providers: object[], over: Partial<ProvidersFileContext> = {}) => parseProvidersFile({ providers }, { ...context, ...over });

describe('the SSO providers file, read at start-up', () => {
  it('loads providers and takes each client secret from the environment variable the file names', () => {
    const parsed = parse([entra, kombit]);
    expect(parsed.providers.map((p) => p.id)).toEqual(['aab-entra', 'ishoj-kombit']);
    expect(parsed.clientSecrets.get('aab-entra')).toBe('s3cret');
  });

  it('resolves key files against the providers file\'s folder', () => {
    const [, saml] = parse([entra, kombit]).providers;
    expect(saml).toMatchObject({
      idpCertFiles: ['/etc/helhedsplan/keys/kombit-idp.pem'],
      spKeys: [{ keyFile: '/etc/helhedsplan/keys/sp-key.pem', certFile: '/etc/helhedsplan/keys/sp-cert.pem' }],
    });
  });

  it('reads several IdP certificates and our key pairs for a key rollover, and lists every file as a key file', () => {
    const { idpCertFile: _idp, spKeyFile: _key, spCertFile: _cert, ...rest } = kombit;
    const rolling = {
      ...rest,
      idpCertFiles: ['keys/kombit-idp-2025.pem', 'keys/kombit-idp-2026.pem'],
      spKeys: [
        { keyFile: 'keys/sp-2025.key', certFile: 'keys/sp-2025.pem' },
        { keyFile: 'keys/sp-2026.key', certFile: 'keys/sp-2026.pem' },
      ],
      signatureAlgorithm: 'rsa-sha256',
      requireEncryptedAssertions: false,
      logoutUrl: 'https://n2adgangsstyring.eksterntest-stoettesystemerne.dk/runtime/saml2/slo.idp',
    };
    const [provider] = parse([rolling]).providers;
    expect(provider).toMatchObject({ signatureAlgorithm: 'rsa-sha256', requireEncryptedAssertions: false, spKeys: [{ keyFile: '/etc/helhedsplan/keys/sp-2025.key' }, { keyFile: '/etc/helhedsplan/keys/sp-2026.key' }] });
    expect(keyFilesOf(provider).map((f) => f.replace('/etc/helhedsplan/keys/', ''))).toEqual(['kombit-idp-2025.pem', 'kombit-idp-2026.pem', 'sp-2025.key', 'sp-2025.pem', 'sp-2026.key', 'sp-2026.pem']);
  });

  it('refuses a SAML provider with both forms of a key field, no contact, or a signature algorithm it does not know', () => {
    expect(() => parse([{ ...kombit, idpCertFiles: ['keys/b.pem'] }])).toThrow(/idpCertFiles and idpCertFile cannot both be given/);
    expect(() => parse([{ ...kombit, spKeys: [{ keyFile: 'a.key', certFile: 'a.pem' }] }])).toThrow(/spKeys and spKeyFile\/spCertFile cannot both be given/);
    expect(() => parse([{ ...kombit, spKeyFile: undefined, spCertFile: undefined, spKeys: [{ keyFile: 'a.key' }] }])).toThrow(/spKeys.0.certFile is required/);
    expect(() => parse([{ ...kombit, contact: undefined }])).toThrow(/contact must be/);
    expect(() => parse([{ ...kombit, contact: { email: 'not an address' } }])).toThrow(/contact.email must be an e-mail address/);
    expect(() => parse([{ ...kombit, signatureAlgorithm: 'rsa-sha1' }])).toThrow(/signatureAlgorithm must be one of rsa-pss-sha256, rsa-sha256/);
    expect(() => parse([{ ...kombit, requireEncryptedAssertions: 'yes' }])).toThrow(/requireEncryptedAssertions must be true or false/);
  });

  it('names the provider and the field of every mistake', () => {
    const broken = { ...entra, id: 'Bad Id', roles: { 'App.Admin': 'admin' }, clientSecretEnv: 'MISSING_SECRET', issuer: 'http://idp.example.dk' };
    let message = '';
    try {
      parse([broken]);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('provider "Bad Id": id must be lower-case');
    expect(message).toContain('provider "Bad Id": roles.App.Admin maps to "admin"');
    expect(message).toContain('provider "Bad Id": issuer must use https');
    expect(message).toContain('provider "Bad Id": clientSecretEnv names MISSING_SECRET, which is not set');
  });

  it('refuses two providers with one id, a typo in a field name, and an unreadable key file', () => {
    expect(() => parse([entra, entra])).toThrow(/provider "aab-entra": id is used by another provider/);
    expect(() => parse([{ ...entra, roleClaim: 'roles' }])).toThrow(/roleClaim is not a field/);
    expect(() => parse([kombit], { fileReadable: (path) => !path.endsWith('sp-key.pem') })).toThrow(/provider "ishoj-kombit": spKeyFile names \/etc\/helhedsplan\/keys\/sp-key.pem, which cannot be read/);
  });

  it('allows a plain-http issuer only on this machine, outside production', () => {
    const local = { ...entra, issuer: 'http://127.0.0.1:4000', returnUrl: 'http://localhost:5173/signed-in' };
    expect(() => parse([local])).toThrow(/issuer must use https/);
    expect(parse([local], { production: false }).providers).toHaveLength(1);
  });

  it('accepts the README\'s example (docs/sso-providers.example.json)', () => {
    const example = JSON.parse(readFileSync('docs/sso-providers.example.json', 'utf8'));
    expect(parseProvidersFile(example, { ...context, env: { SSO_AAB_CLIENT_SECRET: 'x' } }).providers.map((p) => p.kind)).toEqual(['oidc', 'saml']);
  });

  it('takes an Entra ID client certificate instead of a secret, and keeps each method to its own credential', () => {
    const byKey = { ...entra, clientSecretEnv: undefined, tokenEndpointAuthMethod: 'private_key_jwt', clientKeyFile: 'keys/aab-client.key', clientCertFile: 'keys/aab-client.pem' };
    const [provider] = parse([byKey]).providers;
    expect(provider).toMatchObject({ tokenEndpointAuthMethod: 'private_key_jwt', clientKeyFile: '/etc/helhedsplan/keys/aab-client.key', clientCertFile: '/etc/helhedsplan/keys/aab-client.pem' });
    expect(keyFilesOf(provider)).toEqual(['/etc/helhedsplan/keys/aab-client.key', '/etc/helhedsplan/keys/aab-client.pem']);
    expect(parse([byKey]).clientSecrets.has('aab-entra')).toBe(false);
    expect(() => parse([{ ...byKey, clientCertFile: undefined }])).toThrow(/clientCertFile is required/);
    expect(() => parse([{ ...byKey, clientSecretEnv: 'AAB_SECRET' }])).toThrow(/clientSecretEnv is not used with tokenEndpointAuthMethod "private_key_jwt"/);
    expect(() => parse([{ ...entra, clientKeyFile: 'keys/aab-client.key' }])).toThrow(/clientKeyFile is not used with tokenEndpointAuthMethod "client_secret_post"/);
    expect(() => parse([{ ...entra, tokenEndpointAuthMethod: 'tls_client_auth' }])).toThrow(/tokenEndpointAuthMethod must be one of/);
    expect(() => parse([byKey], { fileReadable: (path) => !path.endsWith('aab-client.key') })).toThrow(/clientKeyFile names \/etc\/helhedsplan\/keys\/aab-client.key, which cannot be read/);
  });

  it('reads when the client secret expires, as a date or a moment', () => {
    expect(parse([{ ...entra, clientSecretExpiresAt: '2027-06-30' }]).providers[0]).toMatchObject({ clientSecretExpiresAt: '2027-06-30' });
    expect(parse([{ ...entra, clientSecretExpiresAt: '2027-06-30T12:00:00Z' }]).providers).toHaveLength(1);
    for (const bad of ['30-06-2027', '2027-02-30', '2027-06-30T25:00:00Z', 'next year', 20270630]) expect(() => parse([{ ...entra, clientSecretExpiresAt: bad }])).toThrow(/clientSecretExpiresAt must be a date/);
  });

  it('takes Entra ID authentication contexts and the tenant\'s MFA policy as what counts as multi-factor, explicitly', () => {
    const [provider] = parse([{ ...entra, mfa: { acrs: ['c1', 'c25'] }, tenantEnforcesMfa: true, postLogoutRedirectUri: 'https://helhedsplan.example.dk/signed-out' }]).providers;
    expect(provider).toMatchObject({ mfa: { acrs: ['c1', 'c25'] }, tenantEnforcesMfa: true, postLogoutRedirectUri: 'https://helhedsplan.example.dk/signed-out' });
    expect(() => parse([{ ...entra, mfa: { acrs: ['c0'] } }])).toThrow(/mfa.acrs must list authentication context ids c1 to c99/);
    expect(() => parse([{ ...entra, mfa: { acrs: ['C1', 'c100'] } }])).toThrow(/mfa.acrs must list/);
    expect(() => parse([{ ...entra, tenantEnforcesMfa: 'yes' }])).toThrow(/tenantEnforcesMfa must be true or false/);
    expect(() => parse([{ ...entra, postLogoutRedirectUri: 'http://evil.example' }])).toThrow(/postLogoutRedirectUri must use https/);
  });

  it('refuses a file without a providers list', () => {
    expect(() => parseProvidersFile([], context)).toThrow(/expected a JSON object \{ "providers"/);
  });
});
