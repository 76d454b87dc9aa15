import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { PlanActor } from '../access/actor';
import type { Page, PageQuery } from '../common/pagination';
import { paginate } from '../common/pagination';
import { findInPlan, inPlan } from '../database/plan-scope';
import type { EmployerStatus } from './employer-status';
import { EmployerAgreement } from './entities/employer-agreement.entity';
import { Employer } from './entities/employer.entity';

type PlanScope = Pick<PlanActor, 'planId'>;

export interface EmployerFilter {
  nameContains?: string;
  status?: EmployerStatus;
  /** A day (YYYY-MM-DD): only employers in the network then. */
  memberOn?: string;
}

/**
 * The plan's employers and their agreements: every query of the two tables, scoped to the
 * caller's plan. Exported for the job-programme module (an employer named in a programme must
 * be the plan's; the guard into employment asks for an active agreement).
 */
@Injectable()
export class EmployersRepository {
  /** The employer, or 404 "Employer"; locked for the caller's transaction when `lock`. */
  find(manager: EntityManager, actor: PlanScope, id: string, lock = false): Promise<Employer> {
    return findInPlan(manager, Employer, 'e', actor, id, { lock, notFound: 'Employer' });
  }

  /** The employer if it is one of the plan's, else null. */
  findOrNull(manager: EntityManager, actor: PlanScope, id: string): Promise<Employer | null> {
    return inPlan(manager, Employer, 'e', actor).andWhere('e.id = :id', { id }).getOne();
  }

  findByCvr(manager: EntityManager, actor: PlanScope, cvr: string): Promise<Employer | null> {
    return inPlan(manager, Employer, 'e', actor).andWhere('e.cvr = :cvr', { cvr }).getOne();
  }

  /**
   * Newest first; `nameContains` matches part of the name, with % and _ taken literally; `status`
   * keeps one status; `memberOn` keeps the employers in the network on that day.
   */
  page<R>(manager: EntityManager, actor: PlanScope, query: PageQuery, filter: EmployerFilter, toView: (e: Employer) => R): Promise<Page<R>> {
    const qb = inPlan(manager, Employer, 'e', actor);
    if (filter.nameContains) qb.andWhere('e.name ILIKE :q', { q: `%${filter.nameContains.replace(/[\\%_]/g, (c) => `\\${c}`)}%` });
    if (filter.status) qb.andWhere('e.status = :status', { status: filter.status });
    if (filter.memberOn) {
      qb.andWhere(
        `EXISTS (SELECT 1 FROM employer_network_memberships m WHERE m.plan_id = e.plan_id AND m.employer_id = e.id
                  AND m.valid_from <= :memberOn::date AND (m.valid_to IS NULL OR m.valid_to >= :memberOn::date))`,
        { memberOn: filter.memberOn },
      );
    }
    return paginate(qb, query, 'e.created_at', 'e.id', toView, (e) => ({ at: e.createdAt, id: e.id }));
  }

  /** The names of the plan's employers among `ids`, by id: one query for a whole page of programmes. */
  async namesOf(manager: EntityManager, actor: PlanScope, ids: readonly (string | null)[]): Promise<ReadonlyMap<string, string>> {
    const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
    if (!wanted.length) return new Map();
    const rows = await inPlan(manager, Employer, 'e', actor).andWhere('e.id IN (:...wanted)', { wanted }).getMany();
    return new Map(rows.map((e) => [e.id, e.name]));
  }

  insert(manager: EntityManager, values: Omit<Employer, 'id' | 'createdAt' | 'updatedAt' | 'version'>): Promise<Employer> {
    const repo = manager.getRepository(Employer);
    return repo.save(repo.create({ ...values, version: 1 }));
  }

  save(manager: EntityManager, employer: Employer): Promise<Employer> {
    return manager.getRepository(Employer).save(employer);
  }

  agreementsOf(manager: EntityManager, actor: PlanScope, employerId: string): Promise<EmployerAgreement[]> {
    return inPlan(manager, EmployerAgreement, 'a', actor)
      .andWhere('a.employer_id = :employerId', { employerId })
      .orderBy('a.valid_from', 'ASC')
      .addOrderBy('a.created_at', 'ASC')
      .getMany();
  }

  insertAgreement(manager: EntityManager, values: Omit<EmployerAgreement, 'id' | 'createdAt'>): Promise<EmployerAgreement> {
    const repo = manager.getRepository(EmployerAgreement);
    return repo.save(repo.create(values));
  }

  /** Whether an agreement with the employer covers `onDate` (YYYY-MM-DD), both ends included; the rule of isAgreementActive. */
  async hasActiveAgreement(manager: EntityManager, actor: PlanScope, employerId: string, onDate: string): Promise<boolean> {
    return (await this.activeAgreementsOn(manager, actor, [{ employerId, onDate }])).has(agreementKey(employerId, onDate));
  }

  /**
   * Of these (employer, day) pairs, those where the employer has an active agreement on the day, in
   * one query: keys are agreementKey(employerId, onDate). The one definition of "active on a day".
   */
  async activeAgreementsOn(manager: EntityManager, actor: PlanScope, pairs: readonly { employerId: string; onDate: string }[]): Promise<Set<string>> {
    if (pairs.length === 0) return new Set();
    const rows: { employerId: string; onDate: string }[] = await manager.query(
      `SELECT DISTINCT p.employer_id::text AS "employerId", to_char(p.on_date, 'YYYY-MM-DD') AS "onDate"
         FROM unnest($2::uuid[], $3::date[]) AS p(employer_id, on_date)
        WHERE EXISTS (SELECT 1 FROM employer_agreements a
                       WHERE a.plan_id = $1 AND a.employer_id = p.employer_id
                         AND a.valid_from <= p.on_date AND (a.valid_to IS NULL OR a.valid_to >= p.on_date))`,
      [actor.planId, pairs.map((p) => p.employerId), pairs.map((p) => p.onDate)],
    );
    return new Set(rows.map((r) => agreementKey(r.employerId, r.onDate)));
  }
}

export const agreementKey = (employerId: string, onDate: string): string => `${employerId} ${onDate}`;
