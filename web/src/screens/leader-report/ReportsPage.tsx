import { type FormEvent, useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { Empty, Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { formatDateTime } from '../../text/format';
import { leaderReport } from '../../text/leader-report';
import { failureText } from '../caseworker/caseworker-api';
import { useLoad, useMoreOfList } from '../../app/use-load';
import { LoadMore } from '../../components/LoadMore';
import { periods, reports, requestReport, type HalfYear, type ReportPage, type ReportPeriods } from './leader-report-api';
import { InterimBadge, StatusText } from './ReportStatus';
import './leader-report.css';

const text = leaderReport.reports;
const key = (p: Pick<HalfYear, 'year' | 'half'>) => `${p.year}-${p.half}`;

/** Choose a half-year and request its report; the plan's earlier reports (every version) below. */
export function ReportsPage() {
  const [loadedPeriods] = useLoad<ReportPeriods>('periods', periods);
  const [loadedReports, replace] = useLoad<ReportPage>('reports', () => reports());
  const more = useMoreOfList(loadedReports, replace, (cursor) => reports(cursor));
  const [chosen, setChosen] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const navigate = useNavigate();

  useEffect(() => {
    if (loadedPeriods.state === 'loaded' && !chosen && loadedPeriods.data.suggested) setChosen(key(loadedPeriods.data.suggested));
  }, [loadedPeriods, chosen]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const [year, half] = chosen.split('-').map(Number);
    setBusy(true);
    setError(null);
    try {
      const requested = await requestReport({ year, half: half as 1 | 2 });
      navigate(`/rapport/${requested.id}`);
    } catch (failure) {
      setError(failureText(failure));
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeading>{text.heading}</PageHeading>
      <p>{text.intro}</p>
      {loadedPeriods.state === 'loading' && <Loading />}
      {loadedPeriods.state === 'failed' && <Alert kind="error">{failureText(loadedPeriods.error)}</Alert>}
      {loadedPeriods.state === 'loaded' &&
        (loadedPeriods.data.items.length === 0 ? (
          <Empty text={text.noPeriods} />
        ) : (
          <form className="report-request" onSubmit={submit}>
            {error && <Alert kind="error">{error}</Alert>}
            <div className="form-group">
              <label className="form-label" htmlFor="report-period">
                {text.periodLabel}
              </label>
              <span className="form-hint" id="report-period-hint">
                {text.periodHint}
              </span>
              <select className="form-select" id="report-period" aria-describedby="report-period-hint" value={chosen} onChange={(e) => setChosen(e.target.value)}>
                {loadedPeriods.data.items.map((p) => (
                  <option key={key(p)} value={key(p)}>
                    {leaderReport.half(p.year, p.half)} ({leaderReport.halfMonths(p.half)}){p.running ? ` – ${text.running}` : ''}
                  </option>
                ))}
              </select>
            </div>
            <Button type="submit" busy={busy}>
              {text.request}
            </Button>
          </form>
        ))}

      <h2>{text.versionsHeading}</h2>
      {loadedReports.state === 'loading' && <Loading />}
      {loadedReports.state === 'failed' && <Alert kind="error">{failureText(loadedReports.error)}</Alert>}
      {loadedReports.state === 'loaded' &&
        (loadedReports.data.items.length === 0 ? (
          <Empty text={text.noReports} />
        ) : (
          <>
            <div className="table--responsive-scroll">
              <table className="table table--zebra">
                <caption className="sr-only">{text.versionsCaption}</caption>
                <thead>
                  <tr>
                    <th scope="col">{text.period}</th>
                    <th scope="col">{text.version}</th>
                    <th scope="col">{text.status}</th>
                    <th scope="col">{text.created}</th>
                  </tr>
                </thead>
                <tbody>
                  {loadedReports.data.items.map((r) => (
                    <tr key={r.id}>
                      <th scope="row">
                        <Link to={`/rapport/${r.id}`} aria-label={text.show(leaderReport.half(r.year, r.half), r.version)}>
                          {leaderReport.half(r.year, r.half)}
                        </Link>{' '}
                        {r.interim && <InterimBadge />}
                      </th>
                      <td>{r.version}</td>
                      <td>
                        <StatusText report={r} />
                      </td>
                      <td>{formatDateTime(r.createdAt)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <LoadMore more={more} label={text.more} describe={failureText} />
          </>
        ))}
    </>
  );
}
