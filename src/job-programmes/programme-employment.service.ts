import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { PlanActor } from '../access/actor';
import { AuditWriter } from '../audit/audit-writer';
import { Conflict, NotFound, RuleViolation, refuseStaleVersion, type ProblemItem } from '../common/domain-errors';
import { todayInPlanZone } from '../common/time';
import { PlanSettingsService } from '../plans/plan-settings.service';
import { ResidentsRepository } from '../residents/residents.repository';
import { ResidentsService } from '../residents/residents.service';
import { addDays, mondayOf } from '../common/calendar';
import { SchoolHolidaysService } from '../school-holidays/school-holidays.service';
import { weekKind, weeksBetween } from '../school-holidays/school-weeks';
import type { CorrectTimesheetDto, EmploymentDto, TimesheetDto } from './dto/programme-activity.dto';
import type { EmploymentResponse, TimesheetResponse } from './dto/job-programme-response.dto';
import type { JobProgramme } from './entities/job-programme.entity';
import { employmentView, timesheetView } from './job-programme-views';
import { JOB_PROGRAMME_PURPOSE } from './job-programmes.service';
import { undoneRequirements, type EmploymentFacts } from './phase-machine';
import { ProgrammeFactsReader } from './programme-facts';
import type { JobProgrammesProblem } from './job-programmes-problems';
import { JobProgrammesRepository } from './job-programmes.repository';
import { ProgrammeActivityRepository } from './programme-activity.repository';
import { guardPassed } from './guard-passed';
import { employmentRangeProblems, employmentWarnings, mayBeInCompulsorySchooling, timesheetWarnings } from './youth-labour-rules';
import { UnitOfWork } from '../database/unit-of-work';

