import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../access/actor';
import { AuditWriter } from '../audit/audit-writer';
import { passwordProblems } from '../auth/password-policy';
import { hashPassword } from '../auth/passwords';
import { LOCAL_PROVIDER, signInDetails } from '../auth/sign-in-audit';
import type { RequestOrigin } from '../auth/sign-in-types';
import { InvalidInput, Unauthenticated } from '../common/domain-errors';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { Outbox } from '../jobs/outbox';
import { ACCOUNT_MAIL_QUEUE, JOBS, type SendPasswordResetLinkJob } from '../jobs/queues';
import { MailService } from '../mail/mail.service';
import { hashLinkToken, newLinkToken } from './link-tokens';
import { PasswordResetLinksRepository } from './password-reset-links.repository';
import { passwordResetMail } from './password-reset-mail';
import { SessionsRepository } from './sessions.repository';
import type { User } from './user.entity';
import { UsersRepository } from './users.repository';

/**
 * How long a reset's link works. Shorter than an invitation's (72 h): the person asked their leader
 * for the reset and waits for the e-mail, and a link left in a mailbox is a way into the account.
 * An expired link is replaced by resetting again.
 */
export const PASSWORD_RESET_LINK_TTL_HOURS = 24;

const USER_MANAGEMENT = 'user_management';

/**
 * After a reset of a user's second factor, the password that went with the old factor must not be
 * what enrols the new one: whoever knew it could have locked the factor on purpose, waited for the
 * reset and enrolled first. So the reset removes the local password and the user gets a one-time
 * link by e-mail (like an invitation's: a token made when the e-mail is sent, only its hash kept,
 * an expiry, used once, the newest reset's link the only one that works) to choose a new password
 * and go on to enrol. Until then a password sign-in answers as a wrong password does (there is no
 * password to match), which tells someone who tries the old one nothing. An account that signs in
 * only through single sign-on has no local password and gets no link.
 */
@Injectable()
export class PasswordResetLinks {
  private readonly logger = new Logger(PasswordResetLinks.name);

  constructor(
    private readonly links: PasswordResetLinksRepository,
    private readonly users: UsersRepository,
    private readonly sessions: SessionsRepository,
    private readonly outbox: Outbox,
    private readonly audit: AuditWriter,
    private readonly mail: MailService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectEntityManager() private readonly manager: EntityManager,
  ) {}

  /**
   * In the reset's transaction: removes the user's local password (audited) and files the e-mail
   * with a new link, superseding an earlier one. Also for an account whose password an earlier
   * reset removed and whose link went unused (expired, say). False for an account without a
   * password of its own (single sign-on only): nothing to send.
   */
  async issueAfterFactorReset(manager: EntityManager, actor: Actor, user: User, origin: RequestOrigin): Promise<boolean> {
    const removed = await this.users.removePassword(manager, user.id);
    if (!removed && !(await this.links.hasUnused(manager, user.id))) return false;
    if (removed) {
      const details = signInDetails(origin, { provider: LOCAL_PROVIDER, method: 'password', outcome: 'changed' });
      await this.audit.record(actor, { action: 'user.password_removed', purpose: USER_MANAGEMENT, entityType: 'user', entityId: user.id, details }, manager);
    }
    await this.links.supersedeOpen(manager, user.id);
    const link = await this.links.insert(manager, { userId: user.id, requestedBy: actor.userId, expiresAt: new Date(Date.now() + PASSWORD_RESET_LINK_TTL_HOURS * 3600_000) });
    const job: SendPasswordResetLinkJob = { linkId: link.id, at: new Date().toISOString() };
    await this.outbox.enqueue(manager, ACCOUNT_MAIL_QUEUE, JOBS.sendPasswordResetLink, job);
    return true;
  }

  /**
   * The worker's part: a fresh token, its hash stored, and the e-mail sent. A retried job sends a
   * new link, and only the newest works; nothing for a link used, superseded or expired, or an
   * account deactivated since.
   */
  async deliver(job: SendPasswordResetLinkJob): Promise<'sent' | 'not_open' | 'no_active_user'> {
    const link = await this.links.findSendable(this.manager, job.linkId);
    if (!link) return 'not_open';
    const user = await this.users.findActive(this.manager, link.userId);
    if (!user) return 'no_active_user';
    const { token, hash } = newLinkToken();
    if (!(await this.links.storeTokenHash(this.manager, link.id, hash))) return 'not_open';
    await this.mail.send(passwordResetMail(user, new Date(job.at), `${this.config.publicUrl}/set-password#reset=${token}`, link.expiresAt));
    this.logger.log({ linkId: link.id, userId: user.id }, 'password reset link sent');
    return 'sent';
  }

  /**
   * The user chooses a new password with the link's token, in the caller's transaction (which goes
   * on to sign them in): the link is used up, any session of theirs ends, and it is audited. An
   * unknown, used, superseded or expired link, or one of an account deactivated since, answers alike
   * (401), telling a guesser nothing; a password the policy refuses leaves the link usable.
   */
  async use(manager: EntityManager, token: string, password: string, origin: RequestOrigin): Promise<User> {
    const link = await this.links.lockUsableByTokenHash(manager, hashLinkToken(token));
    const user = link && (await this.users.lockById(manager, link.userId));
    if (!link || !user?.active) {
      throw new Unauthenticated('The link is not valid: it was used, replaced by a newer one or has expired. Ask your leader to reset your second factor again.', { code: 'password_reset_link_invalid' });
    }
    const problems = passwordProblems(password, { email: user.email, name: user.name });
    if (problems.length) throw new InvalidInput(problems, 'weak_password');
    await this.users.update(manager, user.id, { passwordHash: await hashPassword(password) });
    await this.links.markUsed(manager, link.id);
    await this.sessions.endAllOf(manager, user.id, 'password_changed');
    const details = signInDetails(origin, { provider: LOCAL_PROVIDER, method: 'password', outcome: 'changed' });
    await this.audit.record(
      { userId: user.id, role: user.role, planId: user.planId, requestId: origin.requestId },
      { action: 'user.password_reset_link_used', purpose: USER_MANAGEMENT, entityType: 'user', entityId: user.id, details },
      manager,
    );
    return user;
  }
}
