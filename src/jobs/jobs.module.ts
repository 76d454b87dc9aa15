import { BullModule } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { jobQueuesProvider } from './job-queues';
import { Outbox } from './outbox';
import { OutboxRelay } from './outbox-relay';
import { QueueDashboardController } from './queue-dashboard.controller';
import { QueueWorkers } from './queue-workers';
import { QUEUES } from './queues';
import { OutboxRepository } from './outbox.repository';
import { Reconciler } from './reconciler';
import { bullConnection } from './redis-connection';
import { Schedules } from './schedules';

/** BullMQ wiring, the outbox and its relay, the workers, the daily schedules and the reconciler that makes sure accepted work ends. */
@Global()
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({ connection: bullConnection(config.redisUrl), prefix: `${config.redisPrefix}:bull` }),
    }),
    BullModule.registerQueue(...QUEUES.map((name) => ({ name }))),
  ],
  controllers: [QueueDashboardController],
  providers: [jobQueuesProvider, Outbox, OutboxRepository, OutboxRelay, QueueWorkers, Schedules, Reconciler],
  exports: [Outbox, OutboxRelay, QueueWorkers, Schedules, Reconciler, BullModule],
})
export class JobsModule {}
