import { Link } from 'react-router';
import { Alert } from '../../components/Alert';
import { Empty, Loading } from '../../components/Loading';
import { LoadMore } from '../../components/LoadMore';
import { PageHeading } from '../../components/PageHeading';
import { useLoad, useMoreOfList } from '../../app/use-load';
import { formatCalendarDate } from '../../text/format';
import { endReasons, jobcentre, targetGroups } from '../../text/jobcentre';
import { FiguresSection } from './FiguresSection';
import { enrolments, failureText, type Enrolment, type EnrolmentPage } from './jobcentre-api';
import './jobcentre.css';

const text = jobcentre.list;

export function statusText(e: Pick<Enrolment, 'running' | 'endedOn' | 'endReason'>): string {
  if (e.running || !e.endedOn || !e.endReason) return text.running;
  return text.ended(endReasons[e.endReason], formatCalendarDate(e.endedOn));
}

/** The caseworker's caseload: who is in the job centre's effort, their target group, start and status, and the figures per quarter. */
export function CaseloadPage() {
  const [loaded, replace] = useLoad<EnrolmentPage>('caseload', () => enrolments());
  const more = useMoreOfList(loaded, replace, (cursor) => enrolments(cursor));
  return (
    <>
      <PageHeading>{text.heading}</PageHeading>
      <p>{text.intro}</p>
      <p>
        <Link className="button button-primary" to="/jobcenter/ny">
          {text.register}
        </Link>
      </p>
      {loaded.state === 'loading' && <Loading />}
      {loaded.state === 'failed' && <Alert kind="error">{failureText(loaded.error)}</Alert>}
      {loaded.state === 'loaded' &&
        (loaded.data.items.length === 0 ? (
          <Empty text={text.empty} />
        ) : (
          <div className="table--responsive-scroll">
            <table className="table table--zebra">
              <caption className="sr-only">{text.tableCaption}</caption>
              <thead>
                <tr>
                  <th scope="col">{text.resident}</th>
                  <th scope="col">{text.effort}</th>
                  <th scope="col">{text.targetGroup}</th>
                  <th scope="col">{text.startedOn}</th>
                  <th scope="col">{text.status}</th>
                </tr>
              </thead>
              <tbody>
                {loaded.data.items.map((e) => (
                  <tr key={e.id}>
                    <th scope="row">
                      <Link to={`/jobcenter/${e.id}`}>{e.residentName}</Link>
                    </th>
                    <td>{e.effort}</td>
                    <td>{targetGroups[e.targetGroup]}</td>
                    <td>{formatCalendarDate(e.startedOn)}</td>
                    <td>{statusText(e)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
      {loaded.state === 'loaded' && <LoadMore more={more} label={text.more} describe={failureText} />}
      <FiguresSection />
    </>
  );
}
