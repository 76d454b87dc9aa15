import { BullModule } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { Outbox } from './outbox';
import { OutboxRelay } from './outbox-relay';
import { REMINDERS_QUEUE, STATISTICS_QUEUE } from './queues';
import { bullConnection } from './redis-connection';
import { Schedules } from './schedules';

/** BullMQ wiring, the outbox and its relay, and the schedules. */
@Global()
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({ connection: bullConnection(config.redisUrl), prefix: `${config.redisPrefix}:bull` }),
    }),
    BullModule.registerQueue({ name: STATISTICS_QUEUE }, { name: REMINDERS_QUEUE }),
  ],
  providers: [Outbox, OutboxRelay, Schedules],
  exports: [Outbox, OutboxRelay, BullModule],
})
export class JobsModule {}
