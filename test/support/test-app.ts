import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import request from 'supertest';
import { createApp } from '../../src/app.factory';
import type { AppConfig } from '../../src/config/app-config';
import { TEST_REDIS_URL, testAppDatabaseUrl, testDatabaseUrl, testRedisPrefix } from './test-env';

export const API = '/api/v1';

export function testConfig(overrides: Partial<AppConfig> = {}): AppConfig {
  return {
    production: false,
    databaseUrl: testAppDatabaseUrl(),
    // Global setup migrated the database; an app started by a test does not migrate it again.
    migrationDatabaseUrl: testDatabaseUrl(),
    databaseCreateIfMissing: false,
    databasePoolSize: 10,
    redisUrl: TEST_REDIS_URL,
    // Each app gets its own key space, so one file's failed logins never throttle another's.
    redisPrefix: `${testRedisPrefix()}:${randomBytes(3).toString('hex')}`,
    port: 0,
    publicUrl: 'http://localhost:3000',
    trustProxy: false,
    jwtSecret: randomBytes(32).toString('hex'),
    accessTokenTtlSeconds: 900,
    refreshTokenTtlSeconds: 3600 * 24,
    processRole: 'all',
    outboxPollMs: 100,
    jobAttempts: 2,
    jobBackoffMs: 50,
    reconcileIntervalMs: 500,
    jobLockMs: 3000,
    reportDeadlineMinutes: 120,
    demoData: false,
    apiDocs: true,
    queueDashboard: false,
    mailFrom: 'Helhedsplan test <no-reply@test.helhedsplan.local>',
    mailDir: '.data/test-mail',
    invitationTtlHours: 72,
    logLevel: 'silent',
    // Sign-in with a second factor is tested where it is the subject (test/e2e/mfa*.e2e-spec.ts).
    mfaRequiredRoles: [],
    mfaEncryptionKey: randomBytes(32),
    stepUpMaxAgeSeconds: 900,
    ssoSessionHours: 10,
    // Tests reload the providers file themselves (SIGHUP), never on a timer.
    ssoProvidersReloadSeconds: 0,
    sessionMaxHours: 12,
    webauthnRpId: 'localhost',
    webauthnOrigin: 'http://localhost:3000',
    // API-only by default: no index.html there. The web app's own tests point it at a build.
    webAppDir: path.resolve('.data/no-web-app'),
    ...overrides,
  };
}

export interface TestApp {
  app: NestFastifyApplication;
  http: () => ReturnType<typeof request>;
  close: () => Promise<void>;
}

/** The real application (Fastify, PostgreSQL, Redis) on this run's database. */
export async function createTestApp(overrides: Partial<AppConfig> = {}): Promise<TestApp> {
  const app = await createApp(testConfig(overrides), { logger: false });
  return { app, http: () => request(app.getHttpServer()), close: () => app.close() };
}
