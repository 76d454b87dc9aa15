import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

/**
 * Who an event is about as the log records it: usually the caller (an Actor). For sign-in events
 * the caller may not be known (a failed login): `userId` and `role` are then null, and the event
 * is filed under the plan of the account it concerns, so the plan's leader sees it.
 */
export interface AuditActor {
  userId: string | null;
  role: string | null;
  planId: string | null;
  requestId: string;
}

export interface AuditEntry {
  action: string;
  purpose: string;
  residentId?: string | null;
  entityType?: string;
  entityId?: string | null;
}

/**
 * Writes the audit log. Changes pass their transaction's EntityManager so the event commits
 * or rolls back with the change; reads write one event per resident whose data was shown.
 */
@Injectable()
export class AuditWriter {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async record(actor: AuditActor, entries: AuditEntry | AuditEntry[], manager?: EntityManager): Promise<void> {
    const list = Array.isArray(entries) ? entries : [entries];
    if (list.length === 0) return;
    // One statement for any number of events: a list page of 200 residents is one round trip.
    await (manager ?? this.dataSource.manager).query(
      `INSERT INTO audit_events (plan_id, actor_id, actor_role, action, resident_id, entity_type, entity_id, purpose, request_id)
       SELECT $1, $2, $3, e.action, e.resident_id, e.entity_type, e.entity_id, e.purpose, $4
       FROM unnest($5::text[], $6::uuid[], $7::text[], $8::uuid[], $9::text[])
         AS e(action, resident_id, entity_type, entity_id, purpose)`,
      [
        actor.planId,
        actor.userId,
        actor.role,
        actor.requestId,
        list.map((e) => e.action),
        list.map((e) => e.residentId ?? null),
        list.map((e) => e.entityType ?? null),
        list.map((e) => e.entityId ?? null),
        list.map((e) => e.purpose),
      ],
    );
  }
}
