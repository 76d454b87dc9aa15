import { plainToInstance, Transform } from 'class-transformer';
import { hkdfSync } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ROLES, type Role } from '../access/roles';
import { parseTrustProxy, type TrustProxy } from './trust-proxy';
import { IsEmail, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength, validateSync } from 'class-validator';

export const PROCESS_ROLES = ['api', 'worker', 'all'] as const;
export type ProcessRole = (typeof PROCESS_ROLES)[number];

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));
const toBool = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : ['1', 'true', 'yes', 'on'].includes(String(value).toLowerCase());

/** The environment the service reads, validated once at start-up so a bad setting fails fast with a clear message. */
class Environment {
  @IsOptional()
  @IsIn(['production', 'development', 'test'], { message: 'NODE_ENV must be production, development or test' })
  NODE_ENV?: string;

  @IsOptional()
  @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL?: string;

  @IsOptional()
  @Matches(/^postgres(ql)?:\/\//, { message: 'MIGRATION_DATABASE_URL must be a postgres:// URL' })
  MIGRATION_DATABASE_URL?: string;

  @IsOptional()
  @Matches(/^rediss?:\/\//, { message: 'REDIS_URL must be a redis:// URL' })
  REDIS_URL?: string;

  @IsOptional()
  @IsString()
  REDIS_PREFIX?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'PORT must be an integer' })
  @Min(0)
  @Max(65535)
  PORT?: number;

  @IsOptional()
  @Matches(/^https?:\/\/[^\s/]+(:\d+)?(\/[^\s]*)?$/, { message: 'PUBLIC_URL must be the http(s) address users reach the service at' })
  PUBLIC_URL?: string;

  /** A hop count or a list of proxy addresses; parsed by trust-proxy.ts. */
  @IsOptional()
  @IsString()
  TRUST_PROXY?: string;

  @IsString({ message: 'JWT_SECRET is required (at least 32 characters); `npm start` generates one for local use' })
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET: string;

  @IsOptional()
  @IsEmail({}, { message: 'ADMIN_EMAIL must be an e-mail address' })
  ADMIN_EMAIL?: string;

  @IsOptional()
  @MinLength(12, { message: 'ADMIN_PASSWORD must be at least 12 characters' })
  ADMIN_PASSWORD?: string;

  @IsOptional()
  @IsIn(PROCESS_ROLES, { message: `PROCESS_ROLE must be one of ${PROCESS_ROLES.join(', ')}` })
  PROCESS_ROLE?: ProcessRole;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(60)
  ACCESS_TOKEN_TTL_SECONDS?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(3600)
  REFRESH_TOKEN_TTL_SECONDS?: number;

  @IsOptional()
  @Transform(toBool)
  DATABASE_CREATE_IF_MISSING?: boolean;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100)
  DATABASE_POOL_SIZE?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(50)
  OUTBOX_POLL_MS?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(20)
  JOB_ATTEMPTS?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(10)
  JOB_BACKOFF_MS?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(100)
  RECONCILE_INTERVAL_MS?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  JOB_LOCK_MS?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  REPORT_DEADLINE_MINUTES?: number;

  @IsOptional()
  @Transform(toBool)
  DEMO_DATA?: boolean;

  @IsOptional()
  @Transform(toBool)
  DEMO_DATA_FORCE?: boolean;

  @IsOptional()
  @Transform(toBool)
  API_DOCS?: boolean;

  @IsOptional()
  @Transform(toBool)
  QUEUE_DASHBOARD?: boolean;

  @IsOptional()
  @Matches(/^smtps?:\/\//, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  @IsOptional()
  @IsString()
  MAIL_FROM?: string;

  @IsOptional()
  @IsString()
  MAIL_DIR?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(24 * 14)
  INVITATION_TTL_HOURS?: number;

  @IsOptional()
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL?: string;

  /** Comma list of roles that must sign in with a second factor; set but empty = none (development). */
  @IsOptional()
  @IsString()
  MFA_REQUIRED_ROLES?: string;

  /** The explicit, logged override that lets MFA_REQUIRED_ROLES name no role under NODE_ENV=production. */
  @IsOptional()
  @Transform(toBool)
  ALLOW_NO_MFA?: boolean;

  @IsOptional()
  @Matches(/^[A-Za-z0-9+/_-]{43}=?$/, { message: 'MFA_ENCRYPTION_KEY must be 32 random bytes in base64 (openssl rand -base64 32)' })
  MFA_ENCRYPTION_KEY?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(60)
  @Max(3600)
  STEP_UP_MAX_AGE_SECONDS?: number;

  @IsOptional()
  @IsString()
  SSO_PROVIDERS_FILE?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(24)
  SSO_SESSION_HOURS?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(86400)
  SSO_PROVIDERS_RELOAD_SECONDS?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(24)
  SESSION_MAX_HOURS?: number;

  /** Where the built staff web app lies (index.html and assets/); default <project root>/dist/web. */
  @IsOptional()
  @IsString()
  WEB_APP_DIR?: string;

  @IsOptional()
  @Matches(/^[a-z0-9.-]+$/i, { message: 'WEBAUTHN_RP_ID must be a host name (the site passkeys belong to)' })
  WEBAUTHN_RP_ID?: string;

  @IsOptional()
  @Matches(/^https?:\/\/[^\s/]+$/, { message: 'WEBAUTHN_ORIGIN must be the web client\'s origin, e.g. https://helhedsplan.example.dk' })
  WEBAUTHN_ORIGIN?: string;
}

