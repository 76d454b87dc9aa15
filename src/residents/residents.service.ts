import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AccessPolicy } from '../access/access-policy';
import type { PlanActor } from '../access/actor';
import { compartmentOwnedBy } from '../access/roles';
import { AuditWriter } from '../audit/audit-writer';
import { Forbidden, InvalidInput, RuleViolation, refuseStaleVersion } from '../common/domain-errors';
import { PlansService } from '../plans/plans.service';
import type { AddGuardianDto, RegisterResidentDto, ResidentQuery, UpdateResidentDto } from './dto/resident.dto';
import type { GuardianResponse, ResidentDetailResponse, ResidentPage, ResidentResponse } from './dto/resident-response.dto';
import { generatePseudonym } from './pseudonym';
import type { Resident } from './resident.entity';
import { identityProblems } from './resident-rules';
import { isDuplicateRace, possibleDuplicate } from './possible-duplicates';
import { guardianView, residentView } from './resident-views';
import { ResidentsRepository } from './residents.repository';
import { UnitOfWork } from '../database/unit-of-work';
import type { ResidentsProblem } from './residents-problems';

const PURPOSE = 'resident_records';

function housingAreaNotInPlan(): RuleViolation {
  return new RuleViolation(
    [{ field: 'housingAreaId', rule: 'housing_area_in_plan', message: 'housingAreaId is not a housing area of your plan' }],
    'housing_area_not_in_plan' satisfies ResidentsProblem,
  );
}

@Injectable()
export class ResidentsService {
  constructor(
    private readonly uow: UnitOfWork,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessPolicy,
    private readonly audit: AuditWriter,
    private readonly plans: PlansService,
    private readonly repository: ResidentsRepository,
  ) {}

  async register(actor: PlanActor, dto: RegisterResidentDto): Promise<ResidentResponse> {
    const compartment = compartmentOwnedBy(actor.role);
    if (!compartment) throw new Forbidden('Only counsellors, social workers and caseworkers register residents', { code: 'not_a_compartment_owner' satisfies ResidentsProblem });
    const anonymous = dto.anonymous ?? false;
    const problems = identityProblems(anonymous, dto);
    if (problems.length) throw new InvalidInput(problems, 'identity_not_allowed' satisfies ResidentsProblem);
    // One statement checks for possible duplicates and writes the resident and its audit event
    // (bench/README.md); a pseudonym is picked first, and the plan's unique index on pseudonyms
    // settles a race for the same one.
    const manager = this.uow.current();
    const fields = {
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
      pseudonym: anonymous ? await this.freePseudonym(manager ?? this.dataSource.manager, actor.planId) : null,
      confirmedNotDuplicate: dto.confirmNotDuplicate ?? false,
    };
    const registered = await this.repository
      .register(manager, actor, fields, { action: 'resident.registered', actionDespiteDuplicates: 'resident.registered_despite_possible_duplicates', purpose: PURPOSE })
      .catch(async (error: unknown) => {
        if (!isDuplicateRace(error)) throw error;
        throw possibleDuplicate(await this.repository.possibleDuplicates(actor.planId, fields));
      });
    if (registered.resident) return residentView(registered.resident);
    if (!registered.areaFound) throw housingAreaNotInPlan();
    throw possibleDuplicate(registered.duplicateIds);
  }

  async list(actor: PlanActor, query: ResidentQuery): Promise<ResidentPage> {
    const page = await this.repository.page(this.dataSource.manager, actor, query);
    await this.audit.record(
      actor,
      page.items.map((r) => ({ action: 'resident.listed', purpose: this.access.readPurpose(actor, r.compartment, PURPOSE), residentId: r.id, entityType: 'resident', entityId: r.id })),
    );
    return { items: page.items.map(residentView), nextCursor: page.nextCursor };
  }

  async get(actor: PlanActor, id: string): Promise<ResidentDetailResponse> {
    const manager = this.dataSource.manager;
    const resident = await this.repository.readable(manager, actor, id);
    const owner = this.access.ownsCompartment(actor, resident.compartment);
    // A consent shares the resident and their cases or programmes, not their family's details.
    const guardians = owner ? await this.repository.guardiansOf(manager, id) : [];
    await this.audit.record(actor, { action: 'resident.read', purpose: this.access.readPurpose(actor, resident.compartment, PURPOSE), residentId: id, entityType: 'resident', entityId: id });
    return { ...residentView(resident), ...(owner ? { guardians: guardians.map(guardianView) } : {}) };
  }

