import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useSession } from '../../app/session';
import { Alert } from '../../components/Alert';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { formatDateTime } from '../../text/format';
import { leaderAdmin } from '../../text/leader-admin';
import { useLoad } from '../../app/use-load';
import { failureText, member, type StaffMember } from './leader-admin-api';
import { MemberActions } from './MemberActions';
import { PendingApproval } from './PendingApproval';
import { roleName, statusText } from './StaffPage';
import './leader-admin.css';

const text = leaderAdmin.member;

/** One member of staff: who they are, a grant waiting for approval, their role and access, their second factor. */
export function StaffMemberPage() {
  const { id = '' } = useParams();
  const { me } = useSession();
  const [loaded, replace] = useLoad<StaffMember>(id, () => member(id));
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);

  /** Each action answers the member as they are now, and says what happened. */
  const done = (next: StaffMember, said: string) => {
    replace(next);
    setMessage({ kind: 'success', text: said });
  };
  const failed = (error: unknown) => setMessage({ kind: 'error', text: failureText(error) });

  return (
    <>
      <p>
        <Link to="/personale">{text.back}</Link>
      </p>
      {loaded.state === 'loading' && <Loading />}
      {loaded.state === 'failed' && <Alert kind="error">{failureText(loaded.error)}</Alert>}
      {loaded.state === 'loaded' && (
        <>
          <PageHeading>{loaded.data.name}</PageHeading>
          <div aria-live="polite">{message && <Alert kind={message.kind}>{message.text}</Alert>}</div>
          <dl className="facts">
            <dt>{leaderAdmin.staff.email}</dt>
            <dd>{loaded.data.email}</dd>
            <dt>{leaderAdmin.staff.role}</dt>
            <dd>{roleName(loaded.data.role)}</dd>
            <dt>{leaderAdmin.staff.status}</dt>
            <dd>{statusText(loaded.data)}</dd>
            <dt>{text.lastSeen}</dt>
            <dd>{formatDateTime(loaded.data.lastSeenAt)}</dd>
          </dl>
          {loaded.data.pendingApproval && <PendingApproval member={loaded.data} meId={me?.id ?? ''} onDone={done} onFailed={failed} />}
          {loaded.data.id === me?.id ? <p>{text.yourself}</p> : <MemberActions member={loaded.data} onDone={done} onFailed={failed} />}
        </>
      )}
    </>
  );
}