export interface AppConfig {
  /** Whether this is a production deployment (NODE_ENV=production): no development defaults, no demo data unless forced. */
  production: boolean;
  /** The app's own login: a least-privilege role that cannot change the schema or rewrite the audit log. */
  databaseUrl: string;
  /** The schema owner's login, used only to create the database, run migrations and provision the app login; unset = done elsewhere. */
  migrationDatabaseUrl?: string;
  /** Connections this process keeps to PostgreSQL (bench/README.md says how the default was chosen). */
  databasePoolSize: number;
  databaseCreateIfMissing: boolean;
  redisUrl: string;
  redisPrefix: string;
  port: number;
  /** The address users reach the service at, for links in e-mails (invitations). */
  publicUrl: string;
  /** The built staff web app served at / (src/web-app/); without an index.html there the API runs alone. */
  webAppDir: string;
  /** Which proxies may name the client's address in X-Forwarded-For (trust-proxy.ts): it drives login throttling. */
  trustProxy: TrustProxy;
  jwtSecret: string;
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
  adminEmail?: string;
  adminPassword?: string;
  processRole: ProcessRole;
  /** How often the outbox relay looks for work it has not handed to the queue yet. */
  outboxPollMs: number;
  jobAttempts: number;
  jobBackoffMs: number;
  /** How often a worker sweeps for work that was accepted but whose job is gone, stalled or overdue. */
  reconcileIntervalMs: number;
  /** How long a worker's claim on a job lasts without renewal: a crashed worker's job is taken over after about this long. */
  jobLockMs: number;
  /** A report still queued or running after this long is failed with a reason. */
  reportDeadlineMinutes: number;
  demoData: boolean;
  /** Serve the OpenAPI document and Swagger UI (default: on, except in production). */
  apiDocs: boolean;
  /** Serve the queue dashboard to the platform admin (default: off). */
  queueDashboard: boolean;
  /** Where e-mail goes; unset outside production = written to `mailDir` as .eml files. */
  smtpUrl?: string;
  mailFrom: string;
  mailDir: string;
  invitationTtlHours: number;
  logLevel: string;
  /** Roles that must sign in with a second factor (MFA_REQUIRED_ROLES; default: every role). */
  mfaRequiredRoles: readonly Role[];
  /** AES-256 key for TOTP secrets at rest (MFA_ENCRYPTION_KEY; outside production derived from JWT_SECRET). */
  mfaEncryptionKey: Buffer;
  /** How recent a sign-in must be for the most sensitive reads (case notes, exports, access logs). */
  stepUpMaxAgeSeconds: number;
  /** The single sign-on providers file (JSON, see README "Single sign-on"); unset = local accounts only. */
  ssoProvidersFile?: string;
  /** A single sign-on session ends this many hours after sign-in, whatever the refresh tokens say. */
  ssoSessionHours: number;
  /** How often the providers file and its key files are checked for a change (0: only on SIGHUP). */
  ssoProvidersReloadSeconds: number;
  /** Every session ends this many hours after sign-in (a single sign-on session at SSO_SESSION_HOURS when sooner), whatever the refresh tokens say. */
  sessionMaxHours: number;
  /** Passkeys: the relying party's id (a host name) and the origin the web client runs at. */
  webauthnRpId: string;
  webauthnOrigin: string;
}

