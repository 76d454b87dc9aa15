import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AccessPolicy } from '../access/access-policy';
import type { PlanActor } from '../access/actor';
import { Conflict, NotFound } from '../common/domain-errors';
import { paginate, type Page } from '../common/pagination';
import { findInPlan, inPlan } from '../database/plan-scope';
import type { CaseQuery } from './dto/counselling.dto';
import { CounsellingCase } from './entities/counselling-case.entity';
import type { CounsellingProblem } from './counselling-problems';

/** What a 404 about a case names. */
export const CASE_NOT_FOUND = 'Counselling case';

/** The refusal of anything added to a closed case. */
export function caseClosed(caseId: string): Conflict {
  return new Conflict('The counselling case is closed; reopen it first, or open a new case if this is a new matter', { code: 'case_closed' satisfies CounsellingProblem, extra: { caseId } });
}

/**
 * The counselling_cases table. Every read goes through the policy layer, so anything out of the
 * caller's reach is "not found" (api.md 404).
 */
@Injectable()
export class CounsellingCasesRepository {
  constructor(private readonly access: AccessPolicy) {}

  readable(manager: EntityManager, actor: PlanActor, id: string): Promise<CounsellingCase> {
    return findInPlan(manager, CounsellingCase, 'c', actor, id, { policy: this.access.readableCounsellingCases(actor, 'c'), notFound: CASE_NOT_FOUND });
  }

  /**
   * Whom the case of the caller's plan is about, unlocked (a case never changes resident): a write
   * holds the resident before it locks the case, in an erasure's order (ResidentsRepository.holdAgainstErasure).
   */
  async residentOf(manager: EntityManager, actor: PlanActor, id: string): Promise<string> {
    const found = await inPlan(manager, CounsellingCase, 'c', actor).select(['c.id', 'c.residentId']).andWhere('c.id = :id', { id }).getOne();
    if (!found) throw new NotFound(CASE_NOT_FOUND);
    return found.residentId;
  }

  /** The case, locked until the caller's transaction ends, so a close and a contact cannot interleave. */
  lockWritable(manager: EntityManager, actor: PlanActor, id: string): Promise<CounsellingCase> {
    return findInPlan(manager, CounsellingCase, 'c', actor, id, { policy: this.access.writableCounsellingCases(actor, 'c'), lock: true, notFound: CASE_NOT_FOUND });
  }

  /** The case the caller writes to (a counsellor's plan), unlocked: what a form reads before it writes. */
  findWritable(manager: EntityManager, actor: PlanActor, id: string): Promise<CounsellingCase> {
    return findInPlan(manager, CounsellingCase, 'c', actor, id, { policy: this.access.writableCounsellingCases(actor, 'c'), notFound: CASE_NOT_FOUND });
  }

  async lockOpen(manager: EntityManager, actor: PlanActor, id: string): Promise<CounsellingCase> {
    const found = await this.lockWritable(manager, actor, id);
    if (found.status !== 'open') throw caseClosed(found.id);
    return found;
  }

  /** The counting rule's guard: the resident's open case on this topic, if any. */
  openCaseOnTopic(manager: EntityManager, actor: PlanActor, residentId: string, topic: string, exceptId?: string): Promise<CounsellingCase | null> {
    const query = inPlan(manager, CounsellingCase, 'c', actor).andWhere(`c.resident_id = :residentId AND c.topic = :topic AND c.status = 'open'`, { residentId, topic });
    if (exceptId) query.andWhere('c.id <> :exceptId', { exceptId });
    return query.getOne();
  }

  /** The cases the actor may read, most recently opened first. */
  page(manager: EntityManager, actor: PlanActor, query: CaseQuery): Promise<Page<CounsellingCase>> {
    const qb = inPlan(manager, CounsellingCase, 'c', actor, this.access.readableCounsellingCases(actor, 'c'));
    if (query.residentId) qb.andWhere('c.resident_id = :residentId', { residentId: query.residentId });
    if (query.status) qb.andWhere('c.status = :status', { status: query.status });
    if (query.topic) qb.andWhere('c.topic = :topic', { topic: query.topic });
    if (query.form) qb.andWhere('c.form = :form', { form: query.form });
    if (query.housingAreaId) {
      qb.andWhere('EXISTS (SELECT 1 FROM residents ra WHERE ra.id = c.resident_id AND ra.housing_area_id = :housingAreaId)', { housingAreaId: query.housingAreaId });
    }
    return paginate(qb, query, 'c.opened_at', 'c.id', (c) => c, (c) => ({ at: c.openedAt, id: c.id }));
  }

  create(manager: EntityManager, fields: Omit<CounsellingCase, 'id' | 'version' | 'createdAt' | 'closedAt' | 'outcome' | 'status'>): Promise<CounsellingCase> {
    const repo = manager.getRepository(CounsellingCase);
    return repo.save(repo.create({ ...fields, status: 'open' }));
  }

  save(manager: EntityManager, found: CounsellingCase): Promise<CounsellingCase> {
    return manager.getRepository(CounsellingCase).save(found);
  }
}
