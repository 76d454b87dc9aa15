import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../access/actor';
import { AuditWriter } from '../audit/audit-writer';
import { NotFound, RuleViolation } from '../common/domain-errors';
import { UnitOfWork } from '../database/unit-of-work';
import type { PlanSettingsDto } from './dto/plan-settings.dto';
import type { PlanSettingsResponse } from './dto/plan-settings-response.dto';
import { planSettingsColumns, planSettingsOf, settingsProblems, type PlanSettings } from './plan-settings';
import type { PlansProblem } from './plans-problems';
import { PlansRepository } from './plans.repository';
import { PlansService } from './plans.service';

const PURPOSE = 'plan_administration';

/**
 * A plan's settings: the guardian-consent age, the statistics' suppression threshold, retention,
 * and how the plan runs its leisure-job programme. The rules that use them (consents, programme
 * eligibility, employment ranges, reports) read them through `settingsOf`.
 */
@Injectable()
export class PlanSettingsService {
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

  /** Replaces every setting at once; a range whose max is below its min is refused (422) and nothing changes. */
  async replace(actor: Actor, planId: string, dto: PlanSettingsDto): Promise<PlanSettingsResponse> {
    return this.uow.run(async (manager) => {
      await this.plans.reachablePlanId(actor, planId, manager);
      const problems = settingsProblems(dto);
      if (problems.length) throw new RuleViolation(problems, 'plan_settings_range' satisfies PlansProblem);
      await this.repository.updateSettings(manager, planId, planSettingsColumns(dto));
      await this.audit.record({ ...actor, planId }, { action: 'plan.settings_changed', purpose: PURPOSE, entityType: 'plan', entityId: planId }, manager);
      return this.settingsOf(planId, manager);
    });
  }

  /** The plan's settings as stored; pass the caller's transaction manager when inside one. */
  async settingsOf(planId: string, manager: EntityManager = this.manager): Promise<PlanSettings> {
    const plan = await this.repository.findPlan(manager, planId);
    if (!plan) throw new NotFound('Plan');
    return planSettingsOf(plan);
  }
}
