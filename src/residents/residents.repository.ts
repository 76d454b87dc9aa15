import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AccessPolicy, EVERYONE, NOTHING } from '../access/access-policy';
import type { PlanActor } from '../access/actor';
import { paginate, type Page } from '../common/pagination';
import { findInPlan, inPlan } from '../database/plan-scope';
import type { ResidentQuery } from './dto/resident.dto';
import { Guardian } from './guardian.entity';
import { normalisePseudonym } from './pseudonym';
import { Resident } from './resident.entity';
import { residentDisplayName } from './resident-views';

const NOT_FOUND = 'Resident';

/**
 * The residents and guardians tables. Other modules reach residents only through here (exported
 * by ResidentsModule), always through the policy layer.
 */
@Injectable()
export class ResidentsRepository {
  constructor(private readonly access: AccessPolicy) {}

  readable(manager: EntityManager, actor: PlanActor, id: string): Promise<Resident> {
    return findInPlan(manager, Resident, 'r', actor, id, { policy: this.access.readableResidents(actor, 'r'), notFound: NOT_FOUND });
  }

  /** The resident if the actor may change their data, locked for the rest of the caller's transaction. */
  lockWritable(manager: EntityManager, actor: PlanActor, id: string): Promise<Resident> {
    return findInPlan(manager, Resident, 'r', actor, id, { policy: this.access.writableResidents(actor, 'r'), lock: true, notFound: NOT_FOUND });
  }

  page(manager: EntityManager, actor: PlanActor, query: ResidentQuery): Promise<Page<Resident>> {
    const qb = inPlan(manager, Resident, 'r', actor, this.access.readableResidents(actor, 'r'));
    if (query.housingAreaId) qb.andWhere('r.housing_area_id = :housingAreaId', { housingAreaId: query.housingAreaId });
    if (query.pseudonym) qb.andWhere('r.pseudonym = :pseudonym', { pseudonym: normalisePseudonym(query.pseudonym) });
    if (query.q) {
      qb.andWhere(`(r.first_name ILIKE :q OR r.last_name ILIKE :q OR (r.first_name || ' ' || r.last_name) ILIKE :q)`, {
        q: `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
      });
    }
    return paginate(qb, query, 'r.created_at', 'r.id', (r) => r, (r) => ({ at: r.createdAt, id: r.id }));
  }

  /**
   * How a page of other records names their residents: one query for the whole page. Only residents
   * the actor may read; a reader of a case may read its resident (the consent scopes that open a
   * case open the resident too).
   */
  async displayNames(manager: EntityManager, actor: PlanActor, ids: readonly string[]): Promise<Map<string, string>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const rows = await inPlan(manager, Resident, 'r', actor, this.access.readableResidents(actor, 'r'))
      .andWhere('r.id IN (:...displayIds)', { displayIds: unique })
      .getMany();
    return new Map(rows.map((r) => [r.id, residentDisplayName(r)]));
  }

  /**
   * Of these residents, those whose counselling free text the actor may see (the policy's
   * condition, AccessPolicy.counsellingFreeText): one query for a whole page, none for counsellors.
   */
  async withCounsellingFreeTextShared(manager: EntityManager, actor: PlanActor, ids: readonly string[]): Promise<ReadonlySet<string>> {
    const unique = [...new Set(ids)];
    const condition = this.access.counsellingFreeText(actor, 'r');
    if (condition === EVERYONE) return new Set(unique);
    if (condition === NOTHING || unique.length === 0) return new Set();
    const rows = await inPlan(manager, Resident, 'r', actor, condition).andWhere('r.id IN (:...freeTextIds)', { freeTextIds: unique }).getMany();
    return new Set(rows.map((r) => r.id));
  }

  pseudonymTaken(manager: EntityManager, planId: string, pseudonym: string): Promise<boolean> {
    return manager.getRepository(Resident).existsBy({ planId, pseudonym });
  }

  register(manager: EntityManager, fields: Omit<Resident, 'id' | 'version' | 'createdAt' | 'updatedAt'>): Promise<Resident> {
    const repo = manager.getRepository(Resident);
    return repo.save(repo.create(fields));
  }

  /** Saves a changed resident; `version` moves on by one. */
  save(manager: EntityManager, resident: Resident): Promise<Resident> {
    return manager.getRepository(Resident).save(resident);
  }

  guardiansOf(manager: EntityManager, residentId: string): Promise<Guardian[]> {
    return manager.getRepository(Guardian).find({ where: { residentId }, order: { createdAt: 'ASC' } });
  }

  addGuardian(manager: EntityManager, fields: Omit<Guardian, 'id' | 'createdAt'>): Promise<Guardian> {
    const repo = manager.getRepository(Guardian);
    return repo.save(repo.create(fields));
  }
}
