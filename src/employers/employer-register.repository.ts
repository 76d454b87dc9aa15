import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { PlanActor } from '../access/actor';
import { paginate, type Page, type PageQuery } from '../common/pagination';
import { NotFound } from '../common/domain-errors';
import { inPlan } from '../database/plan-scope';
import { CsrAward } from './entities/csr-award.entity';
import { EmployerContact } from './entities/employer-contact.entity';
import { NetworkMembership } from './entities/network-membership.entity';

type PlanScope = Pick<PlanActor, 'planId'>;

/**
 * The register's logs and lists besides the employers themselves: the contact log, network
 * memberships and the CSR prize, every query scoped to the caller's plan.
 */
@Injectable()
export class EmployerRegisterRepository {
  insertContact(manager: EntityManager, values: Omit<EmployerContact, 'id' | 'createdAt'>): Promise<EmployerContact> {
    const repo = manager.getRepository(EmployerContact);
    return repo.save(repo.create(values));
  }

  /** The employer's contacts, latest first. */
  contactPage(manager: EntityManager, actor: PlanScope, employerId: string, query: PageQuery): Promise<Page<EmployerContact>> {
    const qb = inPlan(manager, EmployerContact, 'c', actor).andWhere('c.employer_id = :employerId', { employerId });
    return paginate(qb, query, 'c.at', 'c.id', (c) => c, (c) => ({ at: c.at, id: c.id }));
  }

  /** The names of the plan's staff among `userIds`, by id: one query for a page. */
  async staffNames(manager: EntityManager, actor: PlanScope, userIds: readonly string[]): Promise<ReadonlyMap<string, string>> {
    const wanted = [...new Set(userIds)];
    if (!wanted.length) return new Map();
    const rows: { id: string; name: string }[] = await manager.query(`SELECT id::text AS id, name FROM users WHERE id = ANY($1::uuid[]) AND plan_id = $2`, [wanted, actor.planId]);
    return new Map(rows.map((u) => [u.id, u.name]));
  }

  membershipsOf(manager: EntityManager, actor: PlanScope, employerId: string): Promise<NetworkMembership[]> {
    return inPlan(manager, NetworkMembership, 'm', actor)
      .andWhere('m.employer_id = :employerId', { employerId })
      .orderBy('m.valid_from', 'ASC')
      .addOrderBy('m.created_at', 'ASC')
      .getMany();
  }

  /** The employer's membership, or 404 "Network membership"; locked for the caller's transaction. */
  async findMembership(manager: EntityManager, actor: PlanScope, employerId: string, id: string): Promise<NetworkMembership> {
    const found = await inPlan(manager, NetworkMembership, 'm', actor)
      .andWhere('m.id = :id AND m.employer_id = :employerId', { id, employerId })
      .setLock('pessimistic_write')
      .getOne();
    if (!found) throw new NotFound('Network membership');
    return found;
  }

  insertMembership(manager: EntityManager, values: Omit<NetworkMembership, 'id' | 'createdAt'>): Promise<NetworkMembership> {
    const repo = manager.getRepository(NetworkMembership);
    return repo.save(repo.create(values));
  }

  async endMembership(manager: EntityManager, membership: NetworkMembership, to: string): Promise<NetworkMembership> {
    await manager.query(`UPDATE employer_network_memberships SET valid_to = $1 WHERE id = $2 AND plan_id = $3`, [to, membership.id, membership.planId]);
    return { ...membership, validTo: to };
  }

  /** Of these employers of the plan, those in the network on the day. */
  async membersOn(manager: EntityManager, actor: PlanScope, employerIds: readonly string[], onDate: string): Promise<Set<string>> {
    if (!employerIds.length) return new Set();
    const rows: { id: string }[] = await manager.query(
      `SELECT DISTINCT employer_id::text AS id FROM employer_network_memberships
        WHERE plan_id = $1 AND employer_id = ANY($2::uuid[]) AND valid_from <= $3::date AND (valid_to IS NULL OR valid_to >= $3::date)`,
      [actor.planId, [...employerIds], onDate],
    );
    return new Set(rows.map((r) => r.id));
  }

  /** How many sessions (network meetings) the employer came to. */
  async meetingsAttended(manager: EntityManager, actor: PlanScope, employerId: string): Promise<number> {
    const [row]: { n: string }[] = await manager.query(`SELECT count(*) AS n FROM activity_session_employers WHERE plan_id = $1 AND employer_id = $2`, [actor.planId, employerId]);
    return Number(row.n);
  }

  /** The award of the year, if the plan has one. */
  awardOf(manager: EntityManager, actor: PlanScope, year: number): Promise<CsrAward | null> {
    return inPlan(manager, CsrAward, 'a', actor).andWhere('a.year = :year', { year }).getOne();
  }

  /** The new award, or undefined when the plan has one for the year already (a race lost to another). */
  async insertAward(manager: EntityManager, values: Omit<CsrAward, 'id' | 'createdAt'>): Promise<CsrAward | undefined> {
    const rows: CsrAward[] = await manager.query(
      `INSERT INTO csr_awards (plan_id, year, employer_id, nominee_ids, reason, recorded_by)
       VALUES ($1, $2, $3, $4::uuid[], $5, $6)
       ON CONFLICT ON CONSTRAINT csr_awards_one_per_year DO NOTHING
       RETURNING id, plan_id AS "planId", year, employer_id AS "employerId", nominee_ids AS "nomineeIds", reason, recorded_by AS "recordedBy", created_at AS "createdAt"`,
      [values.planId, values.year, values.employerId, values.nomineeIds, values.reason, values.recordedBy],
    );
    return rows[0];
  }

  /** The plan's awards, latest year first (a prize a year: the whole list is short). */
  awards(manager: EntityManager, actor: PlanScope): Promise<CsrAward[]> {
    return inPlan(manager, CsrAward, 'a', actor).orderBy('a.year', 'DESC').getMany();
  }
}
