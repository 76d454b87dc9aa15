import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { InjectEntityManager } from '@nestjs/typeorm';
import type { EntityManager } from 'typeorm';
import type { PlanActor } from '../access/actor';
import { AuditWriter } from '../audit/audit-writer';
import { Conflict, NotFound, RuleViolation, TooManyRequests } from '../common/domain-errors';
import type { PageQuery } from '../common/pagination';
import { PLAN_TIME_ZONE } from '../common/time';
import { Outbox } from '../jobs/outbox';
import { JOBS, STATISTICS_QUEUE } from '../jobs/queues';
import { PlansService } from '../plans/plans.service';
import type { ReportPage, ReportRequestedResponse, ReportResponse } from './dto/report-response.dto';
import { exportReport, type ExportedFile } from './exports';
import { buildReportModel } from './exports/report-model';
import type { ReportFiguresResponse, ReportPeriodsResponse } from './dto/report-figures.dto';
import { planHalfYears, reportFiguresView } from './report-figures';
import type { HalfYearReport, ReportParameters } from './half-year-report.entity';
import { REPORT_FORMAT_VERSION } from './report-computer';
import { periodDates, periodState, type HalfYear } from './report-period';
import { UnitOfWork } from '../database/unit-of-work';
import { reportSummaryView, reportView } from './report-views';
import { ReportsRepository } from './reports.repository';
import type { StatisticsProblem } from './statistics-problems';

/** Requested reports a plan may have queued or running at once (scheduled ones are not counted). */
export const MAX_UNFINISHED_REQUESTS = 4;
/** A report of a large plan takes seconds (README "Benchmark"); a retry after this has a fair chance. */
const REQUEST_RETRY_AFTER_SECONDS = 10;

