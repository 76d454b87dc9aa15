import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { APP_DB_ROLE } from './app-db-role';

@Module({
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
        // Every pooled connection runs as the least-privilege app role (see app-db-role.ts).
        extra: { options: `-c role=${APP_DB_ROLE} -c TimeZone=UTC`, max: 10 },
      }),
    }),
  ],
})
export class DatabaseModule {}
