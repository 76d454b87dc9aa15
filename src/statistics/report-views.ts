import type { ReportResponse, ReportSummaryResponse } from './dto/report-response.dto';
import type { HalfYearReport } from './half-year-report.entity';

export const reportSummaryView = (r: HalfYearReport): ReportSummaryResponse => ({
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
});

export const reportView = (r: HalfYearReport): ReportResponse => ({ ...reportSummaryView(r), result: r.result });
