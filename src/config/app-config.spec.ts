import { ConfigurationError, loadConfig } from './app-config';

const base = { JWT_SECRET: 'x'.repeat(40) };
const production = { ...base, NODE_ENV: 'production', DATABASE_URL: 'postgres://app@db/helhedsplan', SMTP_URL: 'smtp://mail:25' };

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
});
