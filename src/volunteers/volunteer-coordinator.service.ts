import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { PlanActor } from '../access/actor';
import { AuditWriter } from '../audit/audit-writer';
import { Forbidden, RuleViolation } from '../common/domain-errors';
import { UnitOfWork } from '../database/unit-of-work';
import { UsersRepository } from '../users/users.repository';
import type { CoordinatorResponse } from './dto/volunteer-help-response.dto';
import { VolunteerHelpRepository } from './volunteer-help.repository';
import type { VolunteersProblem } from './volunteers-problems';

const COORDINATOR_ROLES = ['counsellor', 'social_worker'];

/**
 * The volunteers' coordinator (003_*: the job facilitator who looks after the volunteers and makes
 * sure residents' private information is not misused). The leader names one active counsellor or
 * social worker per plan; that person and the leader see the volunteers' counts. Another
 * counsellor or social worker gets 403 `not_volunteer_coordinator`, as a counsellor who is not the
 * plan's named approver gets `not_an_approver`.
 */
@Injectable()
export class VolunteerCoordinatorService {
  constructor(
    private readonly uow: UnitOfWork,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly help: VolunteerHelpRepository,
    private readonly users: UsersRepository,
    private readonly audit: AuditWriter,
  ) {}

  async get(actor: PlanActor): Promise<CoordinatorResponse> {
    const manager = this.dataSource.manager;
    const named = await this.help.coordinatorOf(manager, actor.planId);
    const user = named ? await this.users.findInPlan(manager, named.userId, actor.planId) : null;
    return user ? { userId: user.id, name: user.name } : { userId: null, name: null };
  }

  async name(actor: PlanActor, userId: string | null): Promise<CoordinatorResponse> {
    return this.uow.run(async (manager) => {
      let name: string | null = null;
      if (userId !== null) {
        const user = await this.users.findInPlan(manager, userId, actor.planId);
        if (!user || !user.active || !COORDINATOR_ROLES.includes(user.role)) {
          throw new RuleViolation(
            [{ field: 'userId', rule: 'coordinator_eligible', message: 'userId is not an active counsellor or social worker of your plan' }],
            'coordinator_not_eligible' satisfies VolunteersProblem,
          );
        }
        name = user.name;
      }
      await this.help.nameCoordinator(manager, actor.planId, userId, actor.userId);
      await this.audit.record(actor, { action: 'volunteer_coordinator.named', purpose: 'plan_administration', entityType: 'user', entityId: userId }, manager);
      return { userId, name };
    });
  }

  /** The leader, or the counsellor or social worker the plan named; anyone else is refused. */
  async assertSeesCounts(manager: EntityManager, actor: PlanActor): Promise<void> {
    if (actor.role === 'leader') return;
    const named = await this.help.coordinatorOf(manager, actor.planId);
    if (named?.userId === actor.userId) return;
    throw new Forbidden('Only the plan\'s leader and the volunteers\' coordinator see the volunteers\' counts; the leader names the coordinator', {
      code: 'not_volunteer_coordinator' satisfies VolunteersProblem,
    });
  }
}
