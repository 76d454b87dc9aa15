import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import type { PlanActor } from '../access/actor';
import { AuditWriter } from '../audit/audit-writer';
import { Conflict, InvalidInput, RuleViolation, refuseStaleVersion } from '../common/domain-errors';
import type { Page } from '../common/pagination';
import { todayInPlanZone } from '../common/time';
import { UnitOfWork } from '../database/unit-of-work';
import { agreementRuleProblems } from './agreement-rules';
import { cvrProblem, normaliseCvr } from './cvr';
import type { CreateAgreementDto, CreateEmployerDto, EmployerQuery, UpdateEmployerDto } from './dto/employer.dto';
import type { AgreementResponse, EmployerDetailsResponse, EmployerListItem, EmployerResponse } from './dto/employer-response.dto';
import { EmployerRegisterRepository } from './employer-register.repository';
import { statusAfterAgreement } from './employer-status';
import { agreementView, employerView, membershipView } from './employer-views';
import type { EmployersProblem } from './employers-problems';
import { EmployersRepository } from './employers.repository';
import type { Employer } from './entities/employer.entity';

/** The register is the plan's, kept by counsellors and social workers alike (issue 23). */
export const EMPLOYER_REGISTER_PURPOSE = 'employer_register';
const PURPOSE = EMPLOYER_REGISTER_PURPOSE;
const CVR_UNIQUE_INDEX = 'employers_cvr_unique';

/**
 * The plan's employers (virksomheder) and their cooperation agreements (samarbejdsaftaler): one
 * register for the whole plan, which counsellors (adults' internships) and social workers (youths'
 * leisure jobs) keep together; recording an agreement makes the employer `cooperating`.
 * Employers are organisations, not residents: every row is scoped to the caller's plan, and
 * another plan's employer is "not found".
 */
@Injectable()
export class EmployersService {
  constructor(
    private readonly uow: UnitOfWork,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditWriter,
    private readonly employers: EmployersRepository,
    private readonly register: EmployerRegisterRepository,
  ) {}

  async create(actor: PlanActor, dto: CreateEmployerDto): Promise<EmployerResponse> {
    const cvr = dto.cvr === undefined ? null : checkedCvr(dto.cvr);
    return this.refusingCvrRace(actor, cvr, () =>
      this.uow.run(async (manager) => {
        if (cvr) await this.refuseDuplicateCvr(manager, actor, cvr);
        const saved = await this.employers.insert(manager, {
          planId: actor.planId,
          name: dto.name,
          cvr,
          sector: dto.sector,
          address: dto.address ?? null,
          contactName: dto.contactName ?? null,
          contactPhone: dto.contactPhone ?? null,
          contactEmail: dto.contactEmail?.toLowerCase() ?? null,
          status: dto.status ?? 'prospect',
        });
        await this.audit.record(actor, { action: 'employer.registered', purpose: PURPOSE, entityType: 'employer', entityId: saved.id }, manager);
        return employerView(saved);
      }),
    );
  }

  /** Newest first; `q` matches part of the name, `status` one status, `network=member` the network's members today. */
  async list(actor: PlanActor, query: EmployerQuery): Promise<Page<EmployerListItem>> {
    const manager = this.dataSource.manager;
    const today = todayInPlanZone();
    const filter = { nameContains: query.q, status: query.status, memberOn: query.network === 'member' ? today : undefined };
    const page = await this.employers.page(manager, actor, query, filter, (e) => e);
    const members = await this.register.membersOn(manager, actor, page.items.map((e) => e.id), today);
    return { items: page.items.map((e) => ({ ...employerView(e), networkMember: members.has(e.id) })), nextCursor: page.nextCursor };
  }

  async get(actor: PlanActor, id: string): Promise<EmployerDetailsResponse> {
    const manager = this.dataSource.manager;
    const employer = await this.employers.find(manager, actor, id);
    const agreements = await this.employers.agreementsOf(manager, actor, id);
    const memberships = await this.register.membershipsOf(manager, actor, id);
    const meetingsAttended = await this.register.meetingsAttended(manager, actor, id);
    const today = todayInPlanZone();
    const network = memberships.map((m) => membershipView(m, today));
    return {
      ...employerView(employer),
      networkMember: network.some((m) => m.current),
      agreements: agreements.map((a) => agreementView(a, today)),
      network,
      meetingsAttended,
    };
  }