/** Requesting, reading and exporting half-year reports; the computing happens on the queue. */
@Injectable()
export class ReportsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly reports: ReportsRepository,
    @InjectEntityManager() private readonly manager: EntityManager,
    private readonly plans: PlansService,
    private readonly outbox: Outbox,
    private readonly audit: AuditWriter,
  ) {}

  /**
   * Writes the request, its outbox row and its audit event in one transaction and answers at once;
   * the relay hands it to the queue (now, or once Redis is back). Every run is a new version of
   * that half-year; but while one of the half-year is queued or running, a request answers with
   * that one (it will hold the same numbers), so thirty clicks make one report. A plan has at most
   * MAX_UNFINISHED_REQUESTS requested reports queued or running at once (429
   * report_requests_throttled): each is a pass over all of the plan's case data, and the
   * workers are shared by every plan.
   *
   * Race-proof by the plan's request lock: the check for an unfinished report and the filing of a
   * new one happen under it, and a waiting request's check starts after the one before committed
   * (READ COMMITTED: each statement sees what was committed before it began).
   */
  async request(actor: PlanActor, period: HalfYear): Promise<ReportRequestedResponse> {
    const state = periodState(period);
    if (state === 'future') {
      throw new RuleViolation([{ rule: 'period_started', message: `H${period.half} ${period.year} has not begun; the running half-year can be requested at any time` }], 'period_not_begun');
    }
    const report = await this.uow.run(async (manager) => {
      await this.reports.lockPlanRequests(manager, actor.planId);
      const unfinished = await this.reports.unfinishedOf(manager, actor.planId, period);
      if (!unfinished && (await this.reports.unfinishedRequestedCount(manager, actor.planId)) >= MAX_UNFINISHED_REQUESTS) {
        throw new TooManyRequests(
          `Your plan already has ${MAX_UNFINISHED_REQUESTS} requested reports queued or running; request this one when one of them has finished`,
          REQUEST_RETRY_AFTER_SECONDS,
          { code: 'report_requests_throttled' satisfies StatisticsProblem },
        );
      }
      const filed = unfinished ?? (await this.fileRequest(manager, actor.planId, period, 'requested', actor.userId, state === 'running'))!;
      await this.audit.record(actor, { action: 'report.requested', purpose: 'statistics', entityType: 'half_year_report', entityId: filed.id }, manager);
      return filed;
    });
    return { id: report.id, status: report.status, version: report.version, interim: report.interim };
  }

  /** Files a report request and its job in the caller's transaction. Scheduled requests are filed once per half-year. */
  async fileRequest(
    manager: EntityManager,
    planId: string,
    period: HalfYear,
    trigger: 'requested' | 'scheduled',
    requestedBy: string | null,
    interim: boolean,
  ): Promise<HalfYearReport | undefined> {
    // Serialise version numbering per plan and half-year.
    await this.reports.lockHalfYear(manager, planId, period);
    if (trigger === 'scheduled' && (await this.reports.scheduledFiled(manager, planId, period))) return undefined;
    const plan = await this.plans.getPlan(planId, manager);
    const version = await this.reports.nextVersion(manager, planId, period);
    const parameters: ReportParameters = {
      formatVersion: REPORT_FORMAT_VERSION,
      year: period.year,
      half: period.half,
      ...periodDates(period),
      timeZone: PLAN_TIME_ZONE,
      targetPerYear: plan.jobProgrammeTargetPerYear,
      suppressionThreshold: plan.suppressionThreshold,
    };
    // The job first, so the report can name it: the reconciler follows a report to its job and back.
    const reportId = randomUUID();
    const outboxId = await this.outbox.enqueue(manager, STATISTICS_QUEUE, JOBS.halfYearReport, { reportId });
    return this.reports.insert(manager, { id: reportId, planId, year: period.year, half: period.half, version, status: 'queued', progress: 0, interim, trigger, parameters, requestedBy, outboxId });
  }

  list(actor: PlanActor, query: PageQuery): Promise<ReportPage> {
    return this.reports.page(this.manager, actor, query, reportSummaryView);
  }

  async get(actor: PlanActor, id: string): Promise<ReportResponse> {
    return reportView(await this.find(actor, id));
  }

  async export(actor: PlanActor, id: string, format: 'csv' | 'xlsx' | 'pdf'): Promise<ExportedFile> {
    const report = await this.completed(actor, id);
    const plan = await this.plans.getPlan(actor.planId, this.manager);
    return exportReport(format, report.result!, { planName: plan.name, version: report.version, createdAt: report.completedAt ?? report.createdAt, threshold: report.parameters.suppressionThreshold });
  }

  /** The report's figures as the exports print them (suppressed), for the web app's tables and charts. */
  async figures(actor: PlanActor, id: string): Promise<ReportFiguresResponse> {
    const report = await this.completed(actor, id);
    const plan = await this.plans.getPlan(actor.planId, this.manager);
    const model = buildReportModel(report.result!, { planName: plan.name, version: report.version, createdAt: report.completedAt ?? report.createdAt, threshold: report.parameters.suppressionThreshold });
    return reportFiguresView(report.id, model);
  }

  /** The half-years of the plan a report can be requested for, and the one to suggest. */
  async periods(actor: PlanActor, now = new Date()): Promise<ReportPeriodsResponse> {
    const plan = await this.plans.getPlan(actor.planId, this.manager);
    const items = planHalfYears(plan.validFrom, plan.validTo, now);
    return { validFrom: plan.validFrom, validTo: plan.validTo, items, suggested: items.find((p) => !p.running) ?? items[0] ?? null };
  }

  private async completed(actor: PlanActor, id: string): Promise<HalfYearReport> {
    const report = await this.find(actor, id);
    if (report.status !== 'completed' || !report.result) {
      throw new Conflict(`The report is ${report.status}; it can be exported when it is completed`, { code: 'report_not_completed', extra: { reportStatus: report.status } });
    }
    return report;
  }

  private async find(actor: PlanActor, id: string): Promise<HalfYearReport> {
    const report = await this.reports.findInPlan(this.manager, actor, id);
    if (!report) throw new NotFound('Report');
    return report;
  }
}
