import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../access/actor';
import { AuditWriter } from '../audit/audit-writer';
import { Conflict, NotFound, RuleViolation } from '../common/domain-errors';
import { UnitOfWork } from '../database/unit-of-work';
import type { CreateHousingAreaDto, CreateOrganisationDto, CreatePlanDto } from './dto/plan.dto';
import type { HousingAreaPage, HousingAreaResponse, OrganisationPage, OrganisationResponse, PlanPage, PlanResponse } from './dto/plan-response.dto';
import type { HousingArea } from './entities/housing-area.entity';
import type { Organisation } from './entities/organisation.entity';
import type { Plan } from './entities/plan.entity';
import { housingAreaView, organisationView, planView } from './plan-views';
import { PlansRepository } from './plans.repository';

const PURPOSE = 'plan_administration';

/**
 * Plans (tenants), their housing areas and partner organisations. Users are in src/users. The
 * lookups other modules call take their transaction's manager; without one they read on their own.
 */
@Injectable()
export class PlansService {
  constructor(
    private readonly repository: PlansRepository,
    @InjectEntityManager() private readonly manager: EntityManager,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditWriter,
  ) {}

  async createPlan(actor: Actor, dto: CreatePlanDto): Promise<PlanResponse> {
    if (dto.validTo < dto.validFrom) {
      throw new RuleViolation([{ field: 'validTo', rule: 'plan_period', message: 'validTo must not be before validFrom' }], 'plan_period');
    }
    return this.uow.run(async (manager) => {
      const plan = await this.repository.insertPlan(manager, dto);
      await this.audit.record(actor, { action: 'plan.created', purpose: PURPOSE, entityType: 'plan', entityId: plan.id }, manager);
      return planView(plan);
    });
  }

  async listPlans(): Promise<PlanPage> {
    return { items: (await this.repository.listPlans(this.manager)).map(planView), nextCursor: null };
  }

  async addHousingArea(actor: Actor, planId: string, dto: CreateHousingAreaDto): Promise<HousingAreaResponse> {
    return this.uow.run(async (manager) => {
      await this.reachablePlanId(actor, planId, manager);
      if (await this.repository.housingAreaNamed(manager, planId, dto.name)) {
        throw new Conflict(`This plan already has a housing area named "${dto.name}"`, { code: 'duplicate_housing_area' });
      }
      const area = await this.repository.insertHousingArea(manager, { planId, name: dto.name, jobProgrammeEligible: dto.jobProgrammeEligible ?? false });
      await this.audit.record({ ...actor, planId }, { action: 'housing_area.added', purpose: PURPOSE, entityType: 'housing_area', entityId: area.id }, manager);
      return housingAreaView(area);
    });
  }

  async addOrganisation(actor: Actor, planId: string, dto: CreateOrganisationDto): Promise<OrganisationResponse> {
    return this.uow.run(async (manager) => {
      await this.reachablePlanId(actor, planId, manager);
      if (await this.repository.organisationNamed(manager, planId, dto.name)) {
        throw new Conflict(`This plan already has an organisation named "${dto.name}"`, { code: 'duplicate_organisation' });
      }
      const organisation = await this.repository.insertOrganisation(manager, { planId, ...dto });
      await this.audit.record({ ...actor, planId }, { action: 'organisation.added', purpose: PURPOSE, entityType: 'organisation', entityId: organisation.id }, manager);
      return organisationView(organisation);
    });
  }

  async listHousingAreas(planId: string): Promise<HousingAreaPage> {
    return { items: (await this.repository.listHousingAreas(this.manager, planId)).map(housingAreaView), nextCursor: null };
  }

  async listOrganisations(planId: string): Promise<OrganisationPage> {
    return { items: (await this.repository.listOrganisations(this.manager, planId)).map(organisationView), nextCursor: null };
  }

  /** The plan id if the actor may manage that plan (admin: any; leader: their own), else 404. */
  async reachablePlanId(actor: Actor, planId: string, manager: EntityManager = this.manager): Promise<string> {
    const reachable = actor.role === 'admin' || actor.planId === planId;
    if (!reachable || !(await this.repository.planExists(manager, planId))) throw new NotFound('Plan');
    return planId;
  }

  /** A housing area of the plan, or null; pass the caller's transaction manager when inside one. */
  findHousingArea(planId: string, id: string, manager: EntityManager = this.manager): Promise<HousingArea | null> {
    return this.repository.findHousingArea(manager, planId, id);
  }

  findOrganisation(planId: string, id: string, manager: EntityManager = this.manager): Promise<Organisation | null> {
    return this.repository.findOrganisation(manager, planId, id);
  }

  async organisationExists(planId: string, id: string, manager: EntityManager = this.manager): Promise<boolean> {
    return (await this.repository.findOrganisation(manager, planId, id)) !== null;
  }

  findPlanByName(name: string): Promise<Plan | null> {
    return this.repository.findPlanByName(this.manager, name);
  }

  async getPlan(planId: string, manager: EntityManager = this.manager): Promise<Plan> {
    const plan = await this.repository.findPlan(manager, planId);
    if (!plan) throw new NotFound('Plan');
    return plan;
  }

  /** Every plan's retention period in months (plan setting `retentionMonths`). */
  retentionMonths(manager: EntityManager = this.manager): Promise<{ planId: string; months: number }[]> {
    return this.repository.retentionMonths(manager);
  }

  organisationIds(planId: string, manager: EntityManager = this.manager): Promise<string[]> {
    return this.repository.organisationIds(manager, planId);
  }
}
