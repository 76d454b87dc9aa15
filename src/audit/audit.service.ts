import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { Actor } from '../access/actor';
import { paginate, type Page } from '../common/pagination';
import { AuditEvent } from './audit-event.entity';
import type { AuditQuery } from './dto/audit-query.dto';

export interface AuditEventView {
  id: string;
  occurredAt: string;
  planId: string | null;
  actorId: string | null;
  actorRole: string | null;
  action: string;
  residentId: string | null;
  entityType: string | null;
  entityId: string | null;
  purpose: string;
  requestId: string | null;
}

@Injectable()
export class AuditService {
  constructor(@InjectRepository(AuditEvent) private readonly events: Repository<AuditEvent>) {}

  /** A leader reads their own plan's log; the admin reads any plan's, or the platform's own events. */
  async list(actor: Actor, query: AuditQuery): Promise<Page<AuditEventView>> {
    const qb = this.events.createQueryBuilder('a');
    const planId = actor.role === 'admin' ? query.planId : actor.planId;
    if (planId) qb.where('a.plan_id = :planId', { planId });
    else qb.where('TRUE');
    if (query.residentId) qb.andWhere('a.resident_id = :residentId', { residentId: query.residentId });
    if (query.actorId) qb.andWhere('a.actor_id = :actorId', { actorId: query.actorId });
    if (query.from) qb.andWhere('a.occurred_at >= :from', { from: query.from });
    if (query.to) qb.andWhere('a.occurred_at < :to', { to: query.to });
    return paginate(qb, query, 'a.occurred_at', 'a.id', toView, (e) => ({ at: e.occurredAt, id: e.id }));
  }
}

function toView(e: AuditEvent): AuditEventView {
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
  };
}
