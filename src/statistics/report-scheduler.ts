import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ReportsRepository } from './reports.repository';
import { ReportsService } from './reports.service';

/**
 * Each plan's half-year report is filed automatically once the half-year has ended, exactly
 * once however late a worker comes and however many look at the same moment: the partial unique
 * index half_year_reports_one_scheduled (plan, year, half) where trigger = 'scheduled' decides.
 */
@Injectable()
export class ReportScheduler {
  private readonly logger = new Logger(ReportScheduler.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: ReportsRepository,
    private readonly reports: ReportsService,
  ) {}

  /** Files every due scheduled report; how many were filed by this call. */
  async fileDueReports(now = new Date()): Promise<number> {
    // The due half-years are read from the reports already filed (ReportsRepository.dueScheduled), not from Redis.
    const due = await this.repository.dueScheduled(this.dataSource.manager, now);
    let filed = 0;
    for (const { planId, year, half } of due) {
      try {
        const report = await this.dataSource.transaction((manager) => this.reports.fileRequest(manager, planId, { year, half }, 'scheduled', null, false));
        if (report) filed += 1;
      } catch (error) {
        // Another process filed it between our read and our insert: that is the one.
        if ((error as { code?: string }).code !== '23505') throw error;
      }
    }
    if (filed) this.logger.log({ filed }, 'scheduled half-year reports filed');
    return filed;
  }
}
