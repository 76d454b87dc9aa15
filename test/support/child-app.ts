import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import type { AppConfig } from '../../src/config/app-config';
import { trustProxyVariable } from '../../src/config/trust-proxy';

// Tests run from the repository root (npm test), as the child does.
const ROOT = resolve(process.cwd());

/**
 * The environment a child process reads its configuration from (src/config/app-config.ts), for
 * a config built by `testConfig(overrides)`. The one place that maps settings to variables: a
 * new setting is added here and nowhere else.
 */
export function childEnv(config: AppConfig): Record<string, string> {
  const env: Record<string, string | number | boolean | undefined> = {
    NODE_ENV: config.production ? 'production' : 'test',
    DATABASE_URL: config.databaseUrl,
    MIGRATION_DATABASE_URL: config.migrationDatabaseUrl,
    DATABASE_CREATE_IF_MISSING: config.databaseCreateIfMissing,
    REDIS_URL: config.redisUrl,
    REDIS_PREFIX: config.redisPrefix,
    PORT: config.port,
    PUBLIC_URL: config.publicUrl,
    TRUST_PROXY: trustProxyVariable(config.trustProxy),
    JWT_SECRET: config.jwtSecret,
    ACCESS_TOKEN_TTL_SECONDS: config.accessTokenTtlSeconds,
    REFRESH_TOKEN_TTL_SECONDS: config.refreshTokenTtlSeconds,
    ADMIN_EMAIL: config.adminEmail,
    ADMIN_PASSWORD: config.adminPassword,
    PROCESS_ROLE: config.processRole,
    OUTBOX_POLL_MS: config.outboxPollMs,
    JOB_ATTEMPTS: config.jobAttempts,
    JOB_BACKOFF_MS: config.jobBackoffMs,
    RECONCILE_INTERVAL_MS: config.reconcileIntervalMs,
    JOB_LOCK_MS: config.jobLockMs,
    REPORT_DEADLINE_MINUTES: config.reportDeadlineMinutes,
    DEMO_DATA: config.demoData,
    API_DOCS: config.apiDocs,
    QUEUE_DASHBOARD: config.queueDashboard,
    SMTP_URL: config.smtpUrl,
    MAIL_FROM: config.mailFrom,
    MAIL_DIR: config.mailDir,
    INVITATION_TTL_HOURS: config.invitationTtlHours,
    LOG_LEVEL: config.logLevel,
    MFA_REQUIRED_ROLES: config.mfaRequiredRoles.join(','),
    MFA_ENCRYPTION_KEY: config.mfaEncryptionKey.toString('base64'),
    STEP_UP_MAX_AGE_SECONDS: config.stepUpMaxAgeSeconds,
    SSO_PROVIDERS_FILE: config.ssoProvidersFile,
    SSO_SESSION_HOURS: config.ssoSessionHours,
    SESSION_MAX_HOURS: config.sessionMaxHours,
    WEBAUTHN_RP_ID: config.webauthnRpId,
    WEBAUTHN_ORIGIN: config.webauthnOrigin,
    WEB_APP_DIR: config.webAppDir,
  };
  const base = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/tmp', TZ: 'UTC' };
  // An empty MFA_REQUIRED_ROLES is passed on: empty means no role, unset would mean every role.
  return { ...base, ...Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)])) };
}

/**
 * Runs src/main.ts as it is now, compiled on load by SWC (the compiler the tests use), so a child
 * never runs a stale dist/ and no test has to build. CommonJS, as `nest build` emits it.
 */
const BOOT = `
const Module = require('node:module');
const { readFileSync } = require('node:fs');
const swc = require('@swc/core');
const options = {
  jsc: { parser: { syntax: 'typescript', decorators: true }, transform: { legacyDecorator: true, decoratorMetadata: true }, target: 'es2022' },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};
Module._extensions['.ts'] = (module, filename) => module._compile(swc.transformSync(readFileSync(filename, 'utf8'), { ...options, filename }).code, filename);
require(${JSON.stringify(resolve(ROOT, 'src/main.ts'))});
`;

const running = new Set<ChildApp>();

/** The app in a process of its own (`node src/main.ts`), for tests that kill it the way an OOM killer or a crash would. */
export class ChildApp {
  private log = '';

  private constructor(private readonly child: ChildProcess) {
    child.stdout!.on('data', (chunk: Buffer) => (this.log += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (this.log += chunk.toString()));
  }

  /** Starts the app with `config` and resolves once it has started (its workers are running). */
  static async start(config: AppConfig, timeoutMs = 30_000): Promise<ChildApp> {
    const app = new ChildApp(spawn(process.execPath, ['-e', BOOT], { cwd: ROOT, env: childEnv(config), stdio: ['ignore', 'pipe', 'pipe'] }));
    running.add(app);
    const started = /Helhedsplan (worker is running|API is up)/;
    await new Promise<void>((resolvePromise, reject) => {
      const timer = setTimeout(() => reject(new Error(`the child app did not start within ${timeoutMs} ms:\n${app.log}`)), timeoutMs);
      const check = () => {
        if (started.test(app.log)) {
          clearTimeout(timer);
          resolvePromise();
        }
      };
      app.child.stdout!.on('data', check);
      app.child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`the child app exited (${code ?? signal}) before it started:\n${app.log}`));
      });
    });
    return app;
  }

  get pid(): number {
    return this.child.pid!;
  }

  /** What the process wrote, for a failing test's message. */
  get output(): string {
    return this.log;
  }

  /** Ends the process; SIGKILL (the default) gives it no chance to finish or hand back its jobs. */
  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    running.delete(this);
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    await new Promise<void>((resolvePromise) => {
      this.child.once('exit', () => resolvePromise());
      this.child.kill(signal);
    });
  }
}

/** For afterAll: ends every child a test started and left running. */
export async function killChildApps(): Promise<void> {
  await Promise.all([...running].map((app) => app.kill()));
}
