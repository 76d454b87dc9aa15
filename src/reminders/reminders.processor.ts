import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { JOBS, REMINDERS_QUEUE } from '../jobs/queues';
import { RemindersService } from './reminders.service';

/** The reminders queue's worker: the daily recomputation. */
@Processor(REMINDERS_QUEUE)
export class RemindersProcessor extends WorkerHost {
  constructor(private readonly reminders: RemindersService) {
    super();
  }

  async process(job: Job): Promise<unknown> {
    if (job.name !== JOBS.computeReminders) throw new Error(`the reminders queue has no job called "${job.name}"`);
    return { due: await this.reminders.compute() };
  }
}
