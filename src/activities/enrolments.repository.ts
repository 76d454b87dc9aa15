import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AccessPolicy } from '../access/access-policy';
import type { PlanActor } from '../access/actor';
import { NotFound } from '../common/domain-errors';
import { paginate, type Page } from '../common/pagination';
import { inPlan } from '../database/plan-scope';
import type { EnrolmentQuery } from './dto/attendance.dto';
import { ActivityEnrolment } from './entities/activity-enrolment.entity';

/**
 * The activity_enrolments table. An enrolment is a resident's personal data: reads go through
 * the policy layer (readable exactly when its resident is).
 */
@Injectable()
export class EnrolmentsRepository {
  constructor(private readonly access: AccessPolicy) {}

  /** The enrolment of the activity, locked for the caller's transaction; the resident's reach is the caller's to check. */
  async lock(manager: EntityManager, actor: PlanActor, activityId: string, id: string): Promise<ActivityEnrolment> {
    const found = await inPlan(manager, ActivityEnrolment, 'e', actor)
      .andWhere('e.id = :id AND e.activity_id = :activityId', { id, activityId })
      .setLock('pessimistic_write')
      .getOne();
    if (!found) throw new NotFound('Enrolment');
    return found;
  }

  openOf(manager: EntityManager, activityId: string, residentId: string): Promise<ActivityEnrolment | null> {
    return manager.getRepository(ActivityEnrolment).createQueryBuilder('e').where('e.activity_id = :activityId AND e.resident_id = :residentId AND e.ended_on IS NULL', { activityId, residentId }).getOne();
  }

  async openCount(manager: EntityManager, activityId: string): Promise<number> {
    const [row]: { n: number }[] = await manager.query(`SELECT count(*)::int AS n FROM activity_enrolments WHERE activity_id = $1 AND ended_on IS NULL`, [activityId]);
    return row.n;
  }

  create(manager: EntityManager, fields: Omit<ActivityEnrolment, 'id' | 'version' | 'createdAt' | 'updatedAt' | 'endedOn' | 'outcome' | 'endedBy'>): Promise<ActivityEnrolment> {
    const repo = manager.getRepository(ActivityEnrolment);
    return repo.save(repo.create(fields));
  }

  save(manager: EntityManager, enrolment: ActivityEnrolment): Promise<ActivityEnrolment> {
    return manager.getRepository(ActivityEnrolment).save(enrolment);
  }

  /** The activity's enrolments whose residents the actor may read, latest first. */
  page(manager: EntityManager, actor: PlanActor, activityId: string, query: EnrolmentQuery): Promise<Page<ActivityEnrolment>> {
    const qb = inPlan(manager, ActivityEnrolment, 'e', actor, this.access.readableThroughResident(actor, 'e.resident_id')).andWhere('e.activity_id = :activityId', { activityId });
    if (query.status === 'open') qb.andWhere('e.ended_on IS NULL');
    if (query.status === 'ended') qb.andWhere('e.ended_on IS NOT NULL');
    return paginate(qb, query, 'e.created_at', 'e.id', (e) => e, (e) => ({ at: e.createdAt, id: e.id }));
  }
}
