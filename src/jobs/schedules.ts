import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { PLAN_TIME_ZONE } from '../common/time';
import { JOBS, REMINDERS_QUEUE, STATISTICS_QUEUE } from './queues';

/**
 * Repeating work, registered as BullMQ job schedulers (idempotent by id, so every worker may
 * register them and one job still runs per tick), in the plans' time zone.
 */
@Injectable()
export class Schedules implements OnApplicationBootstrap {
  private readonly logger = new Logger(Schedules.name);

  constructor(
    @InjectQueue(STATISTICS_QUEUE) private readonly queue: Queue,
    @InjectQueue(REMINDERS_QUEUE) private readonly remindersQueue: Queue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.processRole === 'api') return;
    try {
      // 1 January and 1 July, just after midnight: the previous half-year is complete.
      await this.queue.upsertJobScheduler('half-year-reports', { pattern: '5 0 1 1,7 *', tz: PLAN_TIME_ZONE }, { name: JOBS.scheduleHalfYearReports });
      await this.remindersQueue.upsertJobScheduler('reminders', { pattern: '0 5 * * *', tz: PLAN_TIME_ZONE }, { name: JOBS.computeReminders });
    } catch (error) {
      // Redis may be down at start; the schedules are registered again on the next start and jobs wait in the outbox meanwhile.
      this.logger.warn({ err: error }, 'could not register the job schedules');
    }
  }
}
