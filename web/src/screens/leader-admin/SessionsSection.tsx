import { Alert } from '../../components/Alert';
import { Empty, Loading } from '../../components/Loading';
import { formatDateTime, formatNumber } from '../../text/format';
import { leaderAdmin } from '../../text/leader-admin';
import { useLoad } from '../../app/use-load';
import { countsByMonth, monthLabel } from './head-counts';
import { HeadCountChart } from './HeadCountChart';
import { failureText, sessionsOf, type Session } from './leader-admin-api';

const text = leaderAdmin.activity;
const LATEST = 20;
const MAX = 1000;

const count = (n: number | null) => (n === null ? '' : formatNumber(n));

/** The activity's head counts by month, and its latest sessions one by one. */
export function SessionsSection({ activityId }: { activityId: string }) {
  const [loaded] = useLoad<{ items: Session[]; truncated: boolean }>(activityId, () => sessionsOf(activityId, MAX));
  // A network meeting's guests (issue 23): the column shows only where employers came.
  const withEmployers = loaded.state === 'loaded' && loaded.data.items.some((s) => s.employers.length > 0);
  return (
    <section className="admin-section" aria-labelledby="sessions-heading">
      <h2 id="sessions-heading">{text.sessionsHeading}</h2>
      <p>{text.sessionsIntro}</p>
      {loaded.state === 'loading' && <Loading />}
      {loaded.state === 'failed' && <Alert kind="error">{failureText(loaded.error)}</Alert>}
      {loaded.state === 'loaded' && loaded.data.items.length === 0 && <Empty text={text.noSessions} />}
      {loaded.state === 'loaded' && loaded.data.items.length > 0 && (
        <>
          {loaded.data.truncated && <p>{text.truncated(loaded.data.items.length)}</p>}
          <HeadCountChart months={countsByMonth(loaded.data.items)} />
          <div className="table--responsive-scroll">
            <table className="table table--zebra">
              <caption>{text.monthsCaption}</caption>
              <thead>
                <tr>
                  <th scope="col">{text.month}</th>
                  <th scope="col">{text.sessions}</th>
                  <th scope="col">{text.total}</th>
                  <th scope="col">{text.women}</th>
                  <th scope="col">{text.men}</th>
                  <th scope="col">{text.youth}</th>
                  <th scope="col">{text.adults}</th>
                </tr>
              </thead>
              <tbody>
                {countsByMonth(loaded.data.items).map((m) => (
                  <tr key={m.month}>
                    <th scope="row">{monthLabel(m.month)}</th>
                    <td>{formatNumber(m.sessions)}</td>
                    <td>{formatNumber(m.total)}</td>
                    <td>{count(m.women)}</td>
                    <td>{count(m.men)}</td>
                    <td>{count(m.youth)}</td>
                    <td>{count(m.adults)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="table--responsive-scroll">
            <table className="table table--compact">
              <caption>{text.sessionsCaption}</caption>
              <thead>
                <tr>
                  <th scope="col">{text.startsAt}</th>
                  <th scope="col">{text.headcount}</th>
                  <th scope="col">{text.women}</th>
                  <th scope="col">{text.men}</th>
                  <th scope="col">{text.youth}</th>
                  <th scope="col">{text.adults}</th>
                  {withEmployers && <th scope="col">{text.employersPresent}</th>}
                </tr>
              </thead>
              <tbody>
                {loaded.data.items.slice(0, LATEST).map((s) => (
                  <tr key={s.id}>
                    <th scope="row">{formatDateTime(s.startsAt)}</th>
                    <td>{formatNumber(s.headcount.total)}</td>
                    <td>{count(s.headcount.women)}</td>
                    <td>{count(s.headcount.men)}</td>
                    <td>{count(s.headcount.youth)}</td>
                    <td>{count(s.headcount.adults)}</td>
                    {withEmployers && <td>{s.employers.map((e) => e.name).join(', ')}</td>}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
