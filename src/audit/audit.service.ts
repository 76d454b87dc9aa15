import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../access/actor';
import type { AuditEvent } from './audit-event.entity';
import { AuditWriter } from './audit-writer';
import { AuditRepository } from './audit.repository';
import type { AuditEventPage, AuditEventResponse } from './dto/audit-event-response.dto';
import type { AuditQuery } from './dto/audit-query.dto';

export type AuditEventView = AuditEventResponse;

@Injectable()
export class AuditService {
  constructor(
    private readonly events: AuditRepository,
    private readonly writer: AuditWriter,
    @InjectEntityManager() private readonly manager: EntityManager,
  ) {}

  /**
   * A leader reads their own plan's log; the admin reads any plan's, or the platform's own events.
   * Reading the log is itself logged (issue 20): who read it, with which filters (in `changes.after`),
   * filed under the plan that was read so its leader sees an admin's reads, and under the resident
   * when the read was about one of that plan's, so it shows in their access log.
   */
  async list(actor: Actor, query: AuditQuery): Promise<AuditEventPage> {
    const planId = actor.role === 'admin' ? query.planId : actor.planId;
    const page = await this.events.page(this.manager, { ...query, planId }, query, auditEventView);
    const filters = { planId: planId ?? null, residentId: query.residentId ?? null, actorId: query.actorId ?? null, from: query.from?.toISOString() ?? null, to: query.to?.toISOString() ?? null };
    const residentId = query.residentId && (await this.events.isResidentOfPlan(this.manager, query.residentId, planId ?? null)) ? query.residentId : null;
    await this.writer.record(
      { userId: actor.userId, role: actor.role, planId: planId ?? null, requestId: actor.requestId },
      { action: 'audit_log.read', purpose: 'oversight', residentId, entityType: 'audit_log', changes: { before: {}, after: filters } },
    );
    return page;
  }
}

export function auditEventView(e: AuditEvent): AuditEventResponse {
  return {
    id: e.id,
    occurredAt: e.occurredAt.toISOString(),
    planId: e.planId,
    actorId: e.actorId,
    actorRole: e.actorRole,
    action: e.action,
    residentId: e.residentId,
    entityType: e.entityType,
    entityId: e.entityId,
    purpose: e.purpose,
    requestId: e.requestId,
    changes: e.changes ?? null,
    details: e.details ?? null,
  };
}
