import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import type { Job } from 'bullmq';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { QueueWorkers, type QueueHandler } from '../jobs/queue-workers';
import { INVITATION_MAIL_QUEUE, JOBS, type SendInvitationJob } from '../jobs/queues';
import { InvitationsService } from './invitations.service';

/** The invitation-mail queue's worker, in processes that run workers: it hands each job to the invitations service. */
@Injectable()
export class InvitationMailProcessor implements QueueHandler, OnApplicationBootstrap {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly workers: QueueWorkers,
    private readonly invitations: InvitationsService,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.processRole !== 'api') this.workers.start(INVITATION_MAIL_QUEUE, this);
  }

  async process(job: Job): Promise<unknown> {
    if (job.name !== JOBS.sendInvitation) throw new Error(`the invitation-mail queue has no job called "${job.name}"`);
    return { outcome: await this.invitations.deliver((job.data as SendInvitationJob).invitationId) };
  }
}
