import { Injectable, Logger } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import type { EntityManager } from 'typeorm';
import { MailService, type Mail } from '../mail/mail.service';
import { PlanSettingsService } from '../plans/plan-settings.service';
import { PlansService } from '../plans/plans.service';
import { approvalDecidedMail, approvalRequestedMail, approvalRequestedToUserMail, unusedAccountsMail, type GrantFacts } from './account-mail';
import { RoleRequestsRepository } from './role-requests.repository';
import { UsersRepository } from './users.repository';

/** A job of the accounts queue's `send-account-notice`: what to tell whom is read when it is sent. */
export type AccountNotice =
  | { kind: 'approval_requested' | 'approval_decided'; roleRequestId: string }
  | { kind: 'unused_deactivated'; planId: string; userIds: string[]; days: number };

/**
 * E-mails about staff accounts, sent by a worker from the outbox (so a notice of a committed change
 * is never lost, and none is sent for a change that rolled back). A grant asked for is told to the
 * person and to whoever may approve it (the plan's leaders and named approver), its decision to the
 * person and the leaders; accounts closed for being unused to the leaders. A retried job may send
 * a notice twice, never a wrong one.
 */
@Injectable()
export class AccountNotices {
  private readonly logger = new Logger(AccountNotices.name);

  constructor(
    private readonly requests: RoleRequestsRepository,
    private readonly users: UsersRepository,
    private readonly plans: PlansService,
    private readonly settings: PlanSettingsService,
    private readonly mail: MailService,
    @InjectEntityManager() private readonly manager: EntityManager,
  ) {}

  async deliver(notice: AccountNotice): Promise<{ sent: number }> {
    const mails = notice.kind === 'unused_deactivated' ? await this.unusedMails(notice) : await this.grantMails(notice.kind, notice.roleRequestId);
    for (const mail of mails) await this.mail.send(mail);
    this.logger.log({ kind: notice.kind, sent: mails.length }, 'account notice sent');
    return { sent: mails.length };
  }

  private async grantMails(kind: 'approval_requested' | 'approval_decided', requestId: string): Promise<Mail[]> {
    const request = await this.requests.findById(this.manager, requestId);
    const user = request && (await this.users.findById(this.manager, request.userId));
    if (!request || !user) return [];
    const [plan, settings] = await Promise.all([this.plans.getPlan(request.planId, this.manager), this.settings.settingsOf(request.planId, this.manager)]);
    const nameOf = async (id: string | null) => (id ? ((await this.users.findById(this.manager, id))?.name ?? undefined) : undefined);
    const facts: GrantFacts = { request, planName: plan.name, user, requestedBy: await nameOf(request.requestedBy), decidedBy: await nameOf(request.decidedBy) };
    const others = (await this.users.leadersAnd(this.manager, request.planId, kind === 'approval_requested' ? [settings.approverUserId] : [])).filter((c) => c.id !== user.id);
    if (kind === 'approval_requested') return [approvalRequestedToUserMail(facts), ...others.map((to) => approvalRequestedMail(to, facts))];
    return [user, ...others].map((to) => approvalDecidedMail(to, facts));
  }

  private async unusedMails(notice: Extract<AccountNotice, { kind: 'unused_deactivated' }>): Promise<Mail[]> {
    const plan = await this.plans.getPlan(notice.planId, this.manager);
    const closed = (await Promise.all(notice.userIds.map((id) => this.users.findById(this.manager, id)))).filter((u) => u !== null);
    const leaders = await this.users.leadersAnd(this.manager, notice.planId, []);
    return leaders.map((to) => unusedAccountsMail(to, plan.name, notice.days, closed));
  }
}
