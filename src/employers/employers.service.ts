import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import type { PlanActor } from '../access/actor';
import { AuditWriter } from '../audit/audit-writer';
import { Conflict, InvalidInput, NotFound, RuleViolation } from '../common/domain-errors';
import { paginate } from '../common/pagination';
import { todayInPlanZone } from '../common/time';
import { agreementRuleProblems } from './agreement-rules';
import { cvrProblem, normaliseCvr } from './cvr';
import type { CreateAgreementDto, CreateEmployerDto, EmployerQuery, UpdateEmployerDto } from './dto/employer.dto';
import { agreementView, employerView } from './employer-views';
import { EmployerAgreement } from './entities/employer-agreement.entity';
import { Employer } from './entities/employer.entity';
import { UnitOfWork } from '../database/unit-of-work';

const PURPOSE = 'job_programmes';
const CVR_UNIQUE_INDEX = 'employers_cvr_unique';

/**
 * The plan's employers (virksomheder) and their cooperation agreements (samarbejdsaftaler).
 * Employers are organisations, not residents: every row is scoped to the caller's plan, and
 * another plan's employer is "not found".
 */
@Injectable()
export class EmployersService {
  constructor(
    private readonly uow: UnitOfWork,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditWriter,
  ) {}

  async create(actor: PlanActor, dto: CreateEmployerDto) {
    const cvr = dto.cvr === undefined ? null : checkedCvr(dto.cvr);
    return this.refusingCvrRace(actor.planId, cvr, () =>
      this.uow.run(async (manager) => {
        if (cvr) await this.refuseDuplicateCvr(manager, actor.planId, cvr);
        const repo = manager.getRepository(Employer);
        const saved = await repo.save(
          repo.create({
            planId: actor.planId,
            name: dto.name,
            cvr,
            sector: dto.sector,
            address: dto.address ?? null,
            contactName: dto.contactName ?? null,
            contactPhone: dto.contactPhone ?? null,
            contactEmail: dto.contactEmail?.toLowerCase() ?? null,
          }),
        );
        await this.audit.record(actor, { action: 'employer.registered', purpose: PURPOSE, entityType: 'employer', entityId: saved.id }, manager);
        return employerView(saved);
      }),
    );
  }

  /** Newest first; `q` matches part of the name, with % and _ taken literally. */
  async list(actor: PlanActor, query: EmployerQuery) {
    const qb = this.dataSource.getRepository(Employer).createQueryBuilder('e').where('e.plan_id = :planId', { planId: actor.planId });
    if (query.q) qb.andWhere('e.name ILIKE :q', { q: `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` });
    return paginate(qb, query, 'e.created_at', 'e.id', employerView, (e) => ({ at: e.createdAt, id: e.id }));
  }

  async get(actor: PlanActor, id: string) {
    const employer = await this.requireInPlan(this.dataSource.manager, actor.planId, id);
    const agreements = await this.dataSource
      .getRepository(EmployerAgreement)
      .find({ where: { employerId: id, planId: actor.planId }, order: { validFrom: 'ASC', createdAt: 'ASC' } });
    const today = todayInPlanZone();
    return { ...employerView(employer), agreements: agreements.map((a) => agreementView(a, today)) };
  }

  async update(actor: PlanActor, id: string, dto: UpdateEmployerDto) {
    const cvr = dto.cvr === undefined ? undefined : dto.cvr === null ? null : checkedCvr(dto.cvr);
    return this.refusingCvrRace(actor.planId, cvr ?? null, () =>
      this.uow.run(async (manager) => {
        const employer = await this.requireInPlan(manager, actor.planId, id, true);
        if (cvr && cvr !== employer.cvr) await this.refuseDuplicateCvr(manager, actor.planId, cvr);
        const saved = await manager.getRepository(Employer).save(applyChanges(employer, dto, cvr));
        await this.audit.record(actor, { action: 'employer.updated', purpose: PURPOSE, entityType: 'employer', entityId: id }, manager);
        return employerView(saved);
      }),
    );
  }

  async addAgreement(actor: PlanActor, employerId: string, dto: CreateAgreementDto) {
    const today = todayInPlanZone();
    const ruleProblems = agreementRuleProblems(dto, today);
    if (ruleProblems.length) throw new RuleViolation(ruleProblems);

    return this.uow.run(async (manager) => {
      await this.requireInPlan(manager, actor.planId, employerId);
      const repo = manager.getRepository(EmployerAgreement);
      const saved = await repo.save(
        repo.create({
          planId: actor.planId,
          employerId,
          signedAt: dto.signedAt,
          validFrom: dto.validFrom,
          validTo: dto.validTo ?? null,
          capacity: dto.capacity ?? null,
          recordedBy: actor.userId,
        }),
      );
      await this.audit.record(actor, { action: 'employer_agreement.added', purpose: PURPOSE, entityType: 'employer_agreement', entityId: saved.id }, manager);
      return agreementView(saved, today);
    });
  }

  /** For the job-programme module: the employer if it belongs to the plan, else null; on the caller's transaction when given. */
  findInPlan(planId: string, employerId: string, manager: EntityManager = this.dataSource.manager): Promise<Employer | null> {
    return manager.getRepository(Employer).findOneBy({ id: employerId, planId });
  }

  /**
   * For the job-programme module, inside its transaction: whether an agreement with the employer
   * covers `onDate` (YYYY-MM-DD), both ends included; same rule as `active` in the views.
   */
  async hasActiveAgreement(manager: EntityManager, planId: string, employerId: string, onDate: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `SELECT 1 FROM employer_agreements
        WHERE plan_id = $1 AND employer_id = $2 AND valid_from <= $3::date AND (valid_to IS NULL OR valid_to >= $3::date)
        LIMIT 1`,
      [planId, employerId, onDate],
    );
    return rows.length > 0;
  }

  private async requireInPlan(manager: EntityManager, planId: string, id: string, lock = false): Promise<Employer> {
    const qb = manager.getRepository(Employer).createQueryBuilder('e').where('e.id = :id AND e.plan_id = :planId', { id, planId });
    if (lock) qb.setLock('pessimistic_write');
    const employer = await qb.getOne();
    if (!employer) throw new NotFound('Employer');
    return employer;
  }

  private async refuseDuplicateCvr(manager: EntityManager, planId: string, cvr: string): Promise<void> {
    const existing = await manager.getRepository(Employer).findOneBy({ planId, cvr });
    if (existing) throw duplicateCvr(cvr, existing);
  }

  /** Two registrations of one CVR at once both pass the check; the partial unique index stops the second. */
  private async refusingCvrRace<T>(planId: string, cvr: string | null, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (!cvr || !isUniqueViolation(error, CVR_UNIQUE_INDEX)) throw error;
      throw duplicateCvr(cvr, await this.dataSource.getRepository(Employer).findOneBy({ planId, cvr }));
    }
  }
}

function checkedCvr(input: string): string {
  const cvr = normaliseCvr(input);
  const problem = cvrProblem(cvr);
  if (problem) throw new InvalidInput([{ field: 'cvr', rule: 'cvr_modulus_11', message: problem }]);
  return cvr;
}

function duplicateCvr(cvr: string, existing: Employer | null): Conflict {
  return new Conflict(`Your plan already has an employer with CVR ${cvr}${existing ? ` ("${existing.name}")` : ''}`, {
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
  return employer;
}