  /** A change that names the `version` it was made on is refused when that is older (409 `stale_version`). */
  async update(actor: PlanActor, id: string, dto: UpdateEmployerDto): Promise<EmployerResponse> {
    const cvr = dto.cvr === undefined ? undefined : dto.cvr === null ? null : checkedCvr(dto.cvr);
    return this.refusingCvrRace(actor, cvr ?? null, () =>
      this.uow.run(async (manager) => {
        const employer = await this.employers.find(manager, actor, id, true);
        refuseStaleVersion('The employer', dto.version, employer.version);
        if (cvr && cvr !== employer.cvr) await this.refuseDuplicateCvr(manager, actor, cvr);
        const changed = applyChanges(employer, dto, cvr);
        changed.version += 1;
        const saved = await this.employers.save(manager, changed);
        await this.audit.record(actor, { action: 'employer.updated', purpose: PURPOSE, entityType: 'employer', entityId: id }, manager);
        return employerView(saved);
      }),
    );
  }

  async addAgreement(actor: PlanActor, employerId: string, dto: CreateAgreementDto): Promise<AgreementResponse> {
    const today = todayInPlanZone();
    const ruleProblems = agreementRuleProblems(dto, today);
    if (ruleProblems.length) throw new RuleViolation(ruleProblems, 'agreement_rules_unmet' satisfies EmployersProblem);

    return this.uow.run(async (manager) => {
      const employer = await this.employers.find(manager, actor, employerId, true);
      const status = statusAfterAgreement(employer.status);
      if (status !== employer.status) await this.employers.save(manager, { ...employer, status, version: employer.version + 1 });
      const saved = await this.employers.insertAgreement(manager, {
        planId: actor.planId,
        employerId,
        signedAt: dto.signedAt,
        validFrom: dto.validFrom,
        validTo: dto.validTo ?? null,
        capacity: dto.capacity ?? null,
        recordedBy: actor.userId,
      });
      await this.audit.record(actor, { action: 'employer_agreement.added', purpose: PURPOSE, entityType: 'employer_agreement', entityId: saved.id }, manager);
      return agreementView(saved, today);
    });
  }

  private async refuseDuplicateCvr(manager: EntityManager, actor: PlanActor, cvr: string): Promise<void> {
    const existing = await this.employers.findByCvr(manager, actor, cvr);
    if (existing) throw duplicateCvr(cvr, existing);
  }

  /** Two registrations of one CVR at once both pass the check; the partial unique index stops the second. */
  private async refusingCvrRace<T>(actor: PlanActor, cvr: string | null, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (!cvr || !isUniqueViolation(error, CVR_UNIQUE_INDEX)) throw error;
      throw duplicateCvr(cvr, await this.employers.findByCvr(this.dataSource.manager, actor, cvr));
    }
  }
}

function checkedCvr(input: string): string {
  const cvr = normaliseCvr(input);
  const problem = cvrProblem(cvr);
  if (problem) throw new InvalidInput([{ field: 'cvr', rule: 'cvr_modulus_11', message: problem }], 'invalid_cvr' satisfies EmployersProblem);
  return cvr;
}

function duplicateCvr(cvr: string, existing: Employer | null): Conflict {
  return new Conflict(`Your plan already has an employer with CVR ${cvr}${existing ? ` ("${existing.name}")` : ''}`, {
    code: 'duplicate_cvr' satisfies EmployersProblem,
    extra: existing ? { existingEmployerId: existing.id } : {},
  });
}

function isUniqueViolation(error: unknown, constraint: string): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = error.driverError as { code?: string; constraint?: string };
  return driverError.code === '23505' && driverError.constraint === constraint;
}

/** PATCH semantics: a field left out stays; null clears an optional field (name and sector cannot be null). */
function applyChanges(employer: Employer, dto: UpdateEmployerDto, cvr: string | null | undefined): Employer {
  if (dto.name !== undefined) employer.name = dto.name;
  if (dto.sector !== undefined) employer.sector = dto.sector;
  if (cvr !== undefined) employer.cvr = cvr;
  if (dto.address !== undefined) employer.address = dto.address ?? null;
  if (dto.contactName !== undefined) employer.contactName = dto.contactName ?? null;
  if (dto.contactPhone !== undefined) employer.contactPhone = dto.contactPhone ?? null;
  if (dto.contactEmail !== undefined) employer.contactEmail = dto.contactEmail?.toLowerCase() ?? null;
  if (dto.status !== undefined) employer.status = dto.status;
  return employer;
}
