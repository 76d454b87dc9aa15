import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../access/actor';
import { auditChanges } from '../audit/audit-changes';
import { AuditWriter } from '../audit/audit-writer';
import { Conflict, NotFound, refuseStaleVersion, RuleViolation } from '../common/domain-errors';
import { UnitOfWork } from '../database/unit-of-work';
import type { UpdateHousingAreaDto, UpdateOrganisationDto, UpdatePlanDto } from './dto/plan-edits.dto';
import type { HousingAreaResponse, OrganisationResponse, PlanResponse } from './dto/plan-response.dto';
import { HousingArea } from './entities/housing-area.entity';
import { Organisation } from './entities/organisation.entity';
import { Plan } from './entities/plan.entity';
import { housingAreaView, organisationView, planView } from './plan-views';
import type { PlansProblem } from './plans-problems';
import { PlansRepository } from './plans.repository';
import { PlansService } from './plans.service';

const PURPOSE = 'plan_administration';

/** The database's guard (migration 1733820000000) that an organisation's kind fits its users. */
const KIND_FITS_USERS = 'organisation_kind_fits_its_users';

/** Copies the fields the body sends onto a copy of the row; `version` is not a field. */
function withChanges<T extends object>(row: T, dto: object, fields: readonly (keyof T & string)[]): T {
  const changed = Object.assign(Object.create(Object.getPrototypeOf(row) as object) as T, row);
  for (const field of fields) {
    const value = (dto as Record<string, unknown>)[field];
    if (value !== undefined) (changed as Record<string, unknown>)[field] = value;
  }
  return changed;
}

/**
 * Edits of a plan, its housing areas and organisations by the plan's leader or the admin. Nothing
 * is deleted; each edit raises `version` and is audited with what it changed.
 */
@Injectable()
export class PlanEditsService {
  constructor(
    private readonly plans: PlansService,
    private readonly repository: PlansRepository,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditWriter,
  ) {}

  async updatePlan(actor: Actor, planId: string, dto: UpdatePlanDto): Promise<PlanResponse> {
    const fields = ['name', 'municipality', 'validFrom', 'validTo'] as const;
    return this.edit(actor, planId, 'plan', async (manager) => {
      const plan = await this.repository.lockPlan(manager, planId);
      if (!plan) throw new NotFound('Plan');
      refuseStaleVersion('The plan', dto.version, plan.version);
      const changed = withChanges(plan, dto, fields);
      if (changed.validFrom >= changed.validTo) {
        throw new RuleViolation([{ field: 'validTo', rule: 'plan_period', message: `validTo (${changed.validTo}) must be after validFrom (${changed.validFrom})` }], 'plan_period' satisfies PlansProblem);
      }
      return { before: plan, changed, fields, view: planView };
    });
  }

  async updateHousingArea(actor: Actor, planId: string, id: string, dto: UpdateHousingAreaDto): Promise<HousingAreaResponse> {
    const fields = ['name', 'jobProgrammeEligible'] as const;
    return this.edit(actor, planId, 'housing_area', async (manager) => {
      const area = await this.repository.lockHousingArea(manager, planId, id);
      if (!area) throw new NotFound('Housing area');
      refuseStaleVersion('The housing area', dto.version, area.version);
      if (dto.name !== undefined && dto.name !== area.name && (await this.repository.housingAreaNamed(manager, planId, dto.name))) {
        throw new Conflict(`This plan already has a housing area named "${dto.name}"`, { code: 'duplicate_housing_area' });
      }
      return { before: area, changed: withChanges(area, dto, fields), fields, view: housingAreaView };
    });
  }

  /** A kind that no longer fits the organisation's users (a caseworker's must stay municipal) is refused (422). */
  async updateOrganisation(actor: Actor, planId: string, id: string, dto: UpdateOrganisationDto): Promise<OrganisationResponse> {
    const fields = ['name', 'kind'] as const;
    const edited = this.edit(actor, planId, 'organisation', async (manager) => {
      const organisation = await this.repository.lockOrganisation(manager, planId, id);
      if (!organisation) throw new NotFound('Organisation');
      refuseStaleVersion('The organisation', dto.version, organisation.version);
      if (dto.name !== undefined && dto.name !== organisation.name && (await this.repository.organisationNamed(manager, planId, dto.name))) {
        throw new Conflict(`This plan already has an organisation named "${dto.name}"`, { code: 'duplicate_organisation' });
      }
      return { before: organisation, changed: withChanges(organisation, dto, fields), fields, view: organisationView };
    });
    return edited.catch((error: unknown) => {
      if ((error as { driverError?: { constraint?: string } }).driverError?.constraint !== KIND_FITS_USERS) throw error;
      const message = dto.kind === 'municipal' ? "the plan's own staff or volunteers belong to this organisation; municipal staff are caseworkers" : 'caseworkers belong to this organisation, and a caseworker belongs to a municipal organisation';
      throw new RuleViolation([{ field: 'kind', rule: 'role_organisation_mismatch', message }], 'role_organisation_mismatch');
    });
  }

  /** One edit: reach the plan (404 for another plan's leader), check, save with the next version, audit. */
  private async edit<T extends Plan | HousingArea | Organisation, R>(
    actor: Actor,
    planId: string,
    entityType: 'plan' | 'housing_area' | 'organisation',
    prepare: (manager: EntityManager) => Promise<{ before: T; changed: T; fields: readonly (keyof T & string)[]; view: (row: T) => R }>,
  ): Promise<R> {
    return this.uow.run(async (manager) => {
      await this.plans.reachablePlanId(actor, planId, manager);
      const { before, changed, fields, view } = await prepare(manager);
      changed.version = before.version + 1;
      const saved = await this.repository.save(manager, changed);
      await this.audit.record(
        { ...actor, planId },
        { action: `${entityType}.updated`, purpose: PURPOSE, entityType, entityId: saved.id, changes: auditChanges(before, saved, fields) },
        manager,
      );
      return view(saved);
    });
  }
}
