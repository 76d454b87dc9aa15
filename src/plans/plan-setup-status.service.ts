import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../access/actor';
import type { PlanSetupStatusResponse } from './dto/plan-setup-status.dto';
import { planView } from './plan-views';
import { PlansService } from './plans.service';

interface Counts {
  housing_areas: number;
  organisations: number;
  staff: number;
  pending_invitations: number;
  settings_saved: boolean;
  activities: number;
  indicators: number;
}

/**
 * How far a plan is set up, counted in one query. The users, activities and indicators modules
 * import this one, so it reads their tables directly rather than through their services.
 */
@Injectable()
export class PlanSetupStatusService {
  constructor(
    private readonly plans: PlansService,
    @InjectEntityManager() private readonly manager: EntityManager,
  ) {}

  async status(actor: Actor, planId: string): Promise<PlanSetupStatusResponse> {
    await this.plans.reachablePlanId(actor, planId);
    const plan = await this.plans.getPlan(planId);
    const [counts] = (await this.manager.query(
      `SELECT (SELECT count(*) FROM housing_areas WHERE plan_id = $1)::int AS housing_areas,
              (SELECT count(*) FROM organisations WHERE plan_id = $1)::int AS organisations,
              (SELECT count(*) FROM users WHERE plan_id = $1 AND active AND role <> 'leader')::int AS staff,
              (SELECT count(*) FROM invitations WHERE plan_id = $1 AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > now())::int AS pending_invitations,
              EXISTS (SELECT 1 FROM audit_events WHERE plan_id = $1 AND action = 'plan.settings_changed') AS settings_saved,
              (SELECT count(*) FROM activities WHERE plan_id = $1)::int AS activities,
              (SELECT count(*) FROM plan_indicators WHERE plan_id = $1)::int AS indicators`,
      [planId],
    )) as Counts[];
    return {
      plan: planView(plan),
      housingAreas: counts.housing_areas,
      organisations: counts.organisations,
      staff: counts.staff,
      pendingInvitations: counts.pending_invitations,
      settingsSaved: counts.settings_saved,
      activities: counts.activities,
      indicators: counts.indicators,
    };
  }
}
