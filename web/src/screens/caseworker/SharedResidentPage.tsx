import { Link, useParams } from 'react-router';
import { Alert } from '../../components/Alert';
import { Empty, Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { caseworker } from '../../text/caseworker';
import { formatCalendarDate, formatDate } from '../../text/format';
import { casesOf, failureText, sharedResident, type CaseListItem, type SharedResident } from './caseworker-api';
import { useLoad } from '../../app/use-load';
import './caseworker.css';

const text = caseworker.sharedResident;

/** A shared resident, read-only: who they are, under which consents and until when, and the counselling cases a consent shares. */
export function SharedResidentPage() {
  const { id = '' } = useParams();
  const [loaded] = useLoad<{ resident: SharedResident; cases: CaseListItem[] | null }>(id, async () => {
    const resident = await sharedResident(id);
    const sharesCases = resident.sharedBy.some((k) => k.scope === 'share_counselling');
    return { resident, cases: sharesCases ? await casesOf(id) : null };
  });

  if (loaded.state === 'loading') return <Loading />;
  if (loaded.state === 'failed') {
    return (
      <>
        <PageHeading>{caseworker.shared.heading}</PageHeading>
        <Alert kind="error">{failureText(loaded.error)}</Alert>
        <Link to="/delte-beboere">{text.back}</Link>
      </>
    );
  }
  const { resident: r, cases } = loaded.data;
  const orNone = (value: string | null | undefined) => value || text.none;
  return (
    <>
      <p>
        <Link to="/delte-beboere">{text.back}</Link>
      </p>
      <PageHeading>{r.displayName}</PageHeading>
      <h2>{text.facts}</h2>
      <dl className="facts">
        {r.anonymous ? (
          <>
            <dt>{text.pseudonym}</dt>
            <dd>{orNone(r.pseudonym)}</dd>
            <dt>{text.birthYear}</dt>
            <dd>{r.birthYear ?? text.none}</dd>
          </>
        ) : (
          <>
            <dt>{text.name}</dt>
            <dd>{r.displayName}</dd>
            <dt>{text.birthDate}</dt>
            <dd>{r.birthDate ? formatCalendarDate(r.birthDate) : (r.birthYear ?? text.none)}</dd>
            <dt>{text.phone}</dt>
            <dd>{orNone(r.phone)}</dd>
            <dt>{text.email}</dt>
            <dd>{orNone(r.email)}</dd>
          </>
        )}
        <dt>{text.housingArea}</dt>
        <dd>{orNone(r.housingAreaName)}</dd>
      </dl>

      <h2>{text.consentsHeading}</h2>
      <ul className="nobullet-list">
        {r.sharedBy.map((k) => (
          <li key={k.id}>
            <h3>{k.scopeLabel}</h3>
            <dl className="facts">
              <dt>{text.consentGiven}</dt>
              <dd>{formatDate(k.givenAt)}</dd>
              <dt>{text.consentUntil}</dt>
              <dd>{k.expiresAt ? formatDate(k.expiresAt) : caseworker.shared.untilWithdrawn}</dd>
              {k.scope === 'share_counselling' && (
                <>
                  <dt>{text.consentNotes}</dt>
                  <dd>{k.includesNotes ? text.yes : text.no}</dd>
                </>
              )}
            </dl>
          </li>
        ))}
      </ul>

      <h2>{text.casesHeading}</h2>
      {cases === null && <p>{text.casesNotShared}</p>}
      {cases !== null && cases.length === 0 && <Empty text={text.casesEmpty} />}
      {cases !== null && cases.length > 0 && (
        <table className="table table--zebra">
          <caption className="sr-only">{text.casesCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{text.caseTopic}</th>
              <th scope="col">{text.caseStatus}</th>
              <th scope="col">{text.caseOpened}</th>
              <th scope="col">{text.caseClosed}</th>
            </tr>
          </thead>
          <tbody>
            {cases.map((c) => (
              <tr key={c.id}>
                <td>{c.topicLabel}</td>
                <td>{c.status === 'open' ? text.caseOpen : text.caseClosedStatus}</td>
                <td>{formatDate(c.openedAt)}</td>
                <td>{c.closedAt ? formatDate(c.closedAt) : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
