import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AuditWriter } from '../audit/audit-writer';
import { UnitOfWork } from '../database/unit-of-work';
import { PlanSettingsService } from '../plans/plan-settings.service';
import { RoleGrantsService, USER_MANAGEMENT } from './role-grants.service';
import { SessionsRepository } from './sessions.repository';
import { UsersRepository, type UnusedAccount } from './users.repository';

/**
 * Leavers (issue 20): an account nobody has signed in to (or refreshed a session of) for its plan's
 * `deactivateUnusedAccountsAfterDays` is deactivated by the nightly job, as a system event in the
 * audit log, with its sessions ended and any grant waiting for it dropped; the plan's leaders are
 * told by e-mail. Reactivating it is a leader's PATCH, which for a role that reads case notes needs
 * a second person's approval like any grant. The platform admin belongs to no plan and is never
 * deactivated by it: it is the account that sets plans up again, and an unused one is the
 * operator's to close.
 */
@Injectable()
export class UnusedAccounts {
  private readonly logger = new Logger(UnusedAccounts.name);

  constructor(
    private readonly users: UsersRepository,
    private readonly sessions: SessionsRepository,
    private readonly grants: RoleGrantsService,
    private readonly settings: PlanSettingsService,
    private readonly audit: AuditWriter,
    private readonly uow: UnitOfWork,
  ) {}

  /** Deactivates every account unused at `now` (as of now, not the day the run was filed: whoever signed in since stays). */
  async run(now = new Date()): Promise<{ deactivated: number }> {
    const limits = await this.settings.unusedAccountLimits();
    const requestId = `unused-accounts-${randomUUID()}`;
    const deactivated = await this.uow.inNewTransaction(async (manager) => {
      const accounts = await this.users.lockUnused(manager, limits, now);
      await this.users.deactivate(manager, accounts.map((a) => a.id));
      for (const account of accounts) {
        await this.sessions.endAllOf(manager, account.id, 'unused');
        const open = await this.grants.lockOpenOf(manager, account.id);
        const system = { userId: null, role: null, planId: account.planId, requestId };
        if (open) await this.grants.close(manager, system, open, 'superseded');
        await this.audit.record(system, { action: 'user.deactivated_unused', purpose: USER_MANAGEMENT, entityType: 'user', entityId: account.id }, manager);
      }
      for (const [planId, closed] of byPlan(accounts)) {
        const days = limits.find((l) => l.planId === planId)?.days ?? 0;
        await this.grants.notify(manager, { kind: 'unused_deactivated', planId, userIds: closed.map((a) => a.id), days });
      }
      return accounts.length;
    });
    if (deactivated > 0) this.logger.log({ deactivated }, 'deactivated accounts unused for their plan\'s limit');
    return { deactivated };
  }
}

function byPlan(accounts: UnusedAccount[]): Map<string, UnusedAccount[]> {
  const plans = new Map<string, UnusedAccount[]>();
  for (const a of accounts) plans.set(a.planId, [...(plans.get(a.planId) ?? []), a]);
  return plans;
}
