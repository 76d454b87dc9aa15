import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { PrivilegeCheck } from './privilege-check';
import { PreparedStatements } from './prepared-statements';
import { UnitOfWork } from './unit-of-work';

@Global()
@Module({
  providers: [UnitOfWork, PrivilegeCheck, PreparedStatements],
  exports: [UnitOfWork, PreparedStatements],
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        type: 'postgres' as const,
        url: config.databaseUrl,
        autoLoadEntities: true,
        synchronize: false,
        migrationsRun: false,
        // TypeORM's own logger prints queries with their parameters, which can hold personal data.
        logging: false,
        // The URL's login is the least-privilege app role (app-login.ts; PrivilegeCheck refuses anything more).
        // A request waits at most a few seconds for a connection, then answers 503 instead of hanging.
        extra: { options: '-c TimeZone=UTC', max: config.databasePoolSize, connectionTimeoutMillis: 5000 },
      }),
    }),
  ],
})
export class DatabaseModule {}
