import { useState } from 'react';
import { Link } from 'react-router';
import { useSession } from '../../app/session';
import { Alert } from '../../components/Alert';
import { Empty, Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { formatDateTime } from '../../text/format';
import { leaderAdmin, roleNames } from '../../text/leader-admin';
import { useLoad, useMoreOfList } from '../../app/use-load';
import { LoadMore } from '../../components/LoadMore';
import { InvitationsSection } from './InvitationsSection';
import { InviteForm } from './InviteForm';
import { failureText, staff, type Invitation, type StaffMember, type StaffPage as Page } from './leader-admin-api';
import './leader-admin.css';

const text = leaderAdmin.staff;

/** The plan's staff, its invitations, and the form to invite one more. */
export function StaffPage() {
  const [loaded, replace] = useLoad<Page>('staff', () => staff());
  const more = useMoreOfList(loaded, replace, (cursor) => staff(cursor));
  // A new invitation goes to the top of the invitations list without reloading it.
  const [invited, setInvited] = useState<Invitation[]>([]);

  return (
    <>
      <PageHeading>{text.heading}</PageHeading>
      <p>{text.intro}</p>
      {loaded.state === 'loading' && <Loading />}
      {loaded.state === 'failed' && <Alert kind="error">{failureText(loaded.error)}</Alert>}
      {loaded.state === 'loaded' && (
        <>
          <AwaitingYou items={loaded.data.items} />
          {loaded.data.items.length === 0 ? <Empty text={text.empty} /> : <StaffTable items={loaded.data.items} />}
          <LoadMore more={more} label={text.more} describe={failureText} />
        </>
      )}
      <InviteForm onInvited={(invitation) => setInvited((list) => [invitation, ...list])} />
      <InvitationsSection added={invited} />
    </>
  );
}

export const roleName = (role: string): string => (role in roleNames ? roleNames[role as keyof typeof roleNames] : role === 'admin' ? text.admin : role);

/** The role inside a sentence: "venter på godkendelse som rådgiver". */
export const roleInSentence = (role: string): string => roleName(role).toLowerCase();

export function statusText(m: StaffMember): string {
  if (m.pendingRole && m.status === 'active') return text.pendingRole(roleInSentence(m.pendingRole));
  return text.userStatus[m.status];
}

/** Grants someone else asked for, which this leader may approve: said first, so they are not missed in a long list. */
function AwaitingYou({ items }: { items: StaffMember[] }) {
  const { me } = useSession();
  const waiting = items.filter((m) => m.pendingApproval && m.id !== me?.id && m.pendingApproval.requestedBy !== me?.id);
  if (!waiting.length) return null;
  return (
    <Alert kind="info" heading={text.awaitingYou(waiting.length)}>
      <ul className="nobullet-list">
        {waiting.map((m) => (
          <li key={m.id}>
            <Link to={`/personale/${m.id}`}>{text.awaitingLink(m.name, roleInSentence(m.pendingApproval!.role))}</Link>
          </li>
        ))}
      </ul>
    </Alert>
  );
}

function StaffTable({ items }: { items: StaffMember[] }) {
  return (
    <div className="table--responsive-scroll">
      <table className="table table--zebra">
        <caption className="sr-only">{text.usersCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{text.name}</th>
            <th scope="col">{text.email}</th>
            <th scope="col">{text.role}</th>
            <th scope="col">{text.status}</th>
            <th scope="col">{text.lastSeen}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((m) => (
            <tr key={m.id}>
              <th scope="row">
                <Link to={`/personale/${m.id}`} aria-label={text.open(m.name)}>
                  {m.name}
                </Link>
              </th>
              <td>{m.email}</td>
              <td>{roleName(m.role)}</td>
              <td>{statusText(m)}</td>
              <td>{formatDateTime(m.lastSeenAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
