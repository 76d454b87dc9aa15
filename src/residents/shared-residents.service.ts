import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AccessPolicy } from '../access/access-policy';
import type { PlanActor } from '../access/actor';
import { AuditWriter } from '../audit/audit-writer';
import { activeSharingConsents, type SharingConsent } from '../consents/active-consents.repository';
import { SCOPE_LABELS } from '../consents/consent.entity';
import { PlansService } from '../plans/plans.service';
import type { ResidentQuery } from './dto/resident.dto';
import type { SharedResidentPage, SharedResidentResponse } from './dto/shared-resident-response.dto';
import type { Resident } from './resident.entity';
import { residentDisplayName, residentView } from './resident-views';
import { ResidentsRepository } from './residents.repository';

const PURPOSE = 'resident_records';

/**
 * The residents shared with the caller's organisation by their consent (a caseworker at the job
 * centre): read-only, each with the consents that share them and until when. Readable exactly as
 * GET /residents decides (AccessPolicy.readableResidents), and audited as those reads are.
 */
@Injectable()
export class SharedResidentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessPolicy,
    private readonly audit: AuditWriter,
    private readonly plans: PlansService,
    private readonly repository: ResidentsRepository,
  ) {}

  async list(actor: PlanActor, query: ResidentQuery): Promise<SharedResidentPage> {
    const page = await this.repository.page(this.dataSource.manager, actor, query);
    await this.audit.record(
      actor,
      page.items.map((r) => ({ action: 'resident.listed', purpose: this.access.readPurpose(actor, r.compartment, PURPOSE), residentId: r.id, entityType: 'resident', entityId: r.id })),
    );
    return { items: await this.views(actor, page.items), nextCursor: page.nextCursor };
  }

  async get(actor: PlanActor, id: string): Promise<SharedResidentResponse> {
    const resident = await this.repository.readable(this.dataSource.manager, actor, id);
    await this.audit.record(actor, { action: 'resident.read', purpose: this.access.readPurpose(actor, resident.compartment, PURPOSE), residentId: id, entityType: 'resident', entityId: id });
    const [view] = await this.views(actor, [resident]);
    return view;
  }

  private async views(actor: PlanActor, residents: Resident[]): Promise<SharedResidentResponse[]> {
    const manager = this.dataSource.manager;
    const consents = actor.organisationId
      ? await activeSharingConsents(manager, { planId: actor.planId, organisationId: actor.organisationId, residentIds: residents.map((r) => r.id) })
      : [];
    const byResident = new Map<string, SharingConsent[]>();
    for (const k of consents) byResident.set(k.residentId, [...(byResident.get(k.residentId) ?? []), k]);
    const areas = new Map((await this.plans.listHousingAreas(actor.planId)).items.map((a) => [a.id, a.name]));
    return residents.map((r) => ({
      ...residentView(r),
      displayName: residentDisplayName(r),
      housingAreaName: areas.get(r.housingAreaId) ?? null,
      sharedBy: (byResident.get(r.id) ?? []).map((k) => ({
        id: k.id,
        scope: k.scope,
        scopeLabel: SCOPE_LABELS[k.scope],
        givenAt: k.givenAt,
        expiresAt: k.expiresAt,
        includesNotes: k.includesNotes,
      })),
    }));
  }
}
