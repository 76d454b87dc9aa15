import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../access/actor';
import type { PlanSetupStatusResponse } from './dto/plan-setup-status.dto';
import { PlanSetupStatusRepository } from './plan-setup-status.repository';
import { planView } from './plan-views';
import { PlansService } from './plans.service';

/** How far a plan is set up: the checklist the admin and the leader follow (plan-setup screens). */
@Injectable()
export class PlanSetupStatusService {
  constructor(
    private readonly plans: PlansService,
    private readonly setup: PlanSetupStatusRepository,
    @InjectEntityManager() private readonly manager: EntityManager,
  ) {}

  async status(actor: Actor, planId: string): Promise<PlanSetupStatusResponse> {
    await this.plans.reachablePlanId(actor, planId);
    const plan = await this.plans.getPlan(planId);
    return { plan: planView(plan), ...(await this.setup.counts(this.manager, planId)) };
  }
}
