import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { HalfYearReport } from './half-year-report.entity';
import { ReportComputer } from './report-computer';

/**
 * Runs one report job. Idempotent: a completed report is never computed again, so a job that is
 * delivered twice (or retried after the result was stored) changes nothing.
 */
@Injectable()
export class ReportRunner {
  private readonly logger = new Logger(ReportRunner.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly computer: ReportComputer,
  ) {}

  async run(reportId: string, reportProgress: (percent: number) => Promise<void>): Promise<'completed' | 'skipped'> {
    const repo = this.dataSource.getRepository(HalfYearReport);
    const report = await repo.findOneBy({ id: reportId });
    if (!report) throw new Error(`report ${reportId} does not exist`);
    if (report.status === 'completed' || report.status === 'failed') return 'skipped';

    await repo.query(
      `UPDATE half_year_reports SET status = 'running', progress = 5, attempts = attempts + 1, started_at = COALESCE(started_at, now()) WHERE id = $1`,
      [reportId],
    );
    const progress = async (percent: number) => {
      await repo.query(`UPDATE half_year_reports SET progress = $2 WHERE id = $1 AND status = 'running'`, [reportId, percent]);
      await reportProgress(percent);
    };
    const result = await this.computer.compute(report.planId, report.parameters, report.interim, progress);
    await repo.query(
      `UPDATE half_year_reports SET status = 'completed', progress = 100, result = $2, completed_at = now(), failure_reason = NULL WHERE id = $1 AND status <> 'completed'`,
      [reportId, JSON.stringify(result)],
    );
    await reportProgress(100);
    return 'completed';
  }

  /** After the last retry: the report says what went wrong, in words a leader can pass on. */
  async markFailed(reportId: string, reason: string): Promise<void> {
    this.logger.error({ reportId, reason }, 'half-year report failed');
    await this.dataSource.query(
      `UPDATE half_year_reports SET status = 'failed', failure_reason = $2 WHERE id = $1 AND status IN ('queued', 'running')`,
      [reportId, `The report could not be computed: ${reason}. Request it again; if it keeps failing, contact support with the report id.`],
    );
  }
}
