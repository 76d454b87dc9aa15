import { Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { InjectEntityManager } from '@nestjs/typeorm';
import type { EntityManager } from 'typeorm';
import { isUuid } from '../common/parse-id.pipe';
import { AuditWriter } from './audit-writer';
import { AuditRepository } from './audit.repository';

/** What a refusal says, as the problem filter has it. */
export interface Refusal {
  status: number;
  code: string;
}

/** The signed-in caller as the policy guard left them on the request (absent when no token was accepted). */
interface RequestCaller {
  userId?: string;
  role?: string;
  planId?: string | null;
  sessionCheck?: string;
}

/**
 * A read refused by the access policy is attributed to who tried (issue 20): the role may not
 * read it (403), it is not within their reach (404: another plan's, or not shared with them),
 * their consent does not reach it, or it needs a recent sign-in (step-up). One event per refused
 * request, about the object the path names (and the resident, when the path names one), so the
 * plan's leader sees attempts in the audit log and a resident sees them in their access log. A
 * request without an accepted token, or to a route that does not exist, is no one's read: the
 * request log has it.
 */
@Injectable()
export class RefusedReadAudit {
  constructor(
    private readonly audit: AuditWriter,
    private readonly events: AuditRepository,
    @InjectEntityManager() private readonly manager: EntityManager,
  ) {}

  async record(request: FastifyRequest, refusal: Refusal): Promise<void> {
    if (request.method !== 'GET' && request.method !== 'HEAD') return;
    if (!isRefusedByPolicy(refusal)) return;
    const caller = (request as FastifyRequest & { user?: RequestCaller }).user;
    if (!caller?.userId || caller.sessionCheck) return;
    const target = targetOf(request.routeOptions.url, request.params as Record<string, unknown> | undefined);
    const planId = caller.planId ?? null;
    const residentId = target.residentId && (await this.events.isResidentOfPlan(this.manager, target.residentId, planId)) ? target.residentId : null;
    await this.audit.record(
      { userId: caller.userId, role: caller.role ?? null, planId, requestId: String(request.id) },
      { action: 'read.refused', purpose: 'access_control', residentId, entityType: target.entityType, entityId: target.entityId },
    );
  }
}

export function isRefusedByPolicy({ status, code }: Refusal): boolean {
  return status === 403 || (status === 404 && code !== 'route_not_found') || code === 'step_up_required' || /consent/.test(code);
}

/**
 * The object a route's path names: the last path parameter and the collection before it
 * (`/residents/:id/access-log` → resident, `/counselling-cases/:id` → counselling_case), or the
 * collection itself when the path has no parameter (`/audit-events` → audit_event).
 */
export function targetOf(route: string | undefined, params: Record<string, unknown> = {}): { entityType: string | undefined; entityId: string | null; residentId: string | null } {
  const segments = (route ?? '').split('/').filter(Boolean).filter((s) => !/^(api|v\d+)$/.test(s));
  const lastParam = segments.map((s, i) => (s.startsWith(':') ? i : -1)).filter((i) => i > 0).at(-1);
  const collection = lastParam !== undefined ? segments[lastParam - 1] : segments.at(-1);
  const raw = lastParam !== undefined ? params[segments[lastParam].slice(1)] : undefined;
  const entityId = typeof raw === 'string' && isUuid(raw) ? raw.toLowerCase() : null;
  const entityType = collection?.startsWith(':') ? undefined : collection?.replace(/ies$/, 'y').replace(/s$/, '').replace(/-/g, '_');
  return { entityType, entityId, residentId: entityType === 'resident' ? entityId : null };
}
