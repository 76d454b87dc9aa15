import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import type { Job } from 'bullmq';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { QueueWorkers, type QueueHandler } from '../../jobs/queue-workers';
import { ACCOUNT_MAIL_QUEUE, JOBS, type AccountNoticeJob, type SendPasswordResetLinkJob } from '../../jobs/queues';
import { PasswordResetLinks } from '../../users/password-reset-links.service';
import { AccountNotices } from './account-notices';

/** The account-mail queue's worker, in processes that run workers: it hands each job to AccountNotices, or a reset's link to PasswordResetLinks. */
@Injectable()
export class AccountNoticeProcessor implements QueueHandler, OnApplicationBootstrap {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly workers: QueueWorkers,
    private readonly notices: AccountNotices,
    private readonly passwordResets: PasswordResetLinks,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.processRole !== 'api') this.workers.start(ACCOUNT_MAIL_QUEUE, this);
  }

  async process(job: Job): Promise<unknown> {
    if (job.name === JOBS.sendPasswordResetLink) return { outcome: await this.passwordResets.deliver(job.data as SendPasswordResetLinkJob) };
    if (job.name !== JOBS.sendFactorNotice) throw new Error(`the account-mail queue has no job called "${job.name}"`);
    return { outcome: await this.notices.deliver(job.data as AccountNoticeJob) };
  }
}
