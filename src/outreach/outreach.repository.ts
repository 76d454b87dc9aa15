import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { PlanActor } from '../access/actor';
import { NotFound } from '../common/domain-errors';
import { paginate, type Page, type PageQuery } from '../common/pagination';
import { findInPlan, inPlan } from '../database/plan-scope';
import { OutreachAttempt } from './entities/outreach-attempt.entity';
import { OutreachList } from './entities/outreach-list.entity';
import { OutreachPerson } from './entities/outreach-person.entity';

export interface ListCounts {
  people: number;
  attempts: number;
}

/**
 * The outreach tables. The people and attempts of a list are the plan's own outreach work, not a
 * compartment's residents: every read is limited to the plan, and the routes to the counsellors
 * (and the leader for the lists without names).
 */
@Injectable()
export class OutreachRepository {
  insertList(manager: EntityManager, values: Pick<OutreachList, 'planId' | 'name' | 'source' | 'legalBasis' | 'retentionDays' | 'createdBy'>): Promise<OutreachList> {
    const repo = manager.getRepository(OutreachList);
    return repo.save(repo.create({ ...values, namesDeletedAt: null }));
  }

  pageOfLists(manager: EntityManager, actor: PlanActor, query: PageQuery): Promise<Page<OutreachList>> {
    return paginate(inPlan(manager, OutreachList, 'l', actor), query, 'l.created_at', 'l.id', (l) => l, (l) => ({ at: l.createdAt, id: l.id }));
  }

  list(manager: EntityManager, actor: PlanActor, id: string): Promise<OutreachList> {
    return findInPlan(manager, OutreachList, 'l', actor, id, { notFound: 'Outreach list' });
  }

  /**
   * The list, held against the retention sweep (FOR SHARE) until the caller's transaction ends:
   * the sweep locks it FOR UPDATE before deleting, so a person or attempt is never added to a list
   * whose names are being deleted, and the caller sees whether the deletion already happened.
   */
  async listHeldForWriting(manager: EntityManager, actor: PlanActor, id: string): Promise<OutreachList> {
    const found = await inPlan(manager, OutreachList, 'l', actor).andWhere('l.id = :id', { id }).setLock('pessimistic_read').getOne();
    if (!found) throw new NotFound('Outreach list');
    return found;
  }

  /** People and attempts of each list, one query for a page of lists; attempts include the tallies kept after a deletion. */
  async countsOf(manager: EntityManager, planId: string, listIds: string[]): Promise<Map<string, ListCounts>> {
    if (listIds.length === 0) return new Map();
    const rows: { id: string; people: string; attempts: string }[] = await manager.query(
      `SELECT l.id,
              (SELECT count(*) FROM outreach_people p WHERE p.list_id = l.id AND p.plan_id = $1) AS people,
              (SELECT count(*) FROM outreach_attempts a WHERE a.list_id = l.id AND a.plan_id = $1)
                + (SELECT COALESCE(sum(t.attempts), 0) FROM outreach_attempt_tallies t WHERE t.list_id = l.id AND t.plan_id = $1) AS attempts
         FROM outreach_lists l WHERE l.plan_id = $1 AND l.id = ANY($2::uuid[])`,
      [planId, listIds],
    );
    return new Map(rows.map((r) => [r.id, { people: Number(r.people), attempts: Number(r.attempts) }]));
  }

  people(manager: EntityManager, actor: PlanActor, listId: string): Promise<OutreachPerson[]> {
    return inPlan(manager, OutreachPerson, 'p', actor).andWhere('p.list_id = :listId', { listId }).orderBy('p.created_at').addOrderBy('p.id').getMany();
  }

  attempts(manager: EntityManager, actor: PlanActor, listId: string): Promise<OutreachAttempt[]> {
    return inPlan(manager, OutreachAttempt, 'a', actor).andWhere('a.list_id = :listId', { listId }).orderBy('a.at').addOrderBy('a.id').getMany();
  }

  insertPerson(manager: EntityManager, values: Pick<OutreachPerson, 'planId' | 'listId' | 'name' | 'address' | 'birthYear' | 'createdBy'>): Promise<OutreachPerson> {
    const repo = manager.getRepository(OutreachPerson);
    return repo.save(repo.create({ ...values, residentId: null }));
  }

  /** The person on the list, locked: two case openings from the same door wait for each other. */
  async lockPerson(manager: EntityManager, actor: PlanActor, listId: string, personId: string): Promise<OutreachPerson> {
    const found = await inPlan(manager, OutreachPerson, 'p', actor)
      .andWhere('p.list_id = :listId AND p.id = :personId', { listId, personId })
      .setLock('pessimistic_write')
      .getOne();
    if (!found) throw new NotFound('Person on the outreach list');
    return found;
  }

  async linkResident(manager: EntityManager, personId: string, residentId: string): Promise<void> {
    await manager.query(`UPDATE outreach_people SET resident_id = $2 WHERE id = $1`, [personId, residentId]);
  }

  insertAttempt(manager: EntityManager, values: Omit<OutreachAttempt, 'id' | 'createdAt'>): Promise<OutreachAttempt> {
    const repo = manager.getRepository(OutreachAttempt);
    return repo.save(repo.create(values));
  }

  /** The case opened from this person's talks, if any. */
  async caseOpenedFor(manager: EntityManager, personId: string): Promise<string | null> {
    const [row]: { case_id: string }[] = await manager.query(`SELECT case_id FROM outreach_attempts WHERE person_id = $1 AND case_id IS NOT NULL LIMIT 1`, [personId]);
    return row?.case_id ?? null;
  }
}
