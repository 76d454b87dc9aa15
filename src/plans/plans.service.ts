import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import type { Actor } from '../access/actor';
import { AuditWriter } from '../audit/audit-writer';
import { Conflict, NotFound, RuleViolation } from '../common/domain-errors';
import { UnitOfWork } from '../database/unit-of-work';
import type { CreateHousingAreaDto, CreateOrganisationDto, CreatePlanDto } from './dto/plan.dto';
import { HousingArea } from './entities/housing-area.entity';
import { Organisation } from './entities/organisation.entity';
import { Plan } from './entities/plan.entity';
import { housingAreaView, organisationView, planView } from './plan-views';

const PURPOSE = 'plan_administration';

/** Plans (tenants), their housing areas and partner organisations. Users are in src/users. */
@Injectable()
export class PlansService {
  constructor(
    @InjectRepository(Plan) private readonly plans: Repository<Plan>,
    @InjectRepository(HousingArea) private readonly areas: Repository<HousingArea>,
    @InjectRepository(Organisation) private readonly organisations: Repository<Organisation>,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditWriter,
  ) {}

  async createPlan(actor: Actor, dto: CreatePlanDto) {
    if (dto.validTo < dto.validFrom) {
      throw new RuleViolation([{ field: 'validTo', rule: 'plan_period', message: 'validTo must not be before validFrom' }]);
    }
    return this.uow.run(async (manager) => {
      const plan = await manager.getRepository(Plan).save(manager.getRepository(Plan).create(dto));
      await this.audit.record(actor, { action: 'plan.created', purpose: PURPOSE, entityType: 'plan', entityId: plan.id }, manager);
      return planView(plan);
    });
  }

  async listPlans() {
    return { items: (await this.plans.find({ order: { createdAt: 'ASC' } })).map(planView), nextCursor: null };
  }

  async addHousingArea(actor: Actor, planId: string, dto: CreateHousingAreaDto) {
    return this.uow.run(async (manager) => {
      await this.reachablePlanId(actor, planId, manager);
      const repo = manager.getRepository(HousingArea);
      if (await repo.existsBy({ planId, name: dto.name })) throw new Conflict(`This plan already has a housing area named "${dto.name}"`, { code: 'duplicate_name' });
      const area = await repo.save(repo.create({ planId, name: dto.name, jobProgrammeEligible: dto.jobProgrammeEligible ?? false }));
      await this.audit.record({ ...actor, planId }, { action: 'housing_area.added', purpose: PURPOSE, entityType: 'housing_area', entityId: area.id }, manager);
      return housingAreaView(area);
    });
  }

  async addOrganisation(actor: Actor, planId: string, dto: CreateOrganisationDto) {
    return this.uow.run(async (manager) => {
      await this.reachablePlanId(actor, planId, manager);
      const repo = manager.getRepository(Organisation);
      if (await repo.existsBy({ planId, name: dto.name })) throw new Conflict(`This plan already has an organisation named "${dto.name}"`, { code: 'duplicate_name' });
      const organisation = await repo.save(repo.create({ planId, ...dto }));
      await this.audit.record({ ...actor, planId }, { action: 'organisation.added', purpose: PURPOSE, entityType: 'organisation', entityId: organisation.id }, manager);
      return organisationView(organisation);
    });
  }

  listHousingAreas(planId: string) {
    return this.areas.find({ where: { planId }, order: { name: 'ASC' } }).then((rows) => ({ items: rows.map(housingAreaView), nextCursor: null }));
  }

  listOrganisations(planId: string) {
    return this.organisations.find({ where: { planId }, order: { name: 'ASC' } }).then((rows) => ({ items: rows.map(organisationView), nextCursor: null }));
  }

  /** The plan id if the actor may manage that plan (admin: any; leader: their own), else 404. */
  async reachablePlanId(actor: Actor, planId: string, manager: EntityManager = this.plans.manager): Promise<string> {
    const reachable = actor.role === 'admin' || actor.planId === planId;
    if (!reachable || !(await manager.getRepository(Plan).existsBy({ id: planId }))) throw new NotFound('Plan');
    return planId;
  }

  /** A housing area of the plan, or null; pass the caller's transaction manager when inside one. */
  findHousingArea(planId: string, id: string, manager?: EntityManager): Promise<HousingArea | null> {
    return (manager?.getRepository(HousingArea) ?? this.areas).findOneBy({ id, planId });
  }

  findOrganisation(planId: string, id: string, manager?: EntityManager): Promise<Organisation | null> {
    return (manager?.getRepository(Organisation) ?? this.organisations).findOneBy({ id, planId });
  }

  organisationExists(planId: string, id: string): Promise<boolean> {
    return this.organisations.existsBy({ id, planId });
  }

  findPlanByName(name: string): Promise<Plan | null> {
    return this.plans.findOneBy({ name });
  }

  async getPlan(planId: string, manager?: EntityManager): Promise<Plan> {
    const plan = await (manager?.getRepository(Plan) ?? this.plans).findOneBy({ id: planId });
    if (!plan) throw new NotFound('Plan');
    return plan;
  }

  async organisationIds(planId: string, manager?: EntityManager): Promise<string[]> {
    return (await (manager?.getRepository(Organisation) ?? this.organisations).find({ where: { planId }, select: { id: true } })).map((o) => o.id);
  }
}
