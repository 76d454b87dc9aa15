import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AccessPolicy } from '../access/access-policy';
import type { PlanActor } from '../access/actor';
import { compartmentOwnedBy } from '../access/roles';
import { AuditWriter } from '../audit/audit-writer';
import { Forbidden, InvalidInput, NotFound, RuleViolation } from '../common/domain-errors';
import { paginate } from '../common/pagination';
import { PlansService } from '../plans/plans.service';
import type { AddGuardianDto, RegisterResidentDto, ResidentQuery, UpdateResidentDto } from './dto/resident.dto';
import { Guardian } from './guardian.entity';
import { generatePseudonym, normalisePseudonym } from './pseudonym';
import { Resident } from './resident.entity';
import { identityProblems } from './resident-rules';
import { guardianView, residentView } from './resident-views';
import { UnitOfWork } from '../database/unit-of-work';

const PURPOSE = 'resident_records';

@Injectable()
export class ResidentsService {
  constructor(
    private readonly uow: UnitOfWork,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessPolicy,
    private readonly audit: AuditWriter,
    private readonly plans: PlansService,
  ) {}

  async register(actor: PlanActor, dto: RegisterResidentDto) {
    const compartment = compartmentOwnedBy(actor.role);
    if (!compartment) throw new Forbidden('Only counsellors and social workers register residents');
    const anonymous = dto.anonymous ?? false;
    const problems = identityProblems(anonymous, dto);
    if (problems.length) throw new InvalidInput(problems);
    await this.requireHousingArea(actor, dto.housingAreaId);

    return this.uow.run(async (manager) => {
      const repo = manager.getRepository(Resident);
      const resident = repo.create({
        planId: actor.planId,
        housingAreaId: dto.housingAreaId,
        compartment,
        anonymous,
        firstName: dto.firstName ?? null,
        lastName: dto.lastName ?? null,
        birthDate: dto.birthDate ?? null,
        birthYear: dto.birthYear ?? (dto.birthDate ? Number(dto.birthDate.slice(0, 4)) : null),
        gender: dto.gender ?? 'unknown',
        phone: dto.phone ?? null,
        email: dto.email?.toLowerCase() ?? null,
        registeredBy: actor.userId,
        pseudonym: anonymous ? await this.freePseudonym(manager, actor.planId) : null,
      });
      const saved = await repo.save(resident);
      await this.audit.record(actor, { action: 'resident.registered', purpose: PURPOSE, residentId: saved.id, entityType: 'resident', entityId: saved.id }, manager);
      return residentView(saved);
    });
  }

