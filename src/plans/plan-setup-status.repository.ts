import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export interface PlanSetupCounts {
  housingAreas: number;
  organisations: number;
  staff: number;
  pendingInvitations: number;
  settingsSaved: boolean;
  activities: number;
  indicators: number;
}

/**
 * How far a plan is set up, counted in one query. The users, activities and indicators modules
 * import the plans module, so this reads their tables directly rather than through their services.
 */
@Injectable()
export class PlanSetupStatusRepository {
  async counts(manager: EntityManager, planId: string): Promise<PlanSetupCounts> {
    const [row] = (await manager.query(
      `SELECT (SELECT count(*) FROM housing_areas WHERE plan_id = $1)::int AS "housingAreas",
              (SELECT count(*) FROM organisations WHERE plan_id = $1)::int AS organisations,
              (SELECT count(*) FROM users WHERE plan_id = $1 AND active AND role <> 'leader')::int AS staff,
              (SELECT count(*) FROM invitations WHERE plan_id = $1 AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > now())::int AS "pendingInvitations",
              EXISTS (SELECT 1 FROM audit_events WHERE plan_id = $1 AND action = 'plan.settings_changed') AS "settingsSaved",
              (SELECT count(*) FROM activities WHERE plan_id = $1)::int AS activities,
              (SELECT count(*) FROM plan_indicators WHERE plan_id = $1)::int AS indicators`,
      [planId],
    )) as PlanSetupCounts[];
    return row;
  }
}
