import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
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
import { UnitOfWork } from '../database/unit-of-work';

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
    private readonly uow: UnitOfWork,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly plans: PlansService,
    private readonly outbox: Outbox,
    private readonly relay: OutboxRelay,
    private readonly audit: AuditWriter,
  ) {}

  /**
   * Writes the request, its outbox row and its audit event in one transaction and answers at once;
   * the relay hands it to the queue (now, or once Redis is back). Every run is a new version of
   * that half-year.
   */
  async request(actor: PlanActor, period: HalfYear) {
    const state = periodState(period);
    if (state === 'future') {
      throw new RuleViolation([{ rule: 'period_started', message: `H${period.half} ${period.year} has not begun; the running half-year can be requested at any time` }]);
    }
    const report = await this.uow.run(async (manager) => {
      const filed = (await this.fileRequest(manager, actor.planId, period, 'requested', actor.userId, state === 'running'))!;
      await this.audit.record(actor, { action: 'report.requested', purpose: 'statistics', entityType: 'half_year_report', entityId: filed.id }, manager);
      // The relay reads the outbox on its own connection: nudged before the commit, it finds nothing
      // and the job waits for the next poll. Not awaited: the answer does not wait for Redis.
      this.uow.afterCommit(() => void this.relay.tick());
      return filed;
    });
    return { id: report.id, status: report.status, version: report.version, interim: report.interim };
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
    // The job first, so the report can name it: the reconciler follows a report to its job and back.
    const reportId = randomUUID();
    const outboxId = await this.outbox.enqueue(manager, STATISTICS_QUEUE, JOBS.halfYearReport, { reportId });
    const repo = manager.getRepository(HalfYearReport);
    const report = repo.create({ id: reportId, planId, year: period.year, half: period.half, version: Number(next), status: 'queued', progress: 0, interim, trigger, parameters, requestedBy, outboxId });
    await repo.insert(report);
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
