import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import type { EntityManager } from 'typeorm';
import type { Page, PageQuery } from '../common/pagination';
import type { AuditEvent } from './audit-event.entity';
import { AuditRepository } from './audit.repository';
import type { AuditActor, AuditEntry } from './audit-entry';

export type { AuditActor, AuditChanges, AuditEntry } from './audit-entry';

/**
 * Writes the audit log. Changes pass their transaction's EntityManager so the event commits
 * or rolls back with the change; reads write one event per resident whose data was shown.
 */
@Injectable()
export class AuditWriter {
  constructor(
    private readonly events: AuditRepository,
    @InjectEntityManager() private readonly manager: EntityManager,
  ) {}

  async record(actor: AuditActor, entries: AuditEntry | AuditEntry[], manager?: EntityManager): Promise<void> {
    const list = Array.isArray(entries) ? entries : [entries];
    if (list.length === 0) return;
    await this.events.insert(manager ?? this.manager, actor, list);
  }

  /**
   * A list shown to the caller: one event per row, naming the row's resident, so each resident's
   * access log lists every list they appeared in.
   */
  recordListed(actor: AuditActor, read: { action: string; purpose: string; entityType: string }, rows: readonly { id: string; residentId: string }[]): Promise<void> {
    return this.record(
      actor,
      rows.map((row) => ({ ...read, residentId: row.residentId, entityId: row.id })),
    );
  }

  /** Events written by the system itself (no caller) about residents of any plan, e.g. retention's erasures. */
  async recordSystem(manager: EntityManager, requestId: string, entry: Pick<AuditEntry, 'action' | 'purpose'>, residents: { planId: string; residentId: string }[]): Promise<void> {
    await this.events.insertSystemEvents(manager, requestId, entry, residents);
  }

  /**
   * The residents this request's events are about, with the purpose of each event: whose data the
   * request showed or changed (every such read or change is audited). Read in the request's own
   * transaction, so events not yet committed count.
   */
  residentsOfRequest(manager: EntityManager, actor: { userId: string; requestId: string }): Promise<{ residentId: string; purpose: string }[]> {
    return this.events.residentsOfRequest(manager, actor.userId, actor.requestId);
  }

  /** A page of the events about one resident of the plan, newest first: their access log. */
  residentLog<R>(planId: string, residentId: string, query: PageQuery, toView: (e: AuditEvent) => R, manager: EntityManager = this.manager): Promise<Page<R>> {
    return this.events.page(manager, { planId, residentId }, query, toView);
  }
}
