import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { PlanActor } from '../access/actor';
import { AuditWriter } from '../audit/audit-writer';
import { Conflict, RuleViolation, type ProblemItem } from '../common/domain-errors';
import { todayInPlanZone } from '../common/time';
import { ResidentsService } from '../residents/residents.service';
import { mondayOf } from '../common/calendar';
import type { EmploymentDto, TimesheetDto } from './dto/programme-activity.dto';
import { JobProgrammeEmployment } from './entities/job-programme-employment.entity';
import { JobProgrammeMatch } from './entities/job-programme-match.entity';
import { JobProgrammeTimesheet } from './entities/job-programme-timesheet.entity';
import { employmentView, timesheetView } from './job-programme-views';
import { JOB_PROGRAMME_PURPOSE } from './job-programmes.service';
import { ProgrammeFactsReader } from './programme-facts';
import { ProgrammeFinder } from './programme-finder';
import { employmentRangeProblems, employmentWarnings, timesheetWarnings } from './youth-labour-rules';

/** The youth's employment (one per programme, replaced by PUT) and the weekly timesheets. */
@Injectable()
export class ProgrammeEmploymentService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditWriter,
    private readonly residents: ResidentsService,
    private readonly programmes: ProgrammeFinder,
    private readonly facts: ProgrammeFactsReader,
  ) {}

  /**
   * Records or replaces the employment. Outside the plan's ranges it needs an exceptionReason
   * (kept with it); for a youth under 15 the young-worker warnings are stored and returned.
   */
  async recordEmployment(actor: PlanActor, id: string, dto: EmploymentDto) {
    return this.dataSource.transaction(async (manager) => {
      const programme = await this.programmes.lockUnfinished(manager, actor, id);
      const employerInPlan = await this.facts.employerInPlan(manager, actor.planId, dto.employerId);
      const accepted = await manager.getRepository(JobProgrammeMatch).findOneBy({ programmeId: id, status: 'accepted' });
      const problems: ProblemItem[] = [];
      if (!employerInPlan) {
        problems.push({ field: 'employerId', rule: 'employer_in_plan', message: 'employerId is not an employer of your plan' });
      } else if (accepted && accepted.employerId !== dto.employerId) {
        problems.push({ field: 'employerId', rule: 'employment_at_accepted_employer', message: "employerId is not the accepted match's employer" });
      }
      problems.push(...employmentDateProblems(dto));
      if (dto.endDate >= dto.startDate) problems.push(...employmentRangeProblems(dto, dto.exceptionReason));
      if (problems.length) throw new RuleViolation(problems);

      const youth = await this.residents.lockWritable(manager, actor, programme.residentId);
      const repo = manager.getRepository(JobProgrammeEmployment);
      const saved = await repo.save(
        repo.create({
          programmeId: id,
          planId: actor.planId,
          employerId: dto.employerId,
          contractSignedByYouthAt: dto.contractSignedByYouthAt ?? null,
          contractSignedByGuardianAt: dto.contractSignedByGuardianAt ?? null,
          startDate: dto.startDate,
          endDate: dto.endDate,
          hoursPerWeek: dto.hoursPerWeek,
          exceptionReason: dto.exceptionReason?.trim() || null,
          warnings: employmentWarnings(youth.birthDate, dto),
        }),
      );
      await this.audit.record(actor, { action: 'job_programme.employment_recorded', purpose: JOB_PROGRAMME_PURPOSE, residentId: programme.residentId, entityType: 'job_programme', entityId: id }, manager);
      return employmentView(saved);
    });
  }

  /** One timesheet per week, from the week the employment starts, for weeks that have begun. */
  async recordTimesheet(actor: PlanActor, id: string, dto: TimesheetDto) {
    return this.dataSource.transaction(async (manager) => {
      const programme = await this.programmes.lockUnfinished(manager, actor, id);
      const repo = manager.getRepository(JobProgrammeTimesheet);
      const existing = await repo.findOneBy({ programmeId: id, weekStart: dto.weekStart });
      if (existing) {
        throw new Conflict(`A timesheet for the week of ${dto.weekStart} is already recorded`, { extra: { existingTimesheetId: existing.id } });
      }
      const employment = await manager.getRepository(JobProgrammeEmployment).findOneBy({ programmeId: id });
      if (!employment) {
        throw new RuleViolation([{ rule: 'employment_recorded', message: 'no employment is recorded: record the employment before its timesheets' }]);
      }
      const problems: ProblemItem[] = [];
      if (dto.weekStart < mondayOf(employment.startDate)) {
        problems.push({ field: 'weekStart', rule: 'not_before_employment', message: `the week of ${dto.weekStart} is before the employment starts (${employment.startDate})` });
      }
      if (dto.weekStart > todayInPlanZone()) {
        problems.push({ field: 'weekStart', rule: 'week_has_begun', message: `the week of ${dto.weekStart} has not begun yet` });
      }
      if (problems.length) throw new RuleViolation(problems);

      const youth = await this.residents.lockWritable(manager, actor, programme.residentId);
      const saved = await repo.save(
        repo.create({ planId: actor.planId, programmeId: id, weekStart: dto.weekStart, hours: dto.hours, warnings: timesheetWarnings(youth.birthDate, dto.weekStart, dto.hours), recordedBy: actor.userId }),
      );
      await this.audit.record(actor, { action: 'job_programme.timesheet_recorded', purpose: JOB_PROGRAMME_PURPOSE, residentId: programme.residentId, entityType: 'job_programme_timesheet', entityId: saved.id }, manager);
      return timesheetView(saved);
    });
  }
}

function employmentDateProblems(dto: EmploymentDto): ProblemItem[] {
  const problems: ProblemItem[] = [];
  const today = todayInPlanZone();
  if (dto.endDate < dto.startDate) {
    problems.push({ field: 'endDate', rule: 'employment_period', message: 'endDate must not be before startDate' });
  }
  for (const field of ['contractSignedByYouthAt', 'contractSignedByGuardianAt'] as const) {
    if (dto[field] && dto[field] > today) {
      problems.push({ field, rule: 'signed_not_in_future', message: `${field} is in the future: record the signature once the contract is signed` });
    }
  }
  return problems;
}