  async list(actor: PlanActor, query: ResidentQuery) {
    const scope = this.access.readableResidents(actor, 'r');
    const qb = this.dataSource.getRepository(Resident).createQueryBuilder('r').where(scope.sql, scope.params);
    if (query.housingAreaId) qb.andWhere('r.housing_area_id = :housingAreaId', { housingAreaId: query.housingAreaId });
    if (query.pseudonym) qb.andWhere('r.pseudonym = :pseudonym', { pseudonym: normalisePseudonym(query.pseudonym) });
    if (query.q) {
      qb.andWhere(`(r.first_name ILIKE :q OR r.last_name ILIKE :q OR (r.first_name || ' ' || r.last_name) ILIKE :q)`, {
        q: `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
      });
    }
    const page = await paginate(qb, query, 'r.created_at', 'r.id', (r) => r, (r) => ({ at: r.createdAt, id: r.id }));
    await this.audit.record(
      actor,
      page.items.map((r) => ({ action: 'resident.listed', purpose: this.access.readPurpose(actor, r.compartment, PURPOSE), residentId: r.id, entityType: 'resident', entityId: r.id })),
    );
    return { items: page.items.map(residentView), nextCursor: page.nextCursor };
  }

  async get(actor: PlanActor, id: string) {
    const resident = await this.findReadable(actor, id);
    const owner = this.access.ownsCompartment(actor, resident.compartment);
    // A consent shares the resident and their cases or programmes, not their family's details.
    const guardians = owner ? await this.dataSource.getRepository(Guardian).find({ where: { residentId: id }, order: { createdAt: 'ASC' } }) : [];
    await this.audit.record(actor, { action: 'resident.read', purpose: this.access.readPurpose(actor, resident.compartment, PURPOSE), residentId: id, entityType: 'resident', entityId: id });
    return { ...residentView(resident), ...(owner ? { guardians: guardians.map(guardianView) } : {}) };
  }

  async update(actor: PlanActor, id: string, dto: UpdateResidentDto) {
    return this.uow.run(async (manager) => {
      const resident = await this.lockWritable(manager, actor, id);
      const next = { ...resident, ...dto };
      if (dto.birthDate && dto.birthYear === undefined) next.birthYear = Number(dto.birthDate.slice(0, 4));
      const problems = identityProblems(resident.anonymous, next);
      if (problems.length) throw new InvalidInput(problems);
      if (dto.housingAreaId) await this.requireHousingArea(actor, dto.housingAreaId);
      const saved = await manager.getRepository(Resident).save(Object.assign(resident, next, { email: next.email?.toLowerCase() ?? null }));
      await this.audit.record(actor, { action: 'resident.updated', purpose: PURPOSE, residentId: id, entityType: 'resident', entityId: id }, manager);
      return residentView(saved);
    });
  }

  async addGuardian(actor: PlanActor, residentId: string, dto: AddGuardianDto) {
    return this.uow.run(async (manager) => {
      const resident = await this.lockWritable(manager, actor, residentId);
      if (resident.anonymous) {
        throw new RuleViolation([{ rule: 'anonymous_has_no_guardians', message: 'an anonymous resident cannot have registered guardians; register the resident by name first' }]);
      }
      const repo = manager.getRepository(Guardian);
      const guardian = await repo.save(
        repo.create({ planId: actor.planId, residentId, name: dto.name, relation: dto.relation, phone: dto.phone ?? null, email: dto.email?.toLowerCase() ?? null }),
      );
      await this.audit.record(actor, { action: 'guardian.added', purpose: PURPOSE, residentId, entityType: 'guardian', entityId: guardian.id }, manager);
      return guardianView(guardian);
    });
  }

  /**
   * For other modules: the resident if the actor may change their data, locked for the rest of
   * the caller's transaction. Anything out of reach is "not found" (api.md 404).
   */
  async lockWritable(manager: EntityManager, actor: PlanActor, id: string): Promise<Resident> {
    const scope = this.access.writableResidents(actor, 'r');
    const resident = await manager
      .getRepository(Resident)
      .createQueryBuilder('r')
      .where('r.id = :id', { id })
      .andWhere(scope.sql, scope.params)
      .setLock('pessimistic_write')
      .getOne();
    if (!resident) throw new NotFound('Resident');
    return resident;
  }

  private async findReadable(actor: PlanActor, id: string): Promise<Resident> {
    const scope = this.access.readableResidents(actor, 'r');
    const resident = await this.dataSource
      .getRepository(Resident)
      .createQueryBuilder('r')
      .where('r.id = :id', { id })
      .andWhere(scope.sql, scope.params)
      .getOne();
    if (!resident) throw new NotFound('Resident');
    return resident;
  }

  private async requireHousingArea(actor: PlanActor, housingAreaId: string): Promise<void> {
    if (!(await this.plans.findHousingArea(actor.planId, housingAreaId))) {
      throw new RuleViolation([{ field: 'housingAreaId', rule: 'housing_area_in_plan', message: 'housingAreaId is not a housing area of your plan' }]);
    }
  }

  private async freePseudonym(manager: EntityManager, planId: string): Promise<string> {
    for (let attempt = 0; attempt < 10; attempt += 1) {
      const candidate = generatePseudonym();
      if (!(await manager.getRepository(Resident).existsBy({ planId, pseudonym: candidate }))) return candidate;
    }
    throw new Error('Could not find a free pseudonym after 10 attempts');
  }
}
