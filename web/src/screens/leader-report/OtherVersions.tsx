import { Link } from 'react-router';
import { formatDateTime } from '../../text/format';
import { leaderReport } from '../../text/leader-report';
import { useLoad } from '../../app/use-load';
import { reports, type Report, type ReportPage } from './leader-report-api';
import { InterimBadge, StatusText } from './ReportStatus';

const text = leaderReport.report;

/** The half-year's other versions (each request is one), newest first, to compare or fetch an earlier one. */
export function OtherVersions({ report: r }: { report: Report }) {
  const [loaded] = useLoad<ReportPage>(`${r.id}-versions`, () => reports());
  if (loaded.state !== 'loaded') return null;
  const others = loaded.data.items.filter((o) => o.year === r.year && o.half === r.half && o.id !== r.id);
  if (others.length === 0) return null;
  return (
    <section aria-labelledby="other-versions">
      <h2 id="other-versions">{text.otherVersions}</h2>
      <ul className="nobullet-list">
        {others.map((o) => (
          <li key={o.id}>
            <Link to={`/rapport/${o.id}`}>{text.versionLink(o.version)}</Link> {text.requestedAt(formatDateTime(o.createdAt))} (<StatusText report={o} />){' '}
            {o.interim && <InterimBadge />}
          </li>
        ))}
      </ul>
    </section>
  );
}
