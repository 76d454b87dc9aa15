import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { Alert } from '../../components/Alert';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { formatDateTime } from '../../text/format';
import { leaderReport } from '../../text/leader-report';
import { failureText } from '../caseworker/caseworker-api';
import { Downloads } from './Downloads';
import { figures, report, type Report, type ReportFigures } from './leader-report-api';
import { ReportFiguresView } from './ReportFigures';
import { OtherVersions } from './OtherVersions';
import { InterimBadge } from './ReportStatus';
import './leader-report.css';

const text = leaderReport.report;
/** How often a queued or running report is asked after: the job reports its progress as it goes. */
const POLL_MS = 1000;

type State = { state: 'loading' } | { state: 'failed'; error: unknown } | { state: 'report'; report: Report; figures?: ReportFigures };

const unfinished = (r: Report) => r.status === 'queued' || r.status === 'running';

/** One version of a half-year report: its progress while the queue computes it, then its figures and files. */
export function ReportPage() {
  const { id = '' } = useParams();
  const [shown, setShown] = useState<State>({ state: 'loading' });

  useEffect(() => {
    let current = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    setShown({ state: 'loading' });
    const poll = async () => {
      try {
        const read = await report(id);
        if (!current) return;
        if (unfinished(read)) {
          setShown({ state: 'report', report: read });
          timer = setTimeout(() => void poll(), POLL_MS);
          return;
        }
        const shownFigures = read.status === 'completed' ? await figures(id) : undefined;
        if (current) setShown({ state: 'report', report: read, figures: shownFigures });
      } catch (error) {
        if (current) setShown({ state: 'failed', error });
      }
    };
    void poll();
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [id]);

  const r = shown.state === 'report' ? shown.report : undefined;
  const label = r ? leaderReport.half(r.year, r.half) : '';
  return (
    <>
      <PageHeading title={r ? text.heading(label) : leaderReport.reports.heading}>
        {r ? text.heading(label) : leaderReport.reports.heading} {r?.interim && <InterimBadge />}
      </PageHeading>
      <p>
        <Link to="/rapport">{text.back}</Link>
      </p>
      {shown.state === 'loading' && <Loading />}
      {shown.state === 'failed' && <Alert kind="error">{failureText(shown.error)}</Alert>}
      {r && (
        <>
          <p>{text.versionLine(r.version, formatDateTime(r.createdAt))}</p>
          {r.interim && <p>{leaderReport.interimExplained}</p>}
          <Progress report={r} />
          {r.status === 'failed' && (
            <Alert kind="error">
              <p>{text.failed}</p>
              <p>{text.failedId(r.id)}</p>
            </Alert>
          )}
          {shown.state === 'report' && shown.figures && <Downloads id={r.id} />}
          {!unfinished(r) && <OtherVersions report={r} />}
          {shown.state === 'report' && shown.figures && <ReportFiguresView figures={shown.figures} />}
        </>
      )}
    </>
  );
}

/** The job's own progress (the worker reports it as it goes), not a spinner; announced politely as it changes. */
function Progress({ report: r }: { report: Report }) {
  const running = unfinished(r);
  return (
    <div className="report-progress">
      {running && (
        <>
          <label className="form-label" htmlFor="report-progress">
            {text.progressLabel}
          </label>
          <progress id="report-progress" max={100} value={r.progress}>
            {r.progress} %
          </progress>
        </>
      )}
      <p role="status" className="report-progress-text">
        {r.status === 'queued' && text.queuedText}
        {r.status === 'running' && text.progressText(r.progress)}
        {r.status === 'completed' && text.done}
      </p>
    </div>
  );
}
