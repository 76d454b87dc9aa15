import { Link, useParams } from 'react-router';
import { Alert } from '../../components/Alert';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { formatCalendarDate, formatDateTime } from '../../text/format';
import { phaseLabel, socialWorker } from '../../text/social-worker';
import { failureText } from '../caseworker/caseworker-api';
import { useLoad } from '../../app/use-load';
import { ConversationsSection } from './ConversationsSection';
import { EmploymentSection } from './EmploymentSection';
import { FamilySection } from './FamilySection';
import { MatchesSection } from './MatchesSection';
import { NextStepPanel } from './NextStepPanel';
import { consentsOf, employers, programme, schoolHolidays, youth, type Consent, type Employer, type Programme, type SchoolHoliday, type Youth } from './social-worker-api';
import { TimesheetsSection } from './TimesheetsSection';
import { ResidentRights } from '../resident-rights/lazy';
import './social-worker.css';

const text = socialWorker.programme;

interface Page {
  p: Programme;
  youth: Youth;
  consents: Consent[];
  employers: Employer[];
  holidays: SchoolHoliday[];
}

async function loadPage(id: string): Promise<Page> {
  const p = await programme(id);
  const [y, consents, list, holidays] = await Promise.all([youth(p.residentId), consentsOf(p.residentId), employers(), schoolHolidays()]);
  return { p, youth: y, consents, employers: list, holidays };
}

const nameOf = (y: Youth) => (y.anonymous ? (y.pseudonym ?? '') : [y.firstName, y.lastName].filter(Boolean).join(' '));

/** The youth's programme: family and consents, conversations, matches, employment, timesheets, the phase history and the next step. */
export function ProgrammePage() {
  const { id = '' } = useParams();
  const [loaded, replace] = useLoad<Page>(id, () => loadPage(id));
  if (loaded.state === 'loading') return <Loading />;
  if (loaded.state === 'failed') {
    return (
      <>
        <PageHeading>{socialWorker.board.heading}</PageHeading>
        <Alert kind="error">{failureText(loaded.error)}</Alert>
        <Link to="/forloeb">{text.back}</Link>
      </>
    );
  }
  const page = loaded.data;
  const { p } = page;
  // After each change the page is read again, so what the guards say next comes from the service.
  const refresh = async () => replace(await loadPage(id));
  const moved = (next: Programme) => replace({ ...page, p: next });
  const name = nameOf(page.youth);
  return (
    <>
      <p>
        <Link to="/forloeb">{text.back}</Link>
      </p>
      <PageHeading>{text.heading(name)}</PageHeading>
      <dl className="facts">
        <dt>{text.phase}</dt>
        <dd>{phaseLabel[p.phase]}</dd>
        <dt>{text.started}</dt>
        <dd>{formatCalendarDate(p.startedAt)}</dd>
        {p.finishedAt && (
          <>
            <dt>{text.finishedAt}</dt>
            <dd>{formatDateTime(p.finishedAt)}</dd>
          </>
        )}
        {p.endReason && (
          <>
            <dt>{text.endReason}</dt>
            <dd>{p.endReason}</dd>
          </>
        )}
        {p.ordinaryJob && (
          <>
            <dt>{text.ordinaryJob}</dt>
            <dd>
              {page.employers.find((e) => e.id === p.ordinaryJob?.employerId)?.name ?? ''} {p.ordinaryJob.startedAt ? formatCalendarDate(p.ordinaryJob.startedAt) : ''}
            </dd>
          </>
        )}
      </dl>

      <section aria-labelledby="naeste-skridt">
        <h2 id="naeste-skridt">{text.nextHeading}</h2>
        <NextStepPanel p={p} employers={page.employers} onChange={moved} />
      </section>

      <section aria-labelledby="familie">
        <h2 id="familie">{socialWorker.family.heading}</h2>
        <FamilySection youth={page.youth} consents={page.consents} onChange={refresh} />
      </section>

      <section aria-labelledby="samtaler">
        <h2 id="samtaler">{socialWorker.conversations.heading}</h2>
        <ConversationsSection p={p} onChange={refresh} />
      </section>

      <section aria-labelledby="match">
        <h2 id="match">{socialWorker.matches.heading}</h2>
        <MatchesSection p={p} employers={page.employers} onChange={refresh} />
      </section>

      <section aria-labelledby="ansaettelse">
        <h2 id="ansaettelse">{socialWorker.employment.heading}</h2>
        <EmploymentSection p={p} youth={page.youth} employers={page.employers} holidays={page.holidays} onChange={refresh} />
      </section>

      <section aria-labelledby="timesedler">
        <h2 id="timesedler">{socialWorker.timesheets.heading}</h2>
        <TimesheetsSection p={p} onChange={refresh} />
      </section>

      <section aria-labelledby="faser">
        <h2 id="faser">{text.historyHeading}</h2>
        <table className="table table--zebra">
          <caption>{text.historyCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{text.historyFrom}</th>
              <th scope="col">{text.historyTo}</th>
              <th scope="col">{text.historyWhen}</th>
              <th scope="col">{text.historyReason}</th>
            </tr>
          </thead>
          <tbody>
            {p.history.map((h) => (
              <tr key={`${h.to}-${h.recordedAt}`}>
                <td>{h.from ? phaseLabel[h.from] : ''}</td>
                <td>{phaseLabel[h.to]}</td>
                <td>{formatDateTime(h.occurredAt)}</td>
                <td>{h.reason ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      {/* After an erasure the page is read again: the youth is then shown by their pseudonym, and what the erasure kept. */}
      <ResidentRights residentId={page.youth.id} onErased={() => void refresh().catch(() => undefined)} />
    </>
  );
}
