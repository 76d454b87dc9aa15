import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../access/actor';
import { Conflict, Forbidden, NotFound, RuleViolation } from '../common/domain-errors';
import { UnitOfWork } from '../database/unit-of-work';
import { PlanSettingsService } from '../plans/plan-settings.service';
import { approvalRefusal, withdrawalRefusal, type ApprovalContext, type ApprovalRefusal } from './approval-rules';
import type { UserResponse } from './dto/user-response.dto';
import { RoleGrantsService } from './role-grants.service';
import type { RoleRequest } from './role-requests.repository';
import type { User } from './user.entity';
import { userView } from './user-views';
import { UsersRepository } from './users.repository';

const REFUSALS: Record<Exclude<ApprovalRefusal, 'not_an_approver'>, string> = {
  approval_by_requester: 'you asked for this grant: another leader of the plan, its named approver or the platform admin must approve it',
  approval_of_self: 'nobody approves or refuses a grant to themselves',
};

/**
 * The second step of a grant (approval-rules.ts): another leader of the plan, the plan's named
 * approver or the platform admin approves it, and only then does it take effect; or it is refused
 * (or withdrawn by the one who asked). Both steps are audited, and the user and the plan's leaders
 * are told by e-mail.
 */
@Injectable()
export class RoleApprovalsService {
  constructor(
    private readonly users: UsersRepository,
    private readonly grants: RoleGrantsService,
    private readonly settings: PlanSettingsService,
    private readonly uow: UnitOfWork,
  ) {}

  approve(actor: Actor, userId: string): Promise<UserResponse> {
    return this.uow.run(async (manager) => {
      const { user, request } = await this.decidable(manager, actor, userId, approvalRefusal);
      await this.grants.close(manager, actor, request, 'approved');
      const granted = await this.grants.apply(manager, actor, user, { role: request.role, active: request.activates || user.active }, request.fromRole === null);
      return userView(granted);
    });
  }

  /** Drops the waiting grant: refused by an approver, or withdrawn by the one who asked. The user stays as they are. */
  refuse(actor: Actor, userId: string): Promise<UserResponse> {
    return this.uow.run(async (manager) => {
      const { user, request } = await this.decidable(manager, actor, userId, withdrawalRefusal);
      await this.grants.close(manager, actor, request, request.requestedBy === actor.userId ? 'withdrawn' : 'rejected');
      return userView(user);
    });
  }

  /**
   * The user (locked) and their open request, if the caller may decide it. A counsellor or social
   * worker who is not the plan's named approver is refused before anything is looked up; another
   * plan's user is not found.
   */
  private async decidable(manager: EntityManager, actor: Actor, userId: string, refusalOf: (c: ApprovalContext) => ApprovalRefusal | undefined): Promise<{ user: User; request: RoleRequest }> {
    const callerApprover = actor.planId ? (await this.settings.settingsOf(actor.planId, manager)).approverUserId : null;
    if (actor.role !== 'admin' && actor.role !== 'leader' && callerApprover !== actor.userId) {
      throw new Forbidden('Only a leader of the plan, its named approver or the platform admin decides grants', { code: 'not_an_approver' });
    }
    const found = await this.users.findInPlan(manager, userId, actor.role === 'admin' ? undefined : (actor.planId as string));
    const user = found && (await this.users.lockById(manager, found.id));
    if (!user) throw new NotFound('User');
    const request = await this.grants.lockOpenOf(manager, user.id);
    if (!request) throw new Conflict('The user has no grant waiting for approval', { code: 'no_pending_approval' });
    const namedApproverId = actor.planId === user.planId ? callerApprover : (await this.settings.settingsOf(user.planId as string, manager)).approverUserId;
    const refusal = refusalOf({ caller: actor, request, namedApproverId });
    if (refusal === 'not_an_approver') throw new Forbidden('Only a leader of the plan, its named approver or the platform admin decides grants', { code: 'not_an_approver' });
    if (refusal) throw new RuleViolation([{ rule: refusal, message: REFUSALS[refusal] }], refusal);
    return { user, request };
  }
}
