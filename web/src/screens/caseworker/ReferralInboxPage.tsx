import { Link, useSearchParams } from 'react-router';
import { Alert } from '../../components/Alert';
import { Empty, Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { caseworker, type ReferralStatus } from '../../text/caseworker';
import { formatDateTime } from '../../text/format';
import { failureText, INBOX_STATUSES, isInboxStatus, referrals, type Referral, type ReferralPage } from './caseworker-api';
import { useLoad, useMoreOfList } from '../../app/use-load';
import { LoadMore } from '../../components/LoadMore';
import './caseworker.css';

const text = caseworker.inbox;

/** The referral inbox: one status at a time (new first), newest first, a page at a time. */
export function ReferralInboxPage() {
  const [params] = useSearchParams();
  const requested = params.get('status');
  const status: ReferralStatus = isInboxStatus(requested) ? requested : 'sent';
  const [loaded, replace] = useLoad<ReferralPage>(status, () => referrals(status));
  const more = useMoreOfList(loaded, replace, (cursor) => referrals(status, cursor));

  return (
    <>
      <PageHeading>{text.heading}</PageHeading>
      <p>{text.intro}</p>
      <nav aria-label={text.filterLabel}>
        <ul className="nobullet-list status-filter">
          {INBOX_STATUSES.map((s) => (
            <li key={s}>
              <Link to={`/henvisninger?status=${s}`} className={`button ${s === status ? 'button-primary' : 'button-secondary'}`} aria-current={s === status ? 'page' : undefined}>
                {caseworker.statusTab[s]}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {loaded.state === 'loading' && <Loading />}
      {loaded.state === 'failed' && <Alert kind="error">{failureText(loaded.error)}</Alert>}
      {loaded.state === 'loaded' && (
        <>
          {loaded.data.items.length === 0 ? <Empty text={text.empty} /> : <ReferralTable items={loaded.data.items} caption={text.tableCaption(caseworker.statusTab[status])} />}
          <LoadMore more={more} label={text.more} describe={failureText} />
        </>
      )}
    </>
  );
}

function ReferralTable({ items, caption }: { items: Referral[]; caption: string }) {
  return (
    <div className="table--responsive-scroll">
      <table className="table table--zebra">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{text.resident}</th>
            <th scope="col">{text.topic}</th>
            <th scope="col">{text.reason}</th>
            <th scope="col">{text.from}</th>
            <th scope="col">{text.referredAt}</th>
            <th scope="col">{text.statusChangedAt}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((f) => (
            <tr key={f.id}>
              <th scope="row">
                <Link to={`/henvisninger/${f.id}`} aria-label={text.open(f.residentName)}>
                  {f.residentName}
                </Link>
              </th>
              <td>{f.caseTopicLabel ?? ''}</td>
              <td>{f.freeTextShared ? (f.reason ?? '') : text.reasonNotShared}</td>
              <td>{[f.recordedByName, f.recordedByOrganisationName].filter(Boolean).join(', ')}</td>
              <td>{formatDateTime(f.referredAt)}</td>
              <td>{f.statusChangedAt ? formatDateTime(f.statusChangedAt) : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
