import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { employersSection } from '../employers/employers-report-queries';
import { halfYearPeriod } from '../indicators/indicator-period';
import { IndicatorValuesService } from '../indicators/indicator-values.service';
import { IndicatorsService } from '../indicators/indicators.service';
import { jobcentreSection } from '../jobcentre/jobcentre-report-queries';
import type { HalfYearResult } from './half-year-result';
import type { ReportParameters } from './half-year-report.entity';
import { indicatorSnapshot } from './indicator-snapshot';
import { localMidnightIso } from '../common/time';
import { ReportsRepository } from './reports.repository';
import { volunteersSection } from '../volunteers/volunteers-report-queries';
import { smallJobsSection } from '../small-jobs/small-jobs-report-queries';
import { outreachSection } from '../outreach/outreach-report-queries';

/** The report format this code computes; a snapshot records it so old versions stay explainable. */
export const REPORT_FORMAT_VERSION = 1;

export class UnsupportedReportFormat extends Error {}

/**
 * Computes a half-year report from its fixed parameters. All sections read one consistent
 * snapshot of the database (REPEATABLE READ), so totals agree with each other.
 */
@Injectable()
export class ReportComputer {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reports: ReportsRepository,
    private readonly indicators: IndicatorsService,
    private readonly indicatorValues: IndicatorValuesService,
  ) {}

  async compute(planId: string, p: ReportParameters, interim: boolean, progress: (percent: number) => Promise<void>): Promise<HalfYearResult> {
    if (p.formatVersion !== REPORT_FORMAT_VERSION) {
      throw new UnsupportedReportFormat(`the report was requested in format ${p.formatVersion}, which this version (${REPORT_FORMAT_VERSION}) cannot compute`);
    }
    const params: [string, string, string] = [planId, p.fromDate, p.toDate];
    const sections = await this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      await this.reports.readOnly(manager);
      const counselling = { ...(await this.reports.counselling(manager, params)), topicLabels: await this.reports.topicLabels(manager, planId) };
      await progress(50);
      const jobProgrammes = await this.reports.jobProgrammes(manager, params, p.targetPerYear);
      await progress(75);
      const consents = await this.reports.consents(manager, params);
      const activities = { ...(await this.reports.activities(manager, params)), kindLabels: await this.reports.activityKindLabels(manager, planId) };
      const referrals = await this.reports.referrals(manager, params);
      const volunteers = await volunteersSection(manager, params);
      const jobcentre = await jobcentreSection(manager, params);
      const employers = await employersSection(manager, params);
      const smallJobs = await smallJobsSection(manager, params);
      const outreach = await outreachSection(manager, params);
      return { counselling, jobProgrammes, consents, activities, referrals, volunteers, jobcentre, employers, smallJobs, outreach };
    });
    await progress(90);
    const period = { from: localMidnightIso(p.fromDate), to: localMidnightIso(p.toDate), year: p.year, half: p.half, interim };
    const partial = { period, ...sections };
    const recorded = await this.indicatorValues.currentForPeriod(planId, halfYearPeriod(p.year, p.half));
    const indicators = (await this.indicators.forPlan(planId)).map((i) => indicatorSnapshot(i, recorded.get(i.id) ?? null, partial));
    return { ...partial, indicators };
  }
}
