import { useState } from 'react';
import { Alert } from '../../components/Alert';
import { Empty, Loading } from '../../components/Loading';
import { formatDateTime } from '../../text/format';
import { leaderAdmin } from '../../text/leader-admin';
import { useLoad, useMoreOfList } from '../../app/use-load';
import { LoadMore } from '../../components/LoadMore';
import { useInvitationActions } from './InvitationActions';
import { failureText, invitations, type Invitation, type InvitationPage } from './leader-admin-api';
import { roleName } from './StaffPage';

const text = leaderAdmin.invitations;

/** The plan's invitations, newest first; an open one can be sent again (a new link) or withdrawn. */
export function InvitationsSection({ added }: { added: Invitation[] }) {
  const [loaded, replace] = useLoad<InvitationPage>('invitations', () => invitations());
  const more = useMoreOfList(loaded, replace, (cursor) => invitations(cursor));
  const [changed, setChanged] = useState<Record<string, Invitation>>({});
  const { message, buttonsFor } = useInvitationActions((next) => setChanged((c) => ({ ...c, [next.id]: next })));

  const listed = loaded.state === 'loaded' ? loaded.data.items : [];
  const seen = new Set(listed.map((i) => i.id));
  const items = [...added.filter((i) => !seen.has(i.id)), ...listed].map((i) => changed[i.id] ?? i);

  return (
    <section className="admin-section" aria-labelledby="invitations-heading">
      <h2 id="invitations-heading">{text.heading}</h2>
      {message}
      {loaded.state === 'loading' && <Loading />}
      {loaded.state === 'failed' && <Alert kind="error">{failureText(loaded.error)}</Alert>}
      {loaded.state === 'loaded' && items.length === 0 && <Empty text={text.empty} />}
      {items.length > 0 && (
        <div className="table--responsive-scroll">
          <table className="table table--zebra">
            <caption className="sr-only">{text.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{leaderAdmin.staff.name}</th>
                <th scope="col">{leaderAdmin.staff.email}</th>
                <th scope="col">{leaderAdmin.staff.role}</th>
                <th scope="col">{leaderAdmin.staff.status}</th>
                <th scope="col">{text.invitedAt}</th>
                <th scope="col">{text.expiresAt}</th>
                <th scope="col">{text.actions}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((i) => (
                <tr key={i.id}>
                  <th scope="row">{i.name}</th>
                  <td>{i.email}</td>
                  <td>{roleName(i.role)}</td>
                  <td>{i.status === 'invited' && !i.sentAt ? text.notSentYet : text.status[i.status]}</td>
                  <td>{formatDateTime(i.createdAt)}</td>
                  <td>{i.status === 'invited' ? formatDateTime(i.expiresAt) : ''}</td>
                  <td>
                    {(i.status === 'invited' || i.status === 'expired') && buttonsFor(i)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <LoadMore more={more} label={leaderAdmin.staff.more} describe={failureText} />
    </section>
  );
}
