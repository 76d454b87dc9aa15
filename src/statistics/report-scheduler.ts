import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ReportsService } from './reports.service';

/**
 * The half-years whose scheduled report is due and not filed: a half-year is due for a plan once
 * it has ended (local midnight of 1 January or 1 July, Europe/Copenhagen), if the plan existed
 * then and the half-year overlaps the plan's validity. Read from the reports already filed, not
 * from Redis, so one that fell due while no worker ran is filed when one comes.
 */
const DUE_SQL = `
  SELECT p.id AS "planId", h.year, h.half
    FROM plans p
   CROSS JOIN LATERAL generate_series(
           make_date(extract(year FROM p.valid_from)::int, CASE WHEN extract(month FROM p.valid_from) <= 6 THEN 1 ELSE 7 END, 1)::timestamp,
           p.valid_to::timestamp, interval '6 months') AS s(start)
   CROSS JOIN LATERAL (SELECT extract(year FROM s.start)::int AS year,
                              CASE WHEN extract(month FROM s.start) = 1 THEN 1 ELSE 2 END AS half,
                              (s.start + interval '6 months') AT TIME ZONE 'Europe/Copenhagen' AS ended_at) h
   WHERE h.ended_at <= $1 AND p.created_at < h.ended_at
     AND NOT EXISTS (SELECT 1 FROM half_year_reports r
                      WHERE r.plan_id = p.id AND r.year = h.year AND r.half = h.half AND r.trigger = 'scheduled')
   ORDER BY h.year, h.half, p.id`;

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
    private readonly reports: ReportsService,
  ) {}

  /** Files every due scheduled report; how many were filed by this call. */
  async fileDueReports(now = new Date()): Promise<number> {
    const due: { planId: string; year: number; half: 1 | 2 }[] = await this.dataSource.query(DUE_SQL, [now]);
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
