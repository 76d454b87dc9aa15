import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { PlanRole } from '../access/roles';
import { AuditWriter, type AuditActor } from '../audit/audit-writer';
import type { ProblemItem } from '../common/domain-errors';
import { Outbox } from '../jobs/outbox';
import { ACCOUNTS_QUEUE, JOBS } from '../jobs/queues';
import { PlanSettingsService } from '../plans/plan-settings.service';
import type { AccountNotice } from './account-notices';
import { isGuarded, needsApproval } from './approval-rules';
import { RoleRequestsRepository, type RoleRequest, type RoleRequestOutcome } from './role-requests.repository';
import { SessionsRepository } from './sessions.repository';
import type { User } from './user.entity';
import { UsersRepository } from './users.repository';

export const USER_MANAGEMENT = 'user_management';

/** Who asks for a change: for the audit log (`actor`; userId null for the provider) and for the rules (`kind`). */
export interface GrantRequester {
  actor: AuditActor;
  kind: 'admin' | 'plan_user' | 'provider';
}

/** What an account should become: its role, and whether it may sign in. */
export interface WantedAccess {
  role: PlanRole;
  active: boolean;
}

const event = (action: string, userId: string) => ({ action, purpose: USER_MANAGEMENT, entityType: 'user', entityId: userId });

/**
 * Grants of roles (approval-rules.ts): what narrows access or needs nobody's approval happens at
 * once; a grant that reads a compartment's notes (or approves such grants) is filed as a request
 * that a second person decides (RoleApprovalsService). Used by every door to a role: a leader's or
 * the admin's PATCH, an accepted invitation, and single sign-on. Runs in the caller's transaction,
 * with the user's row locked by the caller.
 */
@Injectable()
export class RoleGrantsService implements OnModuleInit {
  constructor(
    private readonly users: UsersRepository,
    private readonly requests: RoleRequestsRepository,
    private readonly sessions: SessionsRepository,
    private readonly audit: AuditWriter,
    private readonly outbox: Outbox,
    private readonly settings: PlanSettingsService,
  ) {}

  onModuleInit(): void {
    this.settings.useApproverCheck((manager, planId, userId) => this.approverProblems(manager, planId, userId));
  }

  /** Whether a new account of `role` must wait for approval: it is then made inactive and `fileForNewAccount` follows. */
  async newAccountWaits(manager: EntityManager, planId: string, role: PlanRole, requester: GrantRequester): Promise<boolean> {
    if (!isGuarded(role)) return false;
    const planHasAnotherLeader = await this.users.hasAnotherActiveLeader(manager, planId, null);
    return needsApproval({ from: null, to: role, requestedBy: requester.kind, planHasAnotherLeader });
  }

  /** The request of a new, inactive account for its role; `requestedBy` is who asked (the inviter; null: the provider). */
  async fileForNewAccount(manager: EntityManager, requester: GrantRequester, user: User, requestedBy: string | null): Promise<RoleRequest> {
    return this.file(manager, requester, { planId: user.planId as string, userId: user.id, role: user.role as PlanRole, fromRole: null, activates: true, requestedBy });
  }

  /**
   * Moves a user towards `want`. What is already wanted (the user as they are, or their open
   * request) changes nothing; anything else replaces the open request. Deactivating, and whatever
   * needs no approval, takes effect at once (a new role ends the sessions of the old one); a grant
   * that needs approval is filed and the user stays as they are.
   */
  async change(manager: EntityManager, requester: GrantRequester, user: User, want: WantedAccess): Promise<{ user: User; pending?: RoleRequest }> {
    const open = await this.requests.lockOpenOf(manager, user.id);
    const baseline = open ? { role: open.role, active: open.activates || user.active } : { role: user.role as PlanRole, active: user.active };
    if (want.role === baseline.role && want.active === baseline.active) return { user, pending: open };
    if (open) await this.close(manager, requester.actor, open, open.requestedBy === requester.actor.userId ? 'withdrawn' : 'superseded');

    const from = user.active ? (user.role as PlanRole) : null;
    if (want.active && from === want.role) return { user };
    const planHasAnotherLeader = await this.users.hasAnotherActiveLeader(manager, user.planId as string, user.id);
    if (!want.active || !needsApproval({ from, to: want.role, requestedBy: requester.kind, planHasAnotherLeader })) {
      return { user: await this.apply(manager, requester.actor, user, want) };
    }
    // A new account that never was approved stays one (fromRole null) when its request is replaced.
    const isNew = !user.active && open?.fromRole === null;
    const pending = await this.file(manager, requester, {
      planId: user.planId as string,
      userId: user.id,
      role: want.role,
      fromRole: isNew ? null : (user.role as PlanRole),
      activates: !user.active,
      requestedBy: requester.actor.userId,
    });
    return { user, pending };
  }

