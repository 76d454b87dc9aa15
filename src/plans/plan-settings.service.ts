import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../access/actor';
import { AuditWriter } from '../audit/audit-writer';
import { NotFound, RuleViolation, type ProblemItem } from '../common/domain-errors';
import { UnitOfWork } from '../database/unit-of-work';
import type { PlanSettingsDto } from './dto/plan-settings.dto';
import type { PlanSettingsResponse } from './dto/plan-settings-response.dto';
import { planSettingsColumns, planSettingsOf, settingsChanges, settingsProblems, type PlanSettings } from './plan-settings';
import type { PlansProblem } from './plans-problems';
import { PlansRepository } from './plans.repository';
import { PlansService } from './plans.service';

const PURPOSE = 'plan_administration';

/** Problems with naming `userId` the plan's approver; the users module, which knows users, supplies it. */
export type ApproverCheck = (manager: EntityManager, planId: string, userId: string) => Promise<ProblemItem[]>;

/**
 * A plan's settings: the guardian-consent age, the statistics' suppression threshold, retention,
 * and how the plan runs its leisure-job programme. The rules that use them (consents, programme
 * eligibility, employment ranges, reports) read them through `settingsOf`.
 */
@Injectable()
export class PlanSettingsService {
  private approverCheck: ApproverCheck = async () => [{ field: 'approverUserId', rule: 'approver_eligible', message: 'approvers cannot be checked' }];

  constructor(
    private readonly plans: PlansService,
    private readonly repository: PlansRepository,
    @InjectEntityManager() private readonly manager: EntityManager,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditWriter,
  ) {}

  async read(actor: Actor, planId: string): Promise<PlanSettingsResponse> {
    await this.plans.reachablePlanId(actor, planId);
    return this.settingsOf(planId);
  }

  /** Called once by the users module: the plan (plans module) cannot ask about users itself without a circular import. */
  useApproverCheck(check: ApproverCheck): void {
    this.approverCheck = check;
  }

  /**
   * Replaces every setting at once (the account settings of issue 20 keep their value when left
   * out); a range whose max is below its min is refused (422) and nothing changes.
   */
  async replace(actor: Actor, planId: string, dto: PlanSettingsDto): Promise<PlanSettingsResponse> {
    return this.uow.run(async (manager) => {
      await this.plans.reachablePlanId(actor, planId, manager);
      const current = await this.settingsOf(planId, manager);
      const next: PlanSettings = {
        ...dto,
        deactivateUnusedAccountsAfterDays: dto.deactivateUnusedAccountsAfterDays ?? current.deactivateUnusedAccountsAfterDays,
        approverUserId: dto.approverUserId === undefined ? current.approverUserId : dto.approverUserId,
        ssoKeepsLocalPassword: dto.ssoKeepsLocalPassword ?? current.ssoKeepsLocalPassword,
      };
      const problems = settingsProblems(next);
      if (problems.length) throw new RuleViolation(problems, 'plan_settings_range' satisfies PlansProblem);
      if (next.approverUserId && next.approverUserId !== current.approverUserId) {
        const approverProblems = await this.approverCheck(manager, planId, next.approverUserId);
        if (approverProblems.length) throw new RuleViolation(approverProblems, 'approver_not_eligible' satisfies PlansProblem);
      }
      await this.repository.updateSettings(manager, planId, planSettingsColumns(next));
      await this.audit.record({ ...actor, planId }, { action: 'plan.settings_changed', purpose: PURPOSE, entityType: 'plan', entityId: planId, changes: settingsChanges(current, next) }, manager);
      return this.settingsOf(planId, manager);
    });
  }

  /** Every plan's limit for unused accounts, in days (plan setting `deactivateUnusedAccountsAfterDays`). */
  unusedAccountLimits(manager: EntityManager = this.manager): Promise<{ planId: string; days: number }[]> {
    return this.repository.unusedAccountLimits(manager);
  }

  /** The plan's settings as stored; pass the caller's transaction manager when inside one. */
  async settingsOf(planId: string, manager: EntityManager = this.manager): Promise<PlanSettings> {
    const plan = await this.repository.findPlan(manager, planId);
    if (!plan) throw new NotFound('Plan');
    return planSettingsOf(plan);
  }
}