/** The youth's employment (one per programme, replaced by PUT) and the weekly timesheets. */
@Injectable()
export class ProgrammeEmploymentService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly audit: AuditWriter,
    private readonly residents: ResidentsService,
    private readonly residentRecords: ResidentsRepository,
    private readonly programmes: JobProgrammesRepository,
    private readonly activity: ProgrammeActivityRepository,
    private readonly facts: ProgrammeFactsReader,
    private readonly schoolHolidays: SchoolHolidaysService,
    private readonly planSettings: PlanSettingsService,
  ) {}

  /**
   * Records or replaces the employment. Outside the plan's ranges (its settings) it needs an
   * exceptionReason (kept with it); the young-worker warnings are stored and returned. A
   * replacement may not undo a guard the programme has passed (409 `guard_passed`), e.g. erase the
   * signatures of a youth who already works, nor leave recorded timesheets outside the employment.
   */
  async recordEmployment(actor: PlanActor, id: string, dto: EmploymentDto): Promise<EmploymentResponse> {
    return this.uow.run(async (manager) => {
      const programme = await this.programmes.lockUnfinished(manager, actor, id);
      const employerInPlan = await this.facts.employerInPlan(manager, actor.planId, dto.employerId);
      const accepted = await this.activity.acceptedMatchOf(manager, id);
      const problems: ProblemItem[] = [];
      if (!employerInPlan) {
        problems.push({ field: 'employerId', rule: 'employer_in_plan', message: 'employerId is not an employer of your plan' });
      } else if (accepted && accepted.employerId !== dto.employerId) {
        problems.push({ field: 'employerId', rule: 'employment_at_accepted_employer', message: "employerId is not the accepted match's employer" });
      }
      if (dto.contractSignedByGuardianId && !(await this.isGuardianOf(manager, dto.contractSignedByGuardianId, programme.residentId))) {
        problems.push({ field: 'contractSignedByGuardianId', rule: 'registered_guardian', message: 'contractSignedByGuardianId is not a registered guardian of the youth' });
      }
      problems.push(...employmentDateProblems(dto));
      if (dto.endDate >= dto.startDate) {
        const { jobProgramme } = await this.planSettings.settingsOf(actor.planId, manager);
        problems.push(...employmentRangeProblems(dto, jobProgramme, dto.exceptionReason));
      }
      if (problems.length) throw new RuleViolation(problems, 'employment_rules_unmet' satisfies JobProgrammesProblem);

      const proposed: EmploymentFacts = {
        employerId: dto.employerId,
        contractSignedByYouthAt: dto.contractSignedByYouthAt ?? null,
        contractSignedByGuardianAt: dto.contractSignedByGuardianAt ?? null,
        contractSignedByGuardianId: dto.contractSignedByGuardianId ?? null,
        startDate: dto.startDate,
        endDate: dto.endDate,
      };
      await this.refuseUndoingPassedGuards(manager, programme, proposed);
      await this.refuseStrandedTimesheets(manager, id, proposed);

      const youth = await this.residents.lockWritable(manager, actor, programme.residentId);
      const inCompulsorySchooling = dto.inCompulsorySchooling ?? mayBeInCompulsorySchooling(youth.birthDate, dto.startDate);
      const holidays = await this.schoolHolidays.holidaysBetween(manager, actor.planId, mondayOf(dto.startDate), dto.endDate);
      const weekKinds = weeksBetween(dto.startDate, dto.endDate).map((monday) => weekKind(monday, holidays));
      const saved = await this.activity.saveEmployment(manager, {
        programmeId: id,
        planId: actor.planId,
        ...proposed,
        hoursPerWeek: dto.hoursPerWeek,
        exceptionReason: dto.exceptionReason?.trim() || null,
        inCompulsorySchooling,
        warnings: employmentWarnings({ birthDate: youth.birthDate, inCompulsorySchooling }, dto, weekKinds),
      });
      await this.audit.record(actor, { action: 'job_programme.employment_recorded', purpose: JOB_PROGRAMME_PURPOSE, residentId: programme.residentId, entityType: 'job_programme', entityId: id }, manager);
      return employmentView(saved);
    });
  }

  /** One timesheet per week, within the employment, for weeks that have begun. */
  async recordTimesheet(actor: PlanActor, id: string, dto: TimesheetDto): Promise<TimesheetResponse> {
    return this.uow.run(async (manager) => {
      const programme = await this.programmes.lockUnfinished(manager, actor, id);
      const existing = await this.activity.timesheetOfWeek(manager, id, dto.weekStart);
      if (existing) {
        throw new Conflict(`A timesheet for the week of ${dto.weekStart} is already recorded`, {
          code: 'timesheet_week_recorded' satisfies JobProgrammesProblem,
          extra: { existingTimesheetId: existing.id },
        });
      }
      const employment = await this.activity.employmentOf(manager, id);
      if (!employment) {
        throw new RuleViolation(
          [{ rule: 'employment_recorded', message: 'no employment is recorded: record the employment before its timesheets' }],
          'no_employment' satisfies JobProgrammesProblem,
        );
      }
      const problems: ProblemItem[] = [];
      if (dto.weekStart < mondayOf(employment.startDate)) {
        problems.push({ field: 'weekStart', rule: 'not_before_employment', message: `the week of ${dto.weekStart} is before the employment starts (${employment.startDate})` });
      }
      if (dto.weekStart > employment.endDate) {
        problems.push({ field: 'weekStart', rule: 'not_after_employment', message: `the week of ${dto.weekStart} starts after the employment ended (${employment.endDate})` });
      }
      if (dto.weekStart > todayInPlanZone()) {
        problems.push({ field: 'weekStart', rule: 'week_has_begun', message: `the week of ${dto.weekStart} has not begun yet` });
      }
      if (problems.length) throw new RuleViolation(problems, 'timesheet_week_outside_employment' satisfies JobProgrammesProblem);

      const warnings = await this.weekWarnings(manager, actor, programme, employment, dto.weekStart, dto.hours);
      const saved = await this.activity.insertTimesheet(manager, { planId: actor.planId, programmeId: id, weekStart: dto.weekStart, hours: dto.hours, warnings, recordedBy: actor.userId });
      await this.audit.record(actor, { action: 'job_programme.timesheet_recorded', purpose: JOB_PROGRAMME_PURPOSE, residentId: programme.residentId, entityType: 'job_programme_timesheet', entityId: saved.id }, manager);
      return timesheetView(saved);
    });
  }

  /**
   * Corrects the hours of a recorded week, on the timesheet's `version` (409 `stale_version` when
   * it has moved on). The hours it replaces stay in the timesheet's history, with who recorded them
   * and when; the young-worker warnings are judged again for the new hours.
   */
  async correctTimesheet(actor: PlanActor, id: string, timesheetId: string, dto: CorrectTimesheetDto): Promise<TimesheetResponse> {
    return this.uow.run(async (manager) => {
      const programme = await this.programmes.lockUnfinished(manager, actor, id);
      const timesheet = await this.activity.timesheetOf(manager, id, timesheetId);
      if (!timesheet) throw new NotFound('Timesheet');
      // The programme row lock serialises changes of its timesheets, so the version read here holds until commit.
      refuseStaleVersion('The timesheet', dto.version, timesheet.version, { currentHours: timesheet.hours });
      const employment = await this.activity.employmentOf(manager, id);
      const now = new Date();
      await this.activity.recordTimesheetRevision(manager, timesheet, now);
      timesheet.warnings = employment ? await this.weekWarnings(manager, actor, programme, employment, timesheet.weekStart, dto.hours) : [];
      timesheet.hours = dto.hours;
      timesheet.recordedBy = actor.userId;
      timesheet.recordedAt = now;
      timesheet.version += 1;
      const saved = await this.activity.saveTimesheet(manager, timesheet);
      await this.audit.record(actor, { action: 'job_programme.timesheet_corrected', purpose: JOB_PROGRAMME_PURPOSE, residentId: programme.residentId, entityType: 'job_programme_timesheet', entityId: saved.id }, manager);
      return timesheetView(saved, (await this.activity.revisionsOf(manager, [saved.id])).get(saved.id));
    });
  }

  /** The young-worker warnings of `hours` in the week, measured against its kind: school week or school-free week. */
  private async weekWarnings(manager: EntityManager, actor: PlanActor, programme: JobProgramme, employment: { inCompulsorySchooling: boolean }, weekStart: string, hours: number) {
    const youth = await this.residents.lockWritable(manager, actor, programme.residentId);
    const holidays = await this.schoolHolidays.holidaysBetween(manager, actor.planId, weekStart, addDays(weekStart, 6));
    const young = { birthDate: youth.birthDate, inCompulsorySchooling: employment.inCompulsorySchooling };
    return timesheetWarnings(young, weekStart, hours, weekKind(weekStart, holidays));
  }

  /**
   * Issue 7: re-sending the employment without signature dates used to erase them from a youth who
   * already works. The guards the programme has passed are checked again against the employment
   * as it would be; whatever that would undo is refused, every requirement named.
   */
  private async refuseUndoingPassedGuards(manager: EntityManager, programme: JobProgramme, proposed: EmploymentFacts): Promise<void> {
    const before = await this.facts.gather(manager, programme, {});
    const after = { ...before, employment: proposed, employerAgreementActive: await this.facts.agreementActive(manager, programme.planId, proposed) };
    const undone = undoneRequirements(before, after);
    if (undone.length) throw guardPassed(programme, undone);
  }

  /** Whether the guardian is one of the youth's registered guardians (who may sign the contract). */
  private async isGuardianOf(manager: EntityManager, guardianId: string, residentId: string): Promise<boolean> {
    return (await this.residentRecords.guardiansOf(manager, residentId)).some((g) => g.id === guardianId);
  }

  /** Timesheets already recorded must stay within the employment's weeks (the same rules as recording one). */
  private async refuseStrandedTimesheets(manager: EntityManager, programmeId: string, proposed: EmploymentFacts): Promise<void> {
    const weeks = await this.activity.timesheetWeeksOutside(manager, programmeId, proposed.startDate, proposed.endDate);
    if (!weeks.length) return;
    const errors: ProblemItem[] = [];
    const before = weeks.filter((w) => w < proposed.startDate);
    const after = weeks.filter((w) => w > proposed.endDate);
    if (before.length) errors.push({ field: 'startDate', rule: 'covers_recorded_timesheets', message: `timesheets are recorded for weeks before ${proposed.startDate}: ${before.join(', ')}` });
    if (after.length) errors.push({ field: 'endDate', rule: 'covers_recorded_timesheets', message: `timesheets are recorded for weeks after ${proposed.endDate}: ${after.join(', ')}` });
    throw new Conflict('Timesheets are recorded for weeks outside the employment as it would be; keep them inside it', {
      code: 'timesheets_outside_employment' satisfies JobProgrammesProblem,
      errors,
      extra: { weeks },
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
