import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../access/actor';
import type { AuditEvent } from './audit-event.entity';
import { AuditRepository } from './audit.repository';
import type { AuditEventPage, AuditEventResponse } from './dto/audit-event-response.dto';
import type { AuditQuery } from './dto/audit-query.dto';

export type AuditEventView = AuditEventResponse;

@Injectable()
export class AuditService {
  constructor(
    private readonly events: AuditRepository,
    @InjectEntityManager() private readonly manager: EntityManager,
  ) {}

  /** A leader reads their own plan's log; the admin reads any plan's, or the platform's own events. */
  list(actor: Actor, query: AuditQuery): Promise<AuditEventPage> {
    const planId = actor.role === 'admin' ? query.planId : actor.planId;
    return this.events.page(this.manager, { ...query, planId }, query, auditEventView);
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
