import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import type { Job } from 'bullmq';
import { QueueWorkers, type QueueHandler } from '../jobs/queue-workers';
import { JOBS, REMINDERS_QUEUE } from '../jobs/queues';
import { Schedules } from '../jobs/schedules';
import { RemindersService } from './reminders.service';

/** The reminders queue's worker, in processes that run workers: the daily recomputation at 05:00, and any asked for in between. */
@Injectable()
export class RemindersProcessor implements QueueHandler, OnApplicationBootstrap {
  constructor(
    private readonly reminders: RemindersService,
    private readonly workers: QueueWorkers,
    private readonly schedules: Schedules,
  ) {}

  onApplicationBootstrap(): void {
    this.workers.start(REMINDERS_QUEUE, this);
    // Before the working day starts in Denmark; a worker that was down at 05:00 runs it at its first sweep.
    this.schedules.runDaily({ key: 'reminders', at: '05:00', queue: REMINDERS_QUEUE, jobName: JOBS.computeReminders });
  }

  async process(job: Job): Promise<unknown> {
    if (job.name !== JOBS.computeReminders) throw new Error(`the reminders queue has no job called "${job.name}"`);
    // Always as of today: a run that comes late computes what is due now, not on the day it was filed for.
    return { due: await this.reminders.compute() };
  }
}
