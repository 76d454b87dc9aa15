import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Outbox } from '../../jobs/outbox';
import { ACCOUNT_MAIL_QUEUE, JOBS, type AccountNoticeJob } from '../../jobs/queues';
import { MailService } from '../../mail/mail.service';
import { UsersService } from '../../users/users.service';
import { MFA_LOCK_AFTER_FAILURES } from '../mfa/mfa-lock-policy';
import { accountNoticeMail } from './account-notice-mail';

/**
 * E-mails that tell a user what happened to their account (their second factor locked, or reset
 * by their leader where the account has no password of its own: a password account gets the
 * reset's link instead, src/users/password-reset-links.service.ts), so that someone else's doing
 * does not go unnoticed. Filed in the outbox in
 * the transaction of what they tell (nothing accepted is lost), sent by a worker.
 */
@Injectable()
export class AccountNotices {
  private readonly logger = new Logger(AccountNotices.name);

  constructor(
    private readonly outbox: Outbox,
    private readonly users: UsersService,
    private readonly mail: MailService,
  ) {}

  /** Files the notice in the caller's transaction; it is sent once that commits. */
  async file(manager: EntityManager, userId: string, notice: AccountNoticeJob['notice']): Promise<void> {
    const job: AccountNoticeJob = { userId, notice, at: new Date().toISOString() };
    await this.outbox.enqueue(manager, ACCOUNT_MAIL_QUEUE, JOBS.sendFactorNotice, job);
  }

  /** The worker's part. A retried job may send the notice twice, which tells nobody anything wrong. */
  async deliver(job: AccountNoticeJob): Promise<'sent' | 'no_active_user'> {
    const user = await this.users.findActiveUser(job.userId);
    if (!user) return 'no_active_user';
    await this.mail.send(accountNoticeMail(user, job.notice, new Date(job.at), MFA_LOCK_AFTER_FAILURES));
    this.logger.log({ userId: job.userId, notice: job.notice }, 'account notice sent');
    return 'sent';
  }
}
