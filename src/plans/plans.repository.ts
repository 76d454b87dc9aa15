import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { HousingArea } from './entities/housing-area.entity';
import { Organisation } from './entities/organisation.entity';
import { Plan } from './entities/plan.entity';
import type { PlanSettingsColumns } from './plan-settings';

/**
 * The plans module's tables: plans (the tenants), their housing areas and partner organisations.
 * Every method runs on the caller's manager, so one request stays on one connection/transaction.
 */
@Injectable()
export class PlansRepository {
  async insertPlan(manager: EntityManager, values: Pick<Plan, 'name' | 'municipality' | 'validFrom' | 'validTo'>): Promise<Plan> {
    const repo = manager.getRepository(Plan);
    return repo.save(repo.create(values));
  }

  listPlans(manager: EntityManager): Promise<Plan[]> {
    return manager.getRepository(Plan).find({ order: { createdAt: 'ASC' } });
  }

  findPlan(manager: EntityManager, id: string): Promise<Plan | null> {
    return manager.getRepository(Plan).findOneBy({ id });
  }

  /** Every setting in one UPDATE, so a concurrent change never leaves a mix of two documents. */
  async updateSettings(manager: EntityManager, id: string, settings: PlanSettingsColumns): Promise<void> {
    await manager.getRepository(Plan).update({ id }, settings);
  }

  planExists(manager: EntityManager, id: string): Promise<boolean> {
    return manager.getRepository(Plan).existsBy({ id });
  }

  /** Every plan's retention period in months, for the nightly retention job. */
  async retentionMonths(manager: EntityManager): Promise<{ planId: string; months: number }[]> {
    const rows: { id: string; retention_months: number }[] = await manager.query(`SELECT id, retention_months FROM plans`);
    return rows.map((r) => ({ planId: r.id, months: Number(r.retention_months) }));
  }

  async unusedAccountLimits(manager: EntityManager): Promise<{ planId: string; days: number }[]> {
    const rows: { id: string; days: number }[] = await manager.query(`SELECT id, deactivate_unused_accounts_after_days AS days FROM plans`);
    return rows.map((r) => ({ planId: r.id, days: Number(r.days) }));
  }

  findPlanByName(manager: EntityManager, name: string): Promise<Plan | null> {
    return manager.getRepository(Plan).findOneBy({ name });
  }

  housingAreaNamed(manager: EntityManager, planId: string, name: string): Promise<boolean> {
    return manager.getRepository(HousingArea).existsBy({ planId, name });
  }

  async insertHousingArea(manager: EntityManager, values: Pick<HousingArea, 'planId' | 'name' | 'jobProgrammeEligible'>): Promise<HousingArea> {
    const repo = manager.getRepository(HousingArea);
    return repo.save(repo.create(values));
  }

  listHousingAreas(manager: EntityManager, planId: string): Promise<HousingArea[]> {
    return manager.getRepository(HousingArea).find({ where: { planId }, order: { name: 'ASC' } });
  }

  findHousingArea(manager: EntityManager, planId: string, id: string): Promise<HousingArea | null> {
    return manager.getRepository(HousingArea).findOneBy({ id, planId });
  }

  organisationNamed(manager: EntityManager, planId: string, name: string): Promise<boolean> {
    return manager.getRepository(Organisation).existsBy({ planId, name });
  }

  async insertOrganisation(manager: EntityManager, values: Pick<Organisation, 'planId' | 'name' | 'kind'>): Promise<Organisation> {
    const repo = manager.getRepository(Organisation);
    return repo.save(repo.create(values));
  }

  listOrganisations(manager: EntityManager, planId: string): Promise<Organisation[]> {
    return manager.getRepository(Organisation).find({ where: { planId }, order: { name: 'ASC' } });
  }

  findOrganisation(manager: EntityManager, planId: string, id: string): Promise<Organisation | null> {
    return manager.getRepository(Organisation).findOneBy({ id, planId });
  }

  async organisationIds(manager: EntityManager, planId: string): Promise<string[]> {
    return (await manager.getRepository(Organisation).find({ where: { planId }, select: { id: true } })).map((o) => o.id);
  }

  /** One row of the plan's, locked until the caller's transaction ends (an edit reads, checks, then writes). */
  lockPlan(manager: EntityManager, id: string): Promise<Plan | null> {
    return manager.getRepository(Plan).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  lockHousingArea(manager: EntityManager, planId: string, id: string): Promise<HousingArea | null> {
    return manager.getRepository(HousingArea).findOne({ where: { id, planId }, lock: { mode: 'pessimistic_write' } });
  }

  lockOrganisation(manager: EntityManager, planId: string, id: string): Promise<Organisation | null> {
    return manager.getRepository(Organisation).findOne({ where: { id, planId }, lock: { mode: 'pessimistic_write' } });
  }

  save<T extends Plan | HousingArea | Organisation>(manager: EntityManager, row: T): Promise<T> {
    return manager.save(row);
  }
}
