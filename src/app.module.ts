import { DynamicModule, Module, RequestMethod } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { LoggerModule } from 'nestjs-pino';
import pino, { type DestinationStream } from 'pino';
import { safeErrorFacts } from './common/safe-error';
import { AccessModule } from './access/access.module';
import { ActivitiesModule } from './activities/activities.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import type { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { ConsentsModule } from './consents/consents.module';
import { CounsellingModule } from './counselling/counselling.module';
import { DatabaseModule } from './database/database.module';
import { EmployersModule } from './employers/employers.module';
import { HealthModule } from './health/health.module';
import { IdempotencyModule } from './idempotency/idempotency.module';
import { IndicatorsModule } from './indicators/indicators.module';
import { JobsModule } from './jobs/jobs.module';
import { MailModule } from './mail/mail.module';
import { InternshipsModule } from './internships/internships.module';
import { VolunteersModule } from './volunteers/volunteers.module';
import { JobcentreModule } from './jobcentre/jobcentre.module';
import { SmallJobsModule } from './small-jobs/small-jobs.module';
import { OutreachModule } from './outreach/outreach.module';
import { JobProgrammesModule } from './job-programmes/job-programmes.module';
import { PlansModule } from './plans/plans.module';
import { RedisModule } from './redis/redis.module';
import { RemindersModule } from './reminders/reminders.module';
import { ResidentRightsModule } from './resident-rights/resident-rights.module';
import { ResidentsModule } from './residents/residents.module';
import { UsersModule } from './users/users.module';
import { SchoolHolidaysModule } from './school-holidays/school-holidays.module';
import { StatisticsModule } from './statistics/statistics.module';
import { SsoModule } from './sso/sso.module';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** A client's X-Request-Id is kept when it is harmless, so one id follows a request across systems. */
export function requestIdFor(header: unknown): string {
  return typeof header === 'string' && REQUEST_ID.test(header) ? header : randomUUID();
}

@Module({})
export class AppModule {
  /** `logStream`: where logs go instead of stdout (tests read them to prove what is never logged). */
  static forRoot(config: AppConfig, logStream?: DestinationStream): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot({
          pinoHttp: [
            {
              level: config.logLevel,
              // No personal data in logs: no bodies, no query strings (name searches), no auth headers, and
              // of an error only facts that cannot quote what was sent (safe-error.ts), whoever logs it.
              // Every line logged during a request carries `req` (with its id, the X-Request-Id): one
              // child logger per request, not a second one for a top-level copy of the id.
              serializers: {
                req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, path: req.url.split('?')[0] }),
                res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
                err: safeErrorFacts,
                error: safeErrorFacts,
              },
            },
            // Written asynchronously: a synchronous write per request to a pipe stalled the event loop
            // under load (bench/README.md). Lines coalesce while a write is under way and are flushed on exit.
            logStream ?? pino.destination({ dest: 1, sync: false }),
          ],
          // Probes every few seconds would drown the log.
          exclude: [{ method: RequestMethod.ALL, path: 'health/{*path}' }],
        }),
        DatabaseModule,
        RedisModule,
        IdempotencyModule,
        AccessModule,
        AuditModule,
        HealthModule,
        MailModule,
        PlansModule,
        UsersModule,
        AuthModule,
        SsoModule,
        ResidentsModule,
        CounsellingModule,
        ActivitiesModule,
        ConsentsModule,
        EmployersModule,
        SchoolHolidaysModule,
        JobProgrammesModule,
        InternshipsModule,
        VolunteersModule,
        JobcentreModule,
        SmallJobsModule,
        OutreachModule.register(config.processRole),
        JobsModule,
        IndicatorsModule,
        StatisticsModule.register(config.processRole),
        RemindersModule.register(config.processRole),
        ResidentRightsModule.register(config.processRole),
      ],
    };
  }
}
