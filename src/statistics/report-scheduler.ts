import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { previousHalfYear } from './report-period';
import { ReportsService } from './reports.service';

/** On 1 January and 1 July each plan's previous half-year is computed automatically (once). */
@Injectable()
export class ReportScheduler {
  private readonly logger = new Logger(ReportScheduler.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reports: ReportsService,
  ) {}

  async fileScheduledReports(now = new Date()): Promise<number> {
    const period = previousHalfYear(now);
    const from = period.half === 1 ? `${period.year}-01-01` : `${period.year}-07-01`;
    const to = period.half === 1 ? `${period.year}-06-30` : `${period.year}-12-31`;
    const plans: { id: string }[] = await this.dataSource.query(`SELECT id FROM plans WHERE valid_from <= $2 AND valid_to >= $1`, [from, to]);
    let filed = 0;
    for (const plan of plans) {
      const report = await this.dataSource.transaction((manager) => this.reports.fileRequest(manager, plan.id, period, 'scheduled', null, false));
      if (report) filed += 1;
    }
    this.logger.log({ year: period.year, half: period.half, filed }, 'scheduled half-year reports filed');
    return filed;
  }
}
