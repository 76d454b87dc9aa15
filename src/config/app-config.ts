import { plainToInstance, Transform } from 'class-transformer';
import {
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';

export const PROCESS_ROLES = ['api', 'worker', 'all'] as const;
export type ProcessRole = (typeof PROCESS_ROLES)[number];

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));
const toBool = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : ['1', 'true', 'yes', 'on'].includes(String(value).toLowerCase());

/** The environment the service reads, validated once at start-up so a bad setting fails fast with a clear message. */
class Environment {
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL?: string;

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
  @Transform(toBool)
  DEMO_DATA?: boolean;

  @IsOptional()
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL?: string;
}

export interface AppConfig {
  databaseUrl: string;
  databaseCreateIfMissing: boolean;
  redisUrl: string;
  redisPrefix: string;
  port: number;
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
  demoData: boolean;
  logLevel: string;
}

export class ConfigurationError extends Error {}

export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/helhedsplan';
export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const raw = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
  const parsed = plainToInstance(Environment, raw);
  const problems = validateSync(parsed, { whitelist: false }).flatMap((e) => Object.values(e.constraints ?? {}));
  if ((parsed.ADMIN_EMAIL === undefined) !== (parsed.ADMIN_PASSWORD === undefined)) {
    problems.push('ADMIN_EMAIL and ADMIN_PASSWORD must be set together');
  }
  if (problems.length > 0) {
    throw new ConfigurationError(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
  return {
    databaseUrl: parsed.DATABASE_URL ?? DEFAULT_DATABASE_URL,
    databaseCreateIfMissing: parsed.DATABASE_CREATE_IF_MISSING ?? true,
    redisUrl: parsed.REDIS_URL ?? DEFAULT_REDIS_URL,
    redisPrefix: parsed.REDIS_PREFIX ?? 'hp',
    port: parsed.PORT ?? 3000,
    jwtSecret: parsed.JWT_SECRET,
    accessTokenTtlSeconds: parsed.ACCESS_TOKEN_TTL_SECONDS ?? 900,
    refreshTokenTtlSeconds: parsed.REFRESH_TOKEN_TTL_SECONDS ?? 30 * 24 * 3600,
    adminEmail: parsed.ADMIN_EMAIL?.toLowerCase(),
    adminPassword: parsed.ADMIN_PASSWORD,
    processRole: parsed.PROCESS_ROLE ?? 'all',
    outboxPollMs: parsed.OUTBOX_POLL_MS ?? 1000,
    jobAttempts: parsed.JOB_ATTEMPTS ?? 3,
    jobBackoffMs: parsed.JOB_BACKOFF_MS ?? 5000,
    demoData: parsed.DEMO_DATA ?? false,
    logLevel: parsed.LOG_LEVEL ?? 'info',
  };
}