  /**
   * Makes the user what `want` says, now: audited as `user.role_changed.<from>.<to>`,
   * `user.deactivated` or `user.reactivated` (not for a new account's first activation: its
   * approval says it); a new role or deactivation ends the user's sessions, and (re)activation
   * counts as being seen, so the nightly job does not close the account at once.
   */
  async apply(manager: EntityManager, actor: AuditActor, user: User, want: WantedAccess, newAccount = false): Promise<User> {
    const activated = want.active && !user.active;
    const lastSeenAt = activated ? new Date() : user.lastSeenAt;
    await this.users.update(manager, user.id, { role: want.role, active: want.active, ...(activated ? { lastSeenAt } : {}) });
    const events = [];
    if (want.role !== user.role) {
      if (user.active) await this.sessions.endAllOf(manager, user.id, 'role_changed');
      events.push(event(`user.role_changed.${user.role}.${want.role}`, user.id));
    }
    if (want.active !== user.active) {
      if (!want.active) await this.sessions.endAllOf(manager, user.id, 'deactivated');
      if (!newAccount) events.push(event(want.active ? 'user.reactivated' : 'user.deactivated', user.id));
    }
    await this.audit.record({ ...actor, planId: user.planId }, events, manager);
    return { ...user, role: want.role, active: want.active, lastSeenAt };
  }

  /** Decides an open request (approved, refused, withdrawn or replaced), audited; the user and the plan's leaders are told. */
  async close(manager: EntityManager, actor: AuditActor, request: RoleRequest, outcome: RoleRequestOutcome): Promise<void> {
    await this.requests.decide(manager, request.id, outcome, actor.userId);
    const action = { approved: 'user.approval_granted', rejected: 'user.approval_refused', withdrawn: 'user.approval_withdrawn', superseded: 'user.approval_superseded' }[outcome];
    await this.audit.record({ ...actor, planId: request.planId }, event(action, request.userId), manager);
    await this.notify(manager, { kind: 'approval_decided', roleRequestId: request.id });
  }

  openOf(manager: EntityManager, userIds: readonly string[]): Promise<Map<string, RoleRequest>> {
    return this.requests.openOf(manager, userIds);
  }

  lockOpenOf(manager: EntityManager, userId: string): Promise<RoleRequest | undefined> {
    return this.requests.lockOpenOf(manager, userId);
  }

  notify(manager: EntityManager, notice: AccountNotice): Promise<string> {
    return this.outbox.enqueue(manager, ACCOUNTS_QUEUE, JOBS.sendAccountNotice, notice);
  }

  private async file(manager: EntityManager, requester: GrantRequester, values: Parameters<RoleRequestsRepository['insert']>[1]): Promise<RoleRequest> {
    const request = await this.requests.insert(manager, values);
    const from = values.fromRole ?? 'none';
    await this.audit.record(
      { ...requester.actor, planId: values.planId },
      event(`user.approval_requested.${from}.${values.role}`, values.userId),
      manager,
    );
    await this.notify(manager, { kind: 'approval_requested', roleRequestId: request.id });
    return request;
  }

  /** A plan's named approver must be an active leader, counsellor or social worker of the plan (plan settings). */
  private async approverProblems(manager: EntityManager, planId: string, userId: string): Promise<ProblemItem[]> {
    const user = await this.users.findInPlan(manager, userId, planId);
    if (user?.active && isGuarded(user.role)) return [];
    return [{ field: 'approverUserId', rule: 'approver_eligible', message: 'the approver must be an active leader, counsellor or social worker of this plan' }];
  }
}
