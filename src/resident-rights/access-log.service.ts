import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import type { EntityManager } from 'typeorm';
import { AccessPolicy } from '../access/access-policy';
import type { PlanActor } from '../access/actor';
import { residentDisplayName } from '../residents/resident-views';
import { actionLabel, purposeLabel, roleLabel } from '../audit/audit-labels';
import type { AuditEvent } from '../audit/audit-event.entity';
import { AuditWriter } from '../audit/audit-writer';
import type { Page, PageQuery } from '../common/pagination';
import type { Resident } from '../residents/resident.entity';
import { ResidentsRepository } from '../residents/residents.repository';
import { UsersRepository } from '../users/users.repository';
import type { AccessLogEntry, AccessLogPage } from './dto/resident-rights-response.dto';

/** The audit purpose of everything done to answer a resident's rights. */
export const RIGHTS_PURPOSE = 'data_subject_rights';

/** How many events the whole log (PDF, export) reads per round trip. */
const WHOLE_LOG_PAGE = 500;

/**
 * A resident's access log (issue 11): every read and change of their data from the audit log,
 * newest first, with who did it (name, role then, organisation), what and why. Reading it is
 * itself audited: a page once it was read, the document to hand over before it is made, so the
 * log a resident is handed includes the handing over.
 */
@Injectable()
export class AccessLogService {
  constructor(
    private readonly residents: ResidentsRepository,
    private readonly users: UsersRepository,
    private readonly audit: AuditWriter,
    private readonly access: AccessPolicy,
    @InjectEntityManager() private readonly manager: EntityManager,
  ) {}

  /** A page of the log; the read is audited once the page was read (a refused cursor records nothing). */
  async page(actor: PlanActor, residentId: string, query: PageQuery): Promise<AccessLogPage> {
    await this.residents.withReadableAccessLog(this.manager, actor, residentId);
    const page = await this.entries(actor.planId, residentId, query);
    await this.recordRead(actor, residentId);
    return page;
  }

  /** The whole log for the PDF to hand over; the resident is named only to their own compartment's staff, never to the leader. */
  async document(actor: PlanActor, residentId: string): Promise<{ resident: Resident; residentName: string | null; log: AsyncIterable<AccessLogEntry[]> }> {
    const resident = await this.residents.withReadableAccessLog(this.manager, actor, residentId);
    // Before it is read: the document handed over includes the handing over.
    await this.recordRead(actor, residentId);
    const owner = this.access.ownsCompartment(actor, resident.compartment);
    return { resident, residentName: owner ? residentDisplayName(resident) : null, log: this.wholeLog(actor.planId, residentId) };
  }

  /** The whole log, a page at a time, for documents that stream it. */
  async *wholeLog(planId: string, residentId: string, manager: EntityManager = this.manager): AsyncGenerator<AccessLogEntry[]> {
    let cursor: string | undefined;
    do {
      const page = await this.entries(planId, residentId, { limit: WHOLE_LOG_PAGE, cursor }, manager);
      yield page.items;
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  }

  private recordRead(actor: PlanActor, residentId: string): Promise<void> {
    return this.audit.record(actor, { action: 'resident.access_log_read', purpose: RIGHTS_PURPOSE, residentId, entityType: 'resident', entityId: residentId });
  }

  private async entries(planId: string, residentId: string, query: PageQuery, manager: EntityManager = this.manager): Promise<Page<AccessLogEntry>> {
    const page = await this.audit.residentLog(planId, residentId, query, (e: AuditEvent) => e, manager);
    const staff = await this.users.staffCards(manager, page.items.flatMap((e) => (e.actorId ? [e.actorId] : [])));
    return {
      nextCursor: page.nextCursor,
      items: page.items.map((e) => {
        const card = e.actorId ? staff.get(e.actorId) : undefined;
        return {
          occurredAt: e.occurredAt.toISOString(),
          actor: e.actorId ? { id: e.actorId, name: card?.name ?? '', role: e.actorRole, roleLabel: e.actorRole ? roleLabel(e.actorRole) : null, organisation: card?.organisation ?? null } : null,
          action: e.action,
          actionLabel: actionLabel(e.action),
          purpose: e.purpose,
          purposeLabel: purposeLabel(e.purpose),
        };
      }),
    };
  }
}
