import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import type { Job } from 'bullmq';
import { QueueWorkers, type QueueHandler } from '../jobs/queue-workers';
import { JOBS, RETENTION_QUEUE } from '../jobs/queues';
import { Schedules } from '../jobs/schedules';
import { RetentionService } from './retention.service';

/** The retention queue's worker, in processes that run workers: once a night, when few people work. */
@Injectable()
export class RetentionProcessor implements QueueHandler, OnApplicationBootstrap {
  constructor(
    private readonly retention: RetentionService,
    private readonly workers: QueueWorkers,
    private readonly schedules: Schedules,
  ) {}

  onApplicationBootstrap(): void {
    this.workers.start(RETENTION_QUEUE, this);
    this.schedules.runDaily({ key: 'retention', at: '02:30', queue: RETENTION_QUEUE, jobName: JOBS.eraseExpiredResidents });
  }

  async process(job: Job): Promise<unknown> {
    if (job.name !== JOBS.eraseExpiredResidents) throw new Error(`the retention queue has no job called "${job.name}"`);
    // As of now, not of the day it was filed for: a late run never erases anyone who became active since.
    return this.retention.run();
  }
}
