import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AccessPolicy } from '../access/access-policy';
import type { PlanActor } from '../access/actor';
import { paginate, type Page } from '../common/pagination';
import { findInPlan, inPlan } from '../database/plan-scope';
import type { SmallJobQuery } from './dto/small-job.dto';
import { SmallJob } from './entities/small-job.entity';

const NOT_FOUND = 'Small job';

/** The small_jobs table. Every read goes through the policy layer: anything out of reach is "not found". */
@Injectable()
export class SmallJobsRepository {
  constructor(private readonly access: AccessPolicy) {}

  readable(manager: EntityManager, actor: PlanActor, id: string): Promise<SmallJob> {
    return findInPlan(manager, SmallJob, 'j', actor, id, { policy: this.access.readableSmallJobs(actor, 'j'), notFound: NOT_FOUND });
  }

  /** Locked until the caller's transaction ends, so two endings cannot both pass the check. */
  lockWritable(manager: EntityManager, actor: PlanActor, id: string): Promise<SmallJob> {
    return findInPlan(manager, SmallJob, 'j', actor, id, { policy: this.access.writableSmallJobs(actor, 'j'), lock: true, notFound: NOT_FOUND });
  }

  /** The resident's småjob with the employer that has not ended, if any: one at a time per employer. */
  runningWith(manager: EntityManager, actor: PlanActor, residentId: string, employerId: string): Promise<SmallJob | null> {
    return inPlan(manager, SmallJob, 'j', actor)
      .andWhere('j.resident_id = :residentId AND j.employer_id = :employerId AND j.ended_on IS NULL', { residentId, employerId })
      .getOne();
  }

  /** Newest first. */
  page(manager: EntityManager, actor: PlanActor, query: SmallJobQuery): Promise<Page<SmallJob>> {
    const qb = inPlan(manager, SmallJob, 'j', actor, this.access.readableSmallJobs(actor, 'j'));
    if (query.running === 'true') qb.andWhere('j.ended_on IS NULL');
    if (query.running === 'false') qb.andWhere('j.ended_on IS NOT NULL');
    if (query.residentId) qb.andWhere('j.resident_id = :residentId', { residentId: query.residentId });
    if (query.employerId) qb.andWhere('j.employer_id = :employerId', { employerId: query.employerId });
    return paginate(qb, query, 'j.created_at', 'j.id', (j) => j, (j) => ({ at: j.createdAt, id: j.id }));
  }

  insert(manager: EntityManager, values: Omit<SmallJob, 'id' | 'createdAt' | 'updatedAt' | 'version' | 'endedOn' | 'outcome' | 'endedBy'>): Promise<SmallJob> {
    const repo = manager.getRepository(SmallJob);
    return repo.save(repo.create({ ...values, endedOn: null, outcome: null, endedBy: null, version: 1 }));
  }

  save(manager: EntityManager, smallJob: SmallJob): Promise<SmallJob> {
    return manager.getRepository(SmallJob).save(smallJob);
  }
}
