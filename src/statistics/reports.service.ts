import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { PlanActor } from '../access/actor';
import { AuditWriter } from '../audit/audit-writer';
import { Conflict, NotFound, RuleViolation } from '../common/domain-errors';
import { paginate, type PageQuery } from '../common/pagination';
import { PLAN_TIME_ZONE } from '../common/time';
import { Outbox } from '../jobs/outbox';
import { OutboxRelay } from '../jobs/outbox-relay';
import { JOBS, STATISTICS_QUEUE } from '../jobs/queues';
import { PlansService } from '../plans/plans.service';
import { exportReport } from './exports';
import { HalfYearReport, type ReportParameters } from './half-year-report.entity';
import { REPORT_FORMAT_VERSION } from './report-computer';
import { periodDates, periodState, type HalfYear } from './report-period';

export const reportView = (r: HalfYearReport) => ({
  id: r.id,
  year: r.year,
  half: r.half,
  version: r.version,
  status: r.status,
  progress: r.progress,
  interim: r.interim,
  trigger: r.trigger,
  createdAt: r.createdAt,
  startedAt: r.startedAt,
  completedAt: r.completedAt,
  failureReason: r.failureReason,
  parameters: r.parameters,
  result: r.result,
});

/** Requesting, reading and exporting half-year reports; the computing happens on the queue. */
@Injectable()
export class ReportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly plans: PlansService,
    private readonly outbox: Outbox,
    private readonly relay: OutboxRelay,
    private readonly audit: AuditWriter,
  ) {}

  /**
   * Writes the request and its outbox row in one transaction and answers at once; the relay hands
   * it to the queue (now, or once Redis is back). Every run is a new version of that half-year.
   */
  async request(actor: PlanActor, period: HalfYear) {
    const state = periodState(period);
    if (state === 'future') {
      throw new RuleViolation([{ rule: 'period_started', message: `H${period.half} ${period.year} has not begun; the running half-year can be requested at any time` }]);
    }
    const report = await this.dataSource.transaction((manager) => this.fileRequest(manager, actor.planId, period, 'requested', actor.userId, state === 'running'));
    await this.audit.record(actor, { action: 'report.requested', purpose: 'statistics', entityType: 'half_year_report', entityId: report!.id });
    void this.relay.tick();
    return { id: report!.id, status: report!.status, version: report!.version, interim: report!.interim };
  }

  /** Files a report request and its job in the caller's transaction. Scheduled requests are filed once per half-year. */
  async fileRequest(manager: EntityManager, planId: string, period: HalfYear, trigger: 'requested' | 'scheduled', requestedBy: string | null, interim: boolean) {
    // Serialise version numbering per plan and half-year.
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`report:${planId}:${period.year}:${period.half}`]);
    if (trigger === 'scheduled') {
      const [existing] = await manager.query(`SELECT 1 FROM half_year_reports WHERE plan_id = $1 AND year = $2 AND half = $3 AND trigger = 'scheduled'`, [planId, period.year, period.half]);
      if (existing) return undefined;
    }
    const plan = await this.plans.getPlan(planId, manager);
    const [{ next }] = await manager.query(`SELECT COALESCE(max(version), 0) + 1 AS next FROM half_year_reports WHERE plan_id = $1 AND year = $2 AND half = $3`, [planId, period.year, period.half]);
    const parameters: ReportParameters = {
      formatVersion: REPORT_FORMAT_VERSION,
      year: period.year,
      half: period.half,
      ...periodDates(period),
      timeZone: PLAN_TIME_ZONE,
      targetPerYear: plan.jobProgrammeTargetPerYear,
      suppressionThreshold: plan.suppressionThreshold,
    };
    const repo = manager.getRepository(HalfYearReport);
    const report = await repo.save(repo.create({ planId, year: period.year, half: period.half, version: Number(next), status: 'queued', interim, trigger, parameters, requestedBy }));
    await this.outbox.enqueue(manager, STATISTICS_QUEUE, JOBS.halfYearReport, { reportId: report.id });
    return report;
  }

  async list(actor: PlanActor, query: PageQuery) {
    const qb = this.dataSource.getRepository(HalfYearReport).createQueryBuilder('h').where('h.plan_id = :planId', { planId: actor.planId });
    const page = await paginate(qb, query, 'h.created_at', 'h.id', (r) => r, (r) => ({ at: r.createdAt, id: r.id }));
    return { items: page.items.map((r) => ({ ...reportView(r), result: undefined })), nextCursor: page.nextCursor };
  }

  async get(actor: PlanActor, id: string) {
    return reportView(await this.find(actor, id));
  }

  async export(actor: PlanActor, id: string, format: 'csv' | 'xlsx' | 'pdf') {
    const report = await this.find(actor, id);
    if (report.status !== 'completed' || !report.result) {
      throw new Conflict(`The report is ${report.status}; it can be exported when it is completed`, { extra: { reportStatus: report.status } });
    }
    const plan = await this.plans.getPlan(actor.planId);
    return exportReport(format, report.result, { planName: plan.name, version: report.version, createdAt: report.completedAt ?? report.createdAt, threshold: report.parameters.suppressionThreshold });
  }

  private async find(actor: PlanActor, id: string): Promise<HalfYearReport> {
    const report = await this.dataSource.getRepository(HalfYearReport).findOneBy({ id, planId: actor.planId });
    if (!report) throw new NotFound('Report');
    return report;
  }
}
