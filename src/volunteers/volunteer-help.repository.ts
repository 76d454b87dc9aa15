import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { PlanActor } from '../access/actor';
import { NotFound } from '../common/domain-errors';
import { paginate, type Page } from '../common/pagination';
import { inPlan } from '../database/plan-scope';
import type { HelpQuery } from './dto/volunteer-help.dto';
import { VolunteerCoordinator } from './entities/volunteer-coordinator.entity';
import { VolunteerHelp } from './entities/volunteer-help.entity';
import { helpCounts, type HelpCounts } from './volunteer-help-counts';

/**
 * The volunteer_help and volunteer_coordinators tables. A volunteer's own entries are found by
 * plan and volunteer together: anybody else's entry is "not found".
 */
@Injectable()
export class VolunteerHelpRepository {
  insert(manager: EntityManager, values: Pick<VolunteerHelp, 'planId' | 'volunteerId' | 'activityId' | 'occurredAt' | 'topic' | 'minutes' | 'escort'>): Promise<VolunteerHelp> {
    const repo = manager.getRepository(VolunteerHelp);
    return repo.save(repo.create({ ...values, version: 1 }));
  }

  /** The caller's own entry, locked until the transaction ends. */
  async lockOwn(manager: EntityManager, actor: PlanActor, id: string): Promise<VolunteerHelp> {
    const found = await inPlan(manager, VolunteerHelp, 'h', actor)
      .andWhere('h.volunteer_id = :volunteerId AND h.id = :id', { volunteerId: actor.userId, id })
      .setLock('pessimistic_write')
      .getOne();
    if (!found) throw new NotFound('Volunteer help');
    return found;
  }

  save(manager: EntityManager, entry: VolunteerHelp): Promise<VolunteerHelp> {
    return manager.getRepository(VolunteerHelp).save(entry);
  }

  async remove(manager: EntityManager, entry: VolunteerHelp): Promise<void> {
    await manager.getRepository(VolunteerHelp).delete({ id: entry.id, planId: entry.planId });
  }

  /** The caller's own entries, the latest help first. */
  pageOwn(manager: EntityManager, actor: PlanActor, query: HelpQuery): Promise<Page<VolunteerHelp>> {
    const qb = inPlan(manager, VolunteerHelp, 'h', actor).andWhere('h.volunteer_id = :volunteerId', { volunteerId: actor.userId });
    return paginate(qb, query, 'h.occurred_at', 'h.id', (h) => h, (h) => ({ at: h.occurredAt, id: h.id }));
  }

  /** The plan's counts from the first to the last day, both included, in Danish time. */
  summary(manager: EntityManager, planId: string, from: string, to: string): Promise<HelpCounts> {
    return helpCounts(manager, [planId, from, to], { lastDayIncluded: true });
  }

  coordinatorOf(manager: EntityManager, planId: string): Promise<VolunteerCoordinator | null> {
    return manager.getRepository(VolunteerCoordinator).findOneBy({ planId });
  }

  async nameCoordinator(manager: EntityManager, planId: string, userId: string | null, namedBy: string): Promise<void> {
    const repo = manager.getRepository(VolunteerCoordinator);
    if (userId === null) {
      await repo.delete({ planId });
      return;
    }
    await repo.upsert({ planId, userId, namedBy, namedAt: new Date() }, ['planId']);
  }
}
