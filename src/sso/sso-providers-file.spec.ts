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

  it('refuses a file without a providers list', () => {
    expect(() => parseProvidersFile([], context)).toThrow(/expected a JSON object \{ "providers"/);
  });
});
