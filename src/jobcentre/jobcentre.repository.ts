import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AccessPolicy } from '../access/access-policy';
import type { PlanActor } from '../access/actor';
import { paginate, type Page } from '../common/pagination';
import { findInPlan, inPlan } from '../database/plan-scope';
import type { JobcentreEnrolmentQuery } from './dto/jobcentre.dto';
import { JobcentreEnrolment, JobcentreQuarter } from './entities/jobcentre-enrolment.entity';

const NOT_FOUND = 'Job-centre enrolment';

/** The job centre's enrolments and their quarters. Every read goes through the policy layer: anything out of reach is "not found". */
@Injectable()
export class JobcentreRepository {
  constructor(private readonly access: AccessPolicy) {}

  readable(manager: EntityManager, actor: PlanActor, id: string): Promise<JobcentreEnrolment> {
    return findInPlan(manager, JobcentreEnrolment, 'e', actor, id, { policy: this.access.readableJobcentreEnrolments(actor, 'e'), notFound: NOT_FOUND });
  }

  /** Locked until the caller's transaction ends, so two changes cannot both pass the checks. */
  lockWritable(manager: EntityManager, actor: PlanActor, id: string): Promise<JobcentreEnrolment> {
    return findInPlan(manager, JobcentreEnrolment, 'e', actor, id, { policy: this.access.writableJobcentreEnrolments(actor, 'e'), lock: true, notFound: NOT_FOUND });
  }

  runningIn(manager: EntityManager, actor: PlanActor, residentId: string, effort: string): Promise<JobcentreEnrolment | null> {
    return inPlan(manager, JobcentreEnrolment, 'e', actor)
      .andWhere('e.resident_id = :residentId AND e.effort = :effort AND e.ended_on IS NULL', { residentId, effort })
      .getOne();
  }

  /** Newest first. */
  page(manager: EntityManager, actor: PlanActor, query: JobcentreEnrolmentQuery): Promise<Page<JobcentreEnrolment>> {
    const qb = inPlan(manager, JobcentreEnrolment, 'e', actor, this.access.readableJobcentreEnrolments(actor, 'e'));
    if (query.running === 'true') qb.andWhere('e.ended_on IS NULL');
    if (query.running === 'false') qb.andWhere('e.ended_on IS NOT NULL');
    if (query.residentId) qb.andWhere('e.resident_id = :residentId', { residentId: query.residentId });
    if (query.targetGroup) qb.andWhere('e.target_group = :targetGroup', { targetGroup: query.targetGroup });
    return paginate(qb, query, 'e.created_at', 'e.id', (e) => e, (e) => ({ at: e.createdAt, id: e.id }));
  }

  insert(manager: EntityManager, values: Pick<JobcentreEnrolment, 'planId' | 'residentId' | 'effort' | 'targetGroup' | 'criteriaMet' | 'startedOn' | 'createdBy'>): Promise<JobcentreEnrolment> {
    const repo = manager.getRepository(JobcentreEnrolment);
    return repo.save(repo.create({ ...values, endedOn: null, endReason: null, endedBy: null, version: 1 }));
  }

  save(manager: EntityManager, enrolment: JobcentreEnrolment): Promise<JobcentreEnrolment> {
    return manager.getRepository(JobcentreEnrolment).save(enrolment);
  }

  /** The quarters marked for a page of enrolments, oldest first: one query whatever its length. */
  async quartersOf(manager: EntityManager, planId: string, enrolmentIds: readonly string[]): Promise<Map<string, JobcentreQuarter[]>> {
    const byEnrolment = new Map<string, JobcentreQuarter[]>();
    if (enrolmentIds.length === 0) return byEnrolment;
    const rows = await manager
      .getRepository(JobcentreQuarter)
      .createQueryBuilder('q')
      .where('q.plan_id = :planId AND q.enrolment_id IN (:...ids)', { planId, ids: [...new Set(enrolmentIds)] })
      .orderBy('q.quarter_start', 'ASC')
      .getMany();
    for (const row of rows) byEnrolment.set(row.enrolmentId, [...(byEnrolment.get(row.enrolmentId) ?? []), row]);
    return byEnrolment;
  }

  /** Marks a quarter; true when something changed (a repeated mark writes nothing). */
  async markQuarter(manager: EntityManager, values: Pick<JobcentreQuarter, 'enrolmentId' | 'planId' | 'quarterStart' | 'active' | 'markedBy'>): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO jobcentre_enrolment_quarters (enrolment_id, plan_id, quarter_start, active, marked_by)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (enrolment_id, quarter_start) DO UPDATE SET active = EXCLUDED.active, marked_by = EXCLUDED.marked_by, marked_at = now()
         WHERE jobcentre_enrolment_quarters.active IS DISTINCT FROM EXCLUDED.active
       RETURNING enrolment_id`,
      [values.enrolmentId, values.planId, values.quarterStart, values.active, values.markedBy],
    );
    return rows.length > 0;
  }
}
