import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import type { Job } from 'bullmq';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { QueueWorkers, type QueueHandler } from '../jobs/queue-workers';
import { ACCOUNTS_QUEUE, JOBS } from '../jobs/queues';
import { Schedules } from '../jobs/schedules';
import { AccountNotices, type AccountNotice } from './account-notices';
import { UnusedAccounts } from './unused-accounts.service';

/** The accounts queue's worker, in processes that run workers: notices about accounts, and the nightly closing of unused ones. */
@Injectable()
export class AccountsProcessor implements QueueHandler, OnApplicationBootstrap {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly workers: QueueWorkers,
    private readonly schedules: Schedules,
    private readonly notices: AccountNotices,
    private readonly unused: UnusedAccounts,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.processRole === 'api') return;
    this.workers.start(ACCOUNTS_QUEUE, this);
    // After retention (02:30) and before the working day: nobody is closed while signing in.
    this.schedules.runDaily({ key: 'unused-accounts', at: '03:15', queue: ACCOUNTS_QUEUE, jobName: JOBS.deactivateUnusedAccounts });
  }

  async process(job: Job): Promise<unknown> {
    if (job.name === JOBS.sendAccountNotice) return this.notices.deliver(job.data as AccountNotice);
    if (job.name === JOBS.deactivateUnusedAccounts) return this.unused.run();
    throw new Error(`the accounts queue has no job called "${job.name}"`);
  }
}
