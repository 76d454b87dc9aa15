import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { paginate, type Page, type PageQuery } from '../common/pagination';
import { AuditEvent } from './audit-event.entity';
import { AUDIT_KIND_PREFIX, type AuditKind } from './audit-kinds';
import type { AuditActor, AuditEntry } from './audit-entry';
import type { SignInOutcome } from './sign-in-details';

export interface AuditFilter {
  /** One plan's events; undefined: every plan's and the platform's own (the admin's view). */
  planId?: string | null;
  residentId?: string;
  actorId?: string;
  from?: Date;
  to?: Date;
  /** An action, or the family it names (`auth.sso_refused` finds `auth.sso_refused.sso_no_role`). */
  action?: string;
  kind?: AuditKind;
  /** Sign-in events' details (src/audit/sign-in-details.ts). */
  provider?: string;
  outcome?: SignInOutcome;
  address?: string;
}

/** `auth.login_failed` as a LIKE prefix: its underscores are letters, not wildcards. */
const likePrefix = (prefix: string) => prefix.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The head of every INSERT into the audit log, for the statements that write an event together
 * with their change (the hot paths' single statements) as well as for insert() below.
 */
export const AUDIT_EVENT_INSERT = 'INSERT INTO audit_events (plan_id, actor_id, actor_role, action, resident_id, entity_type, entity_id, purpose, request_id)';

/** The append-only audit log: written in the caller's transaction, read a page at a time. */
@Injectable()
export class AuditRepository {
  async insert(manager: EntityManager, actor: AuditActor, entries: AuditEntry[]): Promise<void> {
    // One statement for any number of events: a list page of 200 residents is one round trip.
    await manager.query(
      `INSERT INTO audit_events (plan_id, actor_id, actor_role, action, resident_id, entity_type, entity_id, purpose, request_id, changes, details)
       SELECT $1, $2, $3, e.action, e.resident_id, e.entity_type, e.entity_id, e.purpose, $4, e.changes, e.details
       FROM unnest($5::text[], $6::uuid[], $7::text[], $8::uuid[], $9::text[], $10::jsonb[], $11::jsonb[])
         AS e(action, resident_id, entity_type, entity_id, purpose, changes, details)`,
      [
        actor.planId,
        actor.userId,
        actor.role,
        actor.requestId,
        entries.map((e) => e.action),
        entries.map((e) => e.residentId ?? null),
        entries.map((e) => e.entityType ?? null),
        entries.map((e) => e.entityId ?? null),
        entries.map((e) => e.purpose),
        entries.map((e) => (e.changes ? JSON.stringify(e.changes) : null)),
        entries.map((e) => (e.details ? JSON.stringify(e.details) : null)),
      ],
    );
  }

  /**
   * Events the system writes about residents of several plans at once (the retention job): no
   * actor, one row per resident, one statement.
   */
  async insertSystemEvents(manager: EntityManager, requestId: string, entry: Pick<AuditEntry, 'action' | 'purpose'>, residents: { planId: string; residentId: string }[]): Promise<void> {
    if (residents.length === 0) return;
    await manager.query(
      `${AUDIT_EVENT_INSERT}
       SELECT e.plan_id, NULL, NULL, $1, e.resident_id, 'resident', e.resident_id, $2, $3
       FROM unnest($4::uuid[], $5::uuid[]) AS e(plan_id, resident_id)`,
      [entry.action, entry.purpose, requestId, residents.map((r) => r.planId), residents.map((r) => r.residentId)],
    );
  }

  /**
   * Whether the resident is one of the plan's. An event is filed under a resident only then: an id
   * a caller sent about another plan's resident (a refused read, a filter) stays out of this
   * plan's log and out of that resident's access log in the other plan.
   */
  async isResidentOfPlan(manager: EntityManager, residentId: string, planId: string | null): Promise<boolean> {
    if (!planId) return false;
    const rows: unknown[] = await manager.query(`SELECT 1 FROM residents WHERE id = $1 AND plan_id = $2`, [residentId, planId]);
    return rows.length > 0;
  }

  /**
   * The residents of one request's events (AuditWriter.residentsOfRequest). Found through the
   * plan-and-time index: the actor's plan, since the transaction began (less a second: occurred_at
   * is rounded to the millisecond), then the actor and request id.
   */
  async residentsOfRequest(manager: EntityManager, userId: string, requestId: string): Promise<{ residentId: string; purpose: string }[]> {
    return manager.query(
      `SELECT DISTINCT e.resident_id::text AS "residentId", e.purpose
         FROM audit_events e
        WHERE e.plan_id = (SELECT u.plan_id FROM users u WHERE u.id = $1)
          AND e.occurred_at >= transaction_timestamp() - interval '1 second'
          AND e.actor_id = $1 AND e.request_id = $2 AND e.resident_id IS NOT NULL`,
      [userId, requestId],
    );
  }

  page<R>(manager: EntityManager, filter: AuditFilter, query: PageQuery, toView: (e: AuditEvent) => R): Promise<Page<R>> {
    const qb = manager.getRepository(AuditEvent).createQueryBuilder('a');
    if (filter.planId) qb.where('a.plan_id = :planId', { planId: filter.planId });
    else qb.where('TRUE');
    if (filter.residentId) qb.andWhere('a.resident_id = :residentId', { residentId: filter.residentId });
    if (filter.actorId) qb.andWhere('a.actor_id = :actorId', { actorId: filter.actorId });
    if (filter.from) qb.andWhere('a.occurred_at >= :from', { from: filter.from });
    if (filter.to) qb.andWhere('a.occurred_at < :to', { to: filter.to });
    if (filter.action) qb.andWhere(`(a.action = :action OR a.action LIKE :actionFamily)`, { action: filter.action, actionFamily: `${likePrefix(filter.action)}.%` });
    // The kind's prefix is written out (not a parameter) so the partial index audit_events_sign_in applies.
    if (filter.kind) qb.andWhere(`a.action LIKE '${likePrefix(AUDIT_KIND_PREFIX[filter.kind])}%'`);
    if (filter.provider) qb.andWhere(`a.details->>'provider' = :provider`, { provider: filter.provider });
    if (filter.outcome) qb.andWhere(`a.details->>'outcome' = :outcome`, { outcome: filter.outcome });
    if (filter.address) qb.andWhere(`a.details->>'address' = :address`, { address: filter.address });
    return paginate(qb, query, 'a.occurred_at', 'a.id', toView, (e) => ({ at: e.occurredAt, id: e.id }));
  }
}
