import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AccessPolicy } from '../access/access-policy';
import type { PlanActor } from '../access/actor';
import { paginate, type Page } from '../common/pagination';
import { findInPlan, inPlan } from '../database/plan-scope';
import type { InternshipQuery } from './dto/internship.dto';
import { Internship } from './entities/internship.entity';

const NOT_FOUND = 'Internship';

/** The internships table. Every read goes through the policy layer: anything out of reach is "not found". */
@Injectable()
export class InternshipsRepository {
  constructor(private readonly access: AccessPolicy) {}

  readable(manager: EntityManager, actor: PlanActor, id: string): Promise<Internship> {
    return findInPlan(manager, Internship, 'i', actor, id, { policy: this.access.readableInternships(actor, 'i'), notFound: NOT_FOUND });
  }

  /** Locked until the caller's transaction ends, so two endings cannot both pass the check. */
  lockWritable(manager: EntityManager, actor: PlanActor, id: string): Promise<Internship> {
    return findInPlan(manager, Internship, 'i', actor, id, { policy: this.access.writableInternships(actor, 'i'), lock: true, notFound: NOT_FOUND });
  }

  /** The resident's internship with the employer that has not ended, if any: one at a time. */
  runningWith(manager: EntityManager, actor: PlanActor, residentId: string, employerId: string): Promise<Internship | null> {
    return inPlan(manager, Internship, 'i', actor)
      .andWhere('i.resident_id = :residentId AND i.employer_id = :employerId AND i.ended_on IS NULL', { residentId, employerId })
      .getOne();
  }

  /** Newest first. */
  page(manager: EntityManager, actor: PlanActor, query: InternshipQuery): Promise<Page<Internship>> {
    const qb = inPlan(manager, Internship, 'i', actor, this.access.readableInternships(actor, 'i'));
    if (query.running === 'true') qb.andWhere('i.ended_on IS NULL');
    if (query.running === 'false') qb.andWhere('i.ended_on IS NOT NULL');
    if (query.residentId) qb.andWhere('i.resident_id = :residentId', { residentId: query.residentId });
    if (query.employerId) qb.andWhere('i.employer_id = :employerId', { employerId: query.employerId });
    return paginate(qb, query, 'i.created_at', 'i.id', (i) => i, (i) => ({ at: i.createdAt, id: i.id }));
  }

  insert(manager: EntityManager, values: Omit<Internship, 'id' | 'createdAt' | 'updatedAt' | 'version' | 'endedOn' | 'outcome' | 'endedBy'>): Promise<Internship> {
    const repo = manager.getRepository(Internship);
    return repo.save(repo.create({ ...values, endedOn: null, outcome: null, endedBy: null, version: 1 }));
  }

  save(manager: EntityManager, internship: Internship): Promise<Internship> {
    return manager.getRepository(Internship).save(internship);
  }
}
