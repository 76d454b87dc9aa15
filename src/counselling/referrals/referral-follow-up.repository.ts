import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import { AccessPolicy } from '../../access/access-policy';
import type { PlanActor } from '../../access/actor';
import { NotFound } from '../../common/domain-errors';
import { paginate, type Page } from '../../common/pagination';
import { inPlan } from '../../database/plan-scope';
import { CounsellingCase } from '../entities/counselling-case.entity';
import { CounsellingReferral } from '../entities/counselling-referral.entity';
import type { ReferralQuery } from './referral-follow-up.dto';
import { ReferralStatusChange } from './referral-status-change.entity';

/** Staff (name and organisation) and organisations (name) by id. */
export interface ReferralPeople {
  users: ReadonlyMap<string, { name: string; organisationId: string | null }>;
  organisations: ReadonlyMap<string, string>;
}

/**
 * Referrals as their follow-up reaches them, and their status history. Every read goes through
 * AccessPolicy.followedUpReferrals: a referral out of the caller's reach (another organisation's,
 * one whose consent was withdrawn, another plan's) is "not found".
 */
@Injectable()
export class ReferralFollowUpRepository {
  constructor(private readonly access: AccessPolicy) {}

  private reachable(manager: EntityManager, actor: PlanActor) {
    return inPlan(manager, CounsellingReferral, 'f', actor, this.access.followedUpReferrals(actor, 'f', 'c'))
      .innerJoin(CounsellingCase, 'c', 'c.id = f.case_id AND c.plan_id = f.plan_id');
  }

  /** Newest referral first. */
  page(manager: EntityManager, actor: PlanActor, query: ReferralQuery): Promise<Page<CounsellingReferral>> {
    const qb = this.reachable(manager, actor);
    if (query.status) qb.andWhere('f.status = :status', { status: query.status });
    return paginate(qb, query, 'f.referred_at', 'f.id', (f) => f, (f) => ({ at: f.referredAt, id: f.id }));
  }

  /** The referral, locked (only its own row) until the caller's transaction ends, so two answers cannot interleave. */
  async lockFollowedUp(manager: EntityManager, actor: PlanActor, id: string): Promise<CounsellingReferral> {
    const found = await this.reachable(manager, actor).andWhere('f.id = :referralId', { referralId: id }).setLock('pessimistic_write', undefined, ['f']).getOne();
    if (!found) throw new NotFound('Referral');
    return found;
  }

  /** Whom the referral of the caller's plan is about, unlocked (null when there is none): held before the referral is locked. */
  async residentOfReferral(manager: EntityManager, actor: PlanActor, id: string): Promise<string | null> {
    const found = await inPlan(manager, CounsellingReferral, 'f', actor).andWhere('f.id = :id', { id }).getOne();
    if (!found) return null;
    return (await this.residentsOfCases(manager, actor, [found.caseId])).get(found.caseId) ?? null;
  }

  /** The referral, unlocked, if within the caller's reach; else "not found". */
  async followedUp(manager: EntityManager, actor: PlanActor, id: string): Promise<CounsellingReferral> {
    const found = await this.reachable(manager, actor).andWhere('f.id = :referralId', { referralId: id }).getOne();
    if (!found) throw new NotFound('Referral');
    return found;
  }

  /** Which resident each case is about: one query for a page. */
  async residentsOfCases(manager: EntityManager, actor: PlanActor, caseIds: readonly string[]): Promise<ReadonlyMap<string, string>> {
    return new Map([...(await this.casesOf(manager, actor, caseIds)).values()].map((c) => [c.id, c.residentId]));
  }

  /** The cases the referrals were sent from: one query for a page. */
  async casesOf(manager: EntityManager, actor: PlanActor, caseIds: readonly string[]): Promise<ReadonlyMap<string, CounsellingCase>> {
    const unique = [...new Set(caseIds)];
    if (!unique.length) return new Map();
    const rows = await inPlan(manager, CounsellingCase, 'c', actor).andWhere('c.id IN (:...caseIds)', { caseIds: unique }).getMany();
    return new Map(rows.map((c) => [c.id, c]));
  }

  /**
   * The names of the plan's staff and organisations a page of referrals mentions (who referred,
   * who answered, to whom, and from which organisation), so the inbox needs no further call.
   */
  async peopleOf(manager: EntityManager, planId: string, userIds: readonly string[], organisationIds: readonly string[]): Promise<ReferralPeople> {
    const users: { id: string; name: string; organisationId: string | null }[] = userIds.length
      ? await manager.query(`SELECT id::text AS id, name, organisation_id::text AS "organisationId" FROM users WHERE id = ANY($1::uuid[]) AND plan_id = $2`, [[...new Set(userIds)], planId])
      : [];
    const orgIds = [...new Set([...organisationIds, ...users.map((u) => u.organisationId).filter((o): o is string => o !== null)])];
    const organisations: { id: string; name: string }[] = orgIds.length
      ? await manager.query(`SELECT id::text AS id, name FROM organisations WHERE id = ANY($1::uuid[]) AND plan_id = $2`, [orgIds, planId])
      : [];
    return {
      users: new Map(users.map((u) => [u.id, { name: u.name, organisationId: u.organisationId }])),
      organisations: new Map(organisations.map((o) => [o.id, o.name])),
    };
  }

  /** The status histories of these referrals, each oldest first. */
  async historiesOf(manager: EntityManager, referralIds: readonly string[]): Promise<ReadonlyMap<string, ReferralStatusChange[]>> {
    const byReferral = new Map<string, ReferralStatusChange[]>(referralIds.map((id) => [id, []]));
    if (!referralIds.length) return byReferral;
    const rows = await manager.getRepository(ReferralStatusChange).find({ where: { referralId: In([...referralIds]) }, order: { changedAt: 'ASC', id: 'ASC' } });
    for (const row of rows) byReferral.get(row.referralId)?.push(row);
    return byReferral;
  }

  async recordChange(manager: EntityManager, referral: CounsellingReferral, change: Omit<ReferralStatusChange, 'id' | 'planId' | 'referralId' | 'fromStatus'>): Promise<CounsellingReferral> {
    await manager.getRepository(ReferralStatusChange).insert({ ...change, planId: referral.planId, referralId: referral.id, fromStatus: referral.status });
    await manager
      .getRepository(CounsellingReferral)
      .update({ id: referral.id }, { status: change.toStatus, statusChangedAt: change.changedAt, version: referral.version + 1 });
    return { ...referral, status: change.toStatus, statusChangedAt: change.changedAt, version: referral.version + 1 };
  }
}
