import { ConfigurationError, loadConfig } from './app-config';

const base = { JWT_SECRET: 'x'.repeat(40) };
const production = { ...base, NODE_ENV: 'production', PUBLIC_URL: 'https://helhedsplan.ishoj.dk', DATABASE_URL: 'postgres://app@db/helhedsplan', SMTP_URL: 'smtp://mail:25', MFA_ENCRYPTION_KEY: 'k'.repeat(43) + '=' };

describe('the configuration', () => {
  it('refuses demo data under NODE_ENV=production unless explicitly forced', () => {
    expect(() => loadConfig({ ...production, DEMO_DATA: 'true' })).toThrow(ConfigurationError);
    expect(loadConfig({ ...production, DEMO_DATA: 'true', DEMO_DATA_FORCE: 'true' }).demoData).toBe(true);
  });

  it('keeps the API docs and the queue dashboard off in production unless enabled', () => {
    expect(loadConfig(production)).toMatchObject({ apiDocs: false, queueDashboard: false });
    expect(loadConfig({ ...production, API_DOCS: 'true' }).apiDocs).toBe(true);
    expect(loadConfig(base)).toMatchObject({ apiDocs: true, queueDashboard: false });
  });

  it('gives production no owner login unless one is set, and development the local one', () => {
    expect(loadConfig(production).migrationDatabaseUrl).toBeUndefined();
    expect(loadConfig(base).migrationDatabaseUrl).toBe('postgres://postgres@127.0.0.1:5432/helhedsplan');
    expect(loadConfig(base).databaseUrl).toBe('postgres://helhedsplan_app@127.0.0.1:5432/helhedsplan');
  });

  it('requires SMTP in production, since invitations go by e-mail', () => {
    expect(() => loadConfig({ ...production, SMTP_URL: '' })).toThrow(/SMTP_URL/);
  });

  it('asks every role for a second factor unless MFA_REQUIRED_ROLES says otherwise, and none when it is set empty', () => {
    // A volunteer too: their account writes in the plan, and a default that leaves a role out would be forgotten.
    expect(loadConfig(base).mfaRequiredRoles).toEqual(['admin', 'leader', 'counsellor', 'social_worker', 'caseworker', 'volunteer']);
    expect(loadConfig({ ...base, MFA_REQUIRED_ROLES: '' }).mfaRequiredRoles).toEqual([]);
    expect(loadConfig({ ...base, MFA_REQUIRED_ROLES: ' counsellor, caseworker ' }).mfaRequiredRoles).toEqual(['counsellor', 'caseworker']);
    expect(() => loadConfig({ ...base, MFA_REQUIRED_ROLES: 'counselor' })).toThrow(/MFA_REQUIRED_ROLES names unknown roles: counselor/);
  });

  it('refuses MFA_REQUIRED_ROLES naming no role under NODE_ENV=production, unless ALLOW_NO_MFA=true overrides it', () => {
    expect(() => loadConfig({ ...production, MFA_REQUIRED_ROLES: '' })).toThrow(/MFA_REQUIRED_ROLES names no role.*ALLOW_NO_MFA=true/s);
    expect(() => loadConfig({ ...production, MFA_REQUIRED_ROLES: ' , ' })).toThrow(/MFA_REQUIRED_ROLES names no role/);
    expect(() => loadConfig({ ...production, MFA_REQUIRED_ROLES: '', ALLOW_NO_MFA: 'false' })).toThrow(/MFA_REQUIRED_ROLES names no role/);
    expect(loadConfig({ ...production, MFA_REQUIRED_ROLES: '', ALLOW_NO_MFA: 'true' }).mfaRequiredRoles).toEqual([]);
    expect(loadConfig({ ...production, MFA_REQUIRED_ROLES: 'leader' }).mfaRequiredRoles).toEqual(['leader']);
    expect(loadConfig(production).mfaRequiredRoles).toHaveLength(6);
    // Outside production an empty list stays the way to try the demo without an authenticator app.
    expect(loadConfig({ ...base, MFA_REQUIRED_ROLES: '' }).mfaRequiredRoles).toEqual([]);
  });

  it('keeps ten connections to PostgreSQL per process unless DATABASE_POOL_SIZE says otherwise, between 1 and 100', () => {
    expect(loadConfig(base).databasePoolSize).toBe(10);
    expect(loadConfig({ ...base, DATABASE_POOL_SIZE: '4' }).databasePoolSize).toBe(4);
    expect(() => loadConfig({ ...base, DATABASE_POOL_SIZE: '0' })).toThrow(/DATABASE_POOL_SIZE/);
    expect(() => loadConfig({ ...base, DATABASE_POOL_SIZE: 'many' })).toThrow(/DATABASE_POOL_SIZE/);
  });

  it('requires its own key for TOTP secrets in production', () => {
    expect(() => loadConfig({ ...production, MFA_ENCRYPTION_KEY: '' })).toThrow(/MFA_ENCRYPTION_KEY/);
    expect(loadConfig(production).mfaEncryptionKey).toHaveLength(32);
    expect(loadConfig(base).mfaEncryptionKey).toHaveLength(32);
  });

  it('refuses to start in production without an https PUBLIC_URL', () => {
    expect(() => loadConfig({ ...production, PUBLIC_URL: undefined })).toThrow(/PUBLIC_URL must be the https/);
    expect(() => loadConfig({ ...production, PUBLIC_URL: 'http://helhedsplan.ishoj.dk' })).toThrow(/PUBLIC_URL must be the https/);
    expect(loadConfig(production).publicUrl).toBe('https://helhedsplan.ishoj.dk');
  });
});