export class ConfigurationError extends Error {}

/**
 * Unset: every role, since every role but the platform admin reads residents' data and the admin
 * can hand out every role. Set but empty (MFA_REQUIRED_ROLES=): none, for development.
 */
function parseMfaRoles(value: string | undefined): readonly Role[] {
  if (value === undefined) return ROLES;
  return ROLES.filter((role) => value.split(',').map((r) => r.trim()).includes(role));
}

export const DEFAULT_DATABASE_URL = 'postgres://helhedsplan_app@127.0.0.1:5432/helhedsplan';
export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';

/** Outside production, the owner login beside the app login on the same server: `postgres`, as a local install has it. */
function developmentMigrationUrl(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  url.username = 'postgres';
  url.password = '';
  return url.toString();
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const raw = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
  const parsed = plainToInstance(Environment, raw);
  const problems = validateSync(parsed, { whitelist: false }).flatMap((e) => Object.values(e.constraints ?? {}));
  const production = parsed.NODE_ENV === 'production';
  if ((parsed.ADMIN_EMAIL === undefined) !== (parsed.ADMIN_PASSWORD === undefined)) {
    problems.push('ADMIN_EMAIL and ADMIN_PASSWORD must be set together');
  }
  if (production && parsed.DEMO_DATA && !parsed.DEMO_DATA_FORCE) {
    problems.push('DEMO_DATA is refused under NODE_ENV=production (demo users have a published password); set DEMO_DATA_FORCE=true only on a throwaway installation');
  }
  if (production && !parsed.SMTP_URL) {
    problems.push('SMTP_URL is required under NODE_ENV=production: invitations are sent by e-mail');
  }
  if (production && !parsed.DATABASE_URL) {
    problems.push('DATABASE_URL is required under NODE_ENV=production: the app\'s least-privilege login');
  }
  if (production && !parsed.MFA_ENCRYPTION_KEY) {
    problems.push('MFA_ENCRYPTION_KEY is required under NODE_ENV=production: it encrypts the TOTP secrets at rest (openssl rand -base64 32)');
  }
  if (production && !parsed.PUBLIC_URL?.startsWith('https://')) {
    // Links in e-mails, passkeys, the web app's Secure session cookie and SAML's cross-site answer all need it.
    problems.push('PUBLIC_URL must be the https:// address users reach the service at under NODE_ENV=production (links in e-mails, passkeys, the web app\'s Secure session cookie)');
  }
  const trustProxy = parseTrustProxy(parsed.TRUST_PROXY);
  if ('problem' in trustProxy) problems.push(trustProxy.problem);
  const unknownRoles = (parsed.MFA_REQUIRED_ROLES ?? '').split(',').map((r) => r.trim()).filter((r) => r && !(ROLES as readonly string[]).includes(r));
  if (unknownRoles.length) problems.push(`MFA_REQUIRED_ROLES names unknown roles: ${unknownRoles.join(', ')} (roles: ${ROLES.join(', ')})`);
  // Read from `env` itself: an empty value (no roles) means something here, unlike elsewhere.
  const mfaRequiredRoles = parseMfaRoles(env.MFA_REQUIRED_ROLES);
  if (production && mfaRequiredRoles.length === 0 && !unknownRoles.length && !parsed.ALLOW_NO_MFA) {
    // An empty MFA_REQUIRED_ROLES= (meant for trying the demo) would silently let everyone in on a password alone.
    problems.push(
      'MFA_REQUIRED_ROLES names no role, which turns the second factor off for everyone: refused under NODE_ENV=production ' +
        '(the Danish Data Protection Agency expects no password-only access to such data). Leave it unset (every role), ' +
        'or set ALLOW_NO_MFA=true to override; the override is logged at every start',
    );
  }
  if (problems.length > 0) {
    throw new ConfigurationError(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
  const databaseUrl = parsed.DATABASE_URL ?? DEFAULT_DATABASE_URL;
  const port = parsed.PORT ?? 3000;
  const publicUrl = (parsed.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/$/, '');
  return {
    production,
    databaseUrl,
    migrationDatabaseUrl: parsed.MIGRATION_DATABASE_URL ?? (production ? undefined : developmentMigrationUrl(databaseUrl)),
    databaseCreateIfMissing: parsed.DATABASE_CREATE_IF_MISSING ?? true,
    databasePoolSize: parsed.DATABASE_POOL_SIZE ?? 10,
    redisUrl: parsed.REDIS_URL ?? DEFAULT_REDIS_URL,
    redisPrefix: parsed.REDIS_PREFIX ?? 'hp',
    port,
    publicUrl,
    webAppDir: path.resolve(parsed.WEB_APP_DIR ?? path.join(projectRoot(), 'dist', 'web')),
    trustProxy: 'value' in trustProxy ? trustProxy.value : false,
    jwtSecret: parsed.JWT_SECRET,
    accessTokenTtlSeconds: parsed.ACCESS_TOKEN_TTL_SECONDS ?? 900,
    refreshTokenTtlSeconds: parsed.REFRESH_TOKEN_TTL_SECONDS ?? 30 * 24 * 3600,
    adminEmail: parsed.ADMIN_EMAIL?.toLowerCase(),
    adminPassword: parsed.ADMIN_PASSWORD,
    processRole: parsed.PROCESS_ROLE ?? 'all',
    outboxPollMs: parsed.OUTBOX_POLL_MS ?? 1000,
    jobAttempts: parsed.JOB_ATTEMPTS ?? 3,
    jobBackoffMs: parsed.JOB_BACKOFF_MS ?? 5000,
    reconcileIntervalMs: parsed.RECONCILE_INTERVAL_MS ?? 15_000,
    jobLockMs: parsed.JOB_LOCK_MS ?? 15_000,
    reportDeadlineMinutes: parsed.REPORT_DEADLINE_MINUTES ?? 120,
    demoData: parsed.DEMO_DATA ?? false,
    apiDocs: parsed.API_DOCS ?? !production,
    queueDashboard: parsed.QUEUE_DASHBOARD ?? false,
    smtpUrl: parsed.SMTP_URL,
    mailFrom: parsed.MAIL_FROM ?? 'Helhedsplan <no-reply@helhedsplan.local>',
    mailDir: parsed.MAIL_DIR ?? '.data/mail',
    invitationTtlHours: parsed.INVITATION_TTL_HOURS ?? 72,
    logLevel: parsed.LOG_LEVEL ?? 'info',
    mfaRequiredRoles,
    mfaEncryptionKey: parsed.MFA_ENCRYPTION_KEY
      ? Buffer.from(parsed.MFA_ENCRYPTION_KEY, 'base64')
      : Buffer.from(hkdfSync('sha256', parsed.JWT_SECRET, 'helhedsplan', 'totp-secrets', 32)),
    stepUpMaxAgeSeconds: parsed.STEP_UP_MAX_AGE_SECONDS ?? 900,
    ssoProvidersFile: parsed.SSO_PROVIDERS_FILE,
    ssoSessionHours: parsed.SSO_SESSION_HOURS ?? 10,
    ssoProvidersReloadSeconds: parsed.SSO_PROVIDERS_RELOAD_SECONDS ?? 60,
    sessionMaxHours: parsed.SESSION_MAX_HOURS ?? 12,
    webauthnRpId: parsed.WEBAUTHN_RP_ID ?? new URL(publicUrl).hostname,
    webauthnOrigin: parsed.WEBAUTHN_ORIGIN ?? new URL(publicUrl).origin,
  };
}

/** The nearest directory up from the working directory with this project's package.json (the working directory if none). */
function projectRoot(): string {
  for (let dir = process.cwd(); ; dir = path.dirname(dir)) {
    try {
      if ((JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string }).name === 'helhedsplan-backend') return dir;
    } catch {
      // no package.json here: look further up
    }
    if (path.dirname(dir) === dir) return process.cwd();
  }
}
