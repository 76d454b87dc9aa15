import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { PlanActor } from '../access/actor';
import { AuditWriter } from '../audit/audit-writer';
import { Conflict, RuleViolation } from '../common/domain-errors';
import { todayInPlanZone } from '../common/time';
import { UnitOfWork } from '../database/unit-of-work';
import type { AwardCsrPrizeDto } from './dto/register.dto';
import type { CsrAwardPage, CsrAwardResponse } from './dto/register-response.dto';
import { EmployerRegisterRepository } from './employer-register.repository';
import { awardView } from './employer-views';
import type { EmployersProblem } from './employers-problems';
import { EmployersRepository } from './employers.repository';
import { EMPLOYER_REGISTER_PURPOSE as PURPOSE } from './employers.service';

/**
 * The plan's local CSR prize (001 Ishøj): each year one of the plan's employers wins it, among
 * nominees from the register. One winner per plan and year, backed by a unique constraint.
 */
@Injectable()
export class CsrAwardsService {
  constructor(
    private readonly uow: UnitOfWork,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditWriter,
    private readonly employers: EmployersRepository,
    private readonly register: EmployerRegisterRepository,
  ) {}

  async award(actor: PlanActor, dto: AwardCsrPrizeDto): Promise<CsrAwardResponse> {
    const thisYear = Number(todayInPlanZone().slice(0, 4));
    if (dto.year > thisYear) {
      throw new RuleViolation([{ field: 'year', rule: 'year_begun', message: `the prize is for a year that has begun (${thisYear} or earlier)` }], 'csr_year_unmet' satisfies EmployersProblem);
    }
    return this.uow.run(async (manager) => {
      await this.employers.find(manager, actor, dto.employerId);
      const nominees = (dto.nominees ?? []).filter((id) => id !== dto.employerId);
      const names = await this.employers.namesOf(manager, actor, [dto.employerId, ...nominees]);
      const unknown = (dto.nominees ?? []).map((id, i) => ({ id, i })).filter(({ id }) => !names.has(id));
      if (unknown.length) {
        throw new RuleViolation(
          unknown.map(({ i }) => ({ field: `nominees[${i}]`, rule: 'plan_employer', message: 'not one of your plan\'s employers' })),
          'unknown_employers' satisfies EmployersProblem,
        );
      }
      const saved = await this.register.insertAward(manager, { planId: actor.planId, year: dto.year, employerId: dto.employerId, nomineeIds: nominees, reason: dto.reason ?? null, recordedBy: actor.userId });
      if (!saved) {
        const existing = await this.register.awardOf(manager, actor, dto.year);
        throw new Conflict(`The CSR prize for ${dto.year} has been given already; a plan has one winner a year`, {
          code: 'csr_award_exists' satisfies EmployersProblem,
          extra: existing ? { existingAwardId: existing.id } : {},
        });
      }
      await this.audit.record(actor, { action: 'csr_award.given', purpose: PURPOSE, entityType: 'csr_award', entityId: saved.id }, manager);
      return awardView(saved, names);
    });
  }

  /** The plan's prizes, latest year first, with the names of winners and nominees. */
  async list(actor: PlanActor): Promise<CsrAwardPage> {
    const manager = this.dataSource.manager;
    const awards = await this.register.awards(manager, actor);
    const names = await this.employers.namesOf(manager, actor, awards.flatMap((a) => [a.employerId, ...a.nomineeIds]));
    return { items: awards.map((a) => awardView(a, names)), nextCursor: null };
  }
}
