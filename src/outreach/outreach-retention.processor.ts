import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import type { Job } from 'bullmq';
import { QueueWorkers, type QueueHandler } from '../jobs/queue-workers';
import { JOBS, OUTREACH_QUEUE } from '../jobs/queues';
import { Schedules } from '../jobs/schedules';
import { OutreachRetentionService } from './outreach-retention.service';

/** The outreach queue's worker: once a night, after the residents' retention (02:30). */
@Injectable()
export class OutreachRetentionProcessor implements QueueHandler, OnApplicationBootstrap {
  constructor(
    private readonly retention: OutreachRetentionService,
    private readonly workers: QueueWorkers,
    private readonly schedules: Schedules,
  ) {}

  onApplicationBootstrap(): void {
    this.workers.start(OUTREACH_QUEUE, this);
    this.schedules.runDaily({ key: 'outreach-retention', at: '02:45', queue: OUTREACH_QUEUE, jobName: JOBS.forgetExpiredOutreachNames });
  }

  async process(job: Job): Promise<unknown> {
    if (job.name !== JOBS.forgetExpiredOutreachNames) throw new Error(`the outreach queue has no job called "${job.name}"`);
    // As of now: a late run deletes what is due by then, and a list deleted once is never picked again.
    return this.retention.run();
  }
}
