import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { AccessPolicy } from '../access/access-policy';
import type { PlanActor } from '../access/actor';
import { paginate, type Page } from '../common/pagination';
import { findInPlan, inPlan } from '../database/plan-scope';
import { activeConsentExists, type ActiveConsentQuery } from './active-consents.repository';
import { ConsentWithdrawal } from './consent-withdrawal.entity';
import { Consent } from './consent.entity';
import type { ConsentQuery } from './dto/consent.dto';

/**
 * The consent ledger's tables: consents, their recipients and withdrawals. Only inserts and reads:
 * the app's database role cannot change or delete a consent.
 */
@Injectable()
export class ConsentsRepository {
  constructor(private readonly access: AccessPolicy) {}

  findInPlan(manager: EntityManager, actor: PlanActor, id: string): Promise<Consent> {
    return findInPlan(manager, Consent, 'k', actor, id, { notFound: 'Consent' });
  }

  /** Consents of the residents whose records the actor keeps, newest first. */
  page(manager: EntityManager, actor: PlanActor, query: ConsentQuery): Promise<Page<Consent>> {
    const qb = inPlan(manager, Consent, 'k', actor).innerJoin('residents', 'r', 'r.id = k.resident_id');
    const scope = this.access.writableResidents(actor, 'r');
    qb.andWhere(scope.sql, scope.params);
    if (query.residentId) qb.andWhere('k.resident_id = :residentId', { residentId: query.residentId });
    return paginate(qb, query, 'k.created_at', 'k.id', (k) => k, (k) => ({ at: k.createdAt, id: k.id }));
  }

  async record(manager: EntityManager, fields: Omit<Consent, 'id' | 'createdAt'>, recipientOrganisationIds: string[]): Promise<Consent> {
    const repo = manager.getRepository(Consent);
    const consent = await repo.save(repo.create(fields));
    if (recipientOrganisationIds.length) {
      await manager.query(`INSERT INTO consent_recipients (consent_id, organisation_id) SELECT $1, unnest($2::uuid[])`, [consent.id, recipientOrganisationIds]);
    }
    return consent;
  }

  recordWithdrawal(manager: EntityManager, fields: Omit<ConsentWithdrawal, 'createdAt'>): Promise<ConsentWithdrawal> {
    const repo = manager.getRepository(ConsentWithdrawal);
    return repo.save(repo.create(fields));
  }

  async withdrawalsOf(manager: EntityManager, consentIds: string[]): Promise<Map<string, ConsentWithdrawal>> {
    if (!consentIds.length) return new Map();
    const rows = await manager.getRepository(ConsentWithdrawal).findBy({ consentId: In(consentIds) });
    return new Map(rows.map((w) => [w.consentId, w]));
  }

  async recipientsOf(manager: EntityManager, consentIds: string[]): Promise<Map<string, string[]>> {
    const map = new Map<string, string[]>();
    if (!consentIds.length) return map;
    const rows: { consent_id: string; organisation_id: string }[] = await manager.query(
      `SELECT consent_id, organisation_id FROM consent_recipients WHERE consent_id = ANY($1::uuid[])`,
      [consentIds],
    );
    for (const row of rows) map.set(row.consent_id, [...(map.get(row.consent_id) ?? []), row.organisation_id]);
    return map;
  }

  hasActive(manager: EntityManager, q: ActiveConsentQuery): Promise<boolean> {
    return activeConsentExists(manager, q);
  }
}
