import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { Outbox } from '../jobs/outbox';
import { ReportComputer } from './report-computer';
import { ReportsRepository } from './reports.repository';

/**
 * Runs one report job. Idempotent: a report that has ended (completed, or failed) is never
 * computed again, so a job that is delivered twice (or retried after the result was stored)
 * changes nothing, and a report the leader was told had failed does not turn completed later.
 */
@Injectable()
export class ReportRunner {
  private readonly logger = new Logger(ReportRunner.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reports: ReportsRepository,
    private readonly computer: ReportComputer,
    private readonly outbox: Outbox,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async run(reportId: string, reportProgress: (percent: number) => Promise<void>): Promise<'completed' | 'skipped'> {
    const manager = this.dataSource.manager;
    const report = await this.reports.findById(manager, reportId);
    if (!report) throw new Error(`report ${reportId} does not exist`);
    if (report.status === 'completed' || report.status === 'failed') return 'skipped';

    await this.reports.markRunning(manager, reportId);
    const progress = async (percent: number) => {
      await this.reports.setProgress(manager, reportId, percent);
      await reportProgress(percent);
    };
    const result = await this.computer.compute(report.planId, report.parameters, report.interim, progress);
    if (!(await this.reports.storeResult(manager, reportId, result))) return 'skipped';
    await reportProgress(100);
    return 'completed';
  }

  /** When its job is given up on: the report says what went wrong, in words a leader can pass on. */
  async markFailed(reportId: string, reason: string): Promise<void> {
    this.logger.error({ reportId, reason }, 'half-year report failed');
    await this.reports.markFailed(this.dataSource.manager, reportId, failureReason(reason));
  }

  /**
   * Fails every report still queued or running `reportDeadlineMinutes` after it was requested,
   * whatever happened to its job, so no leader waits for ever; its job is given up on with it.
   */
  async failOverdue(now = new Date()): Promise<number> {
    const minutes = this.config.reportDeadlineMinutes;
    const reason = failureReason(`it was not finished within ${minutes} minutes of being requested`);
    return this.dataSource.transaction(async (manager) => {
      const overdue = await this.reports.failRequestedBefore(manager, now, minutes, reason);
      if (!overdue.length) return 0;
      await this.outbox.markFailed(
        overdue.map((r) => r.outbox_id),
        reason,
        manager,
      );
      this.logger.error({ reportIds: overdue.map((r) => r.id), minutes }, 'half-year reports failed: past their deadline');
      return overdue.length;
    });
  }
}

function failureReason(reason: string): string {
  return `The report could not be computed: ${reason}. Request it again; if it keeps failing, contact support with the report id.`;
}
