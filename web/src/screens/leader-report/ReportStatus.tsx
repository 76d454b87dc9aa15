import { leaderReport } from '../../text/leader-report';
import type { ReportSummary } from './leader-report-api';

/** A report of a half-year that had not ended: its numbers can still change. */
export function InterimBadge() {
  return (
    <span className="badge badge-warning" title={leaderReport.interimExplained}>
      {leaderReport.interim}
    </span>
  );
}

export function StatusText({ report }: { report: Pick<ReportSummary, 'status' | 'progress'> }) {
  const label = leaderReport.status[report.status] ?? report.status;
  return <>{report.status === 'running' ? `${label} (${report.progress} %)` : label}</>;
}