  /** `version`, when given, must be the one the caller read: two people editing one record do not overwrite each other unseen. */
  async update(actor: PlanActor, id: string, dto: UpdateResidentDto): Promise<ResidentResponse> {
    const { version, confirmNotDuplicate, ...changes } = dto;
    let attempted: Resident | undefined;
    return this.uow.run(async (manager) => {
      const resident = await this.repository.lockForNewWork(manager, actor, id);
      refuseStaleVersion('The resident', version, resident.version);
      const next = { ...resident, ...changes };
      if (changes.birthDate && changes.birthYear === undefined) next.birthYear = Number(changes.birthDate.slice(0, 4));
      const problems = identityProblems(resident.anonymous, next);
      if (problems.length) throw new InvalidInput(problems, 'identity_not_allowed' satisfies ResidentsProblem);
      if (changes.housingAreaId) await this.requireHousingArea(manager, actor, changes.housingAreaId);
      const confirming = confirmNotDuplicate === true && !resident.confirmedNotDuplicate;
      if (confirming) next.confirmedNotDuplicate = true;
      attempted = Object.assign(resident, next, { email: next.email?.toLowerCase() ?? null });
      const saved = await this.repository.save(manager, attempted);
      await this.audit.record(actor, { action: 'resident.updated', purpose: PURPOSE, residentId: id, entityType: 'resident', entityId: id }, manager);
      if (confirming) await this.audit.record(actor, { action: 'resident.confirmed_not_duplicate', purpose: PURPOSE, residentId: id, entityType: 'resident', entityId: id }, manager);
      return residentView(saved);
    }).catch(async (error: unknown) => {
      // A change that makes the record match another one not confirmed as a different person.
      if (!isDuplicateRace(error) || !attempted) throw error;
      const duplicateIds = await this.repository.possibleDuplicates(actor.planId, attempted);
      throw possibleDuplicate(duplicateIds.filter((other) => other !== id));
    });
  }

  async addGuardian(actor: PlanActor, residentId: string, dto: AddGuardianDto): Promise<GuardianResponse> {
    return this.uow.run(async (manager) => {
      const resident = await this.repository.lockForNewWork(manager, actor, residentId);
      if (resident.anonymous) {
        throw new RuleViolation(
          [{ rule: 'anonymous_has_no_guardians', message: 'an anonymous resident cannot have registered guardians; register the resident by name first' }],
          'anonymous_has_no_guardians' satisfies ResidentsProblem,
        );
      }
      const guardian = await this.repository.addGuardian(manager, { planId: actor.planId, residentId, name: dto.name, relation: dto.relation, phone: dto.phone ?? null, email: dto.email?.toLowerCase() ?? null });
      await this.audit.record(actor, { action: 'guardian.added', purpose: PURPOSE, residentId, entityType: 'guardian', entityId: guardian.id }, manager);
      return guardianView(guardian);
    });
  }

  /**
   * For other modules: the resident if the actor may change their data, locked for the rest of
   * the caller's transaction. Anything out of reach is "not found" (api.md 404).
   */
  lockWritable(manager: EntityManager, actor: PlanActor, id: string): Promise<Resident> {
    return this.repository.lockWritable(manager, actor, id);
  }

  /** Holds the resident row against an erasure until the caller's transaction ends (ResidentsRepository.holdAgainstErasure). */
  holdAgainstErasure(manager: EntityManager, residentId: string): Promise<{ erased: boolean }> {
    return this.repository.holdAgainstErasure(manager, residentId);
  }

  /** As lockWritable, for work that adds to the record: refused (409 resident_erased) once the resident is erased. */
  lockForNewWork(manager: EntityManager, actor: PlanActor, id: string): Promise<Resident> {
    return this.repository.lockForNewWork(manager, actor, id);
  }

  private async requireHousingArea(manager: EntityManager, actor: PlanActor, housingAreaId: string): Promise<void> {
    if (!(await this.plans.findHousingArea(actor.planId, housingAreaId, manager))) {
      throw housingAreaNotInPlan();
    }
  }

  private async freePseudonym(manager: EntityManager, planId: string): Promise<string> {
    for (let attempt = 0; attempt < 10; attempt += 1) {
      const candidate = generatePseudonym();
      if (!(await this.repository.pseudonymTaken(manager, planId, candidate))) return candidate;
    }
    throw new Error('Could not find a free pseudonym after 10 attempts');
  }
}
