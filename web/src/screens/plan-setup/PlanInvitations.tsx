import { Alert } from '../../components/Alert';
import { Empty, Loading } from '../../components/Loading';
import { common } from '../../text/common';
import { formatDateTime } from '../../text/format';
import { leaderAdmin } from '../../text/leader-admin';
import { planSetup } from '../../text/plan-setup';
import { useLoad } from '../../app/use-load';
import { useInvitationActions } from '../leader-admin/InvitationActions';
import { failureText, openInvitations, type Invitation } from './plan-setup-api';

const text = planSetup.invitations;

/**
 * The plan's open invitations for the admin. Until the first leader has accepted, nobody in the plan
 * can send their invitation again, so an expired link or a mistyped address is mended here.
 * `round` changes when the admin has just invited someone, so the list is read again.
 */
export function PlanInvitations({ planId, round }: { planId: string; round: number }) {
  const [loaded, replace] = useLoad<Invitation[]>(`${planId}:invitations:${round}`, () => openInvitations(planId));
  const { message, buttonsFor } = useInvitationActions((next, action) => {
    if (loaded.state !== 'loaded') return;
    replace(action === 'resend' ? loaded.data.map((i) => (i.id === next.id ? next : i)) : loaded.data.filter((i) => i.id !== next.id));
  });

  return (
    <section aria-labelledby="plan-invitations-heading">
      <h3 id="plan-invitations-heading">{text.heading}</h3>
      {message}
      {loaded.state === 'loading' && <Loading />}
      {loaded.state === 'failed' && <Alert kind="error">{failureText(loaded.error)}</Alert>}
      {loaded.state === 'loaded' &&
        (loaded.data.length === 0 ? (
          <Empty text={text.empty} />
        ) : (
          <div className="table--responsive-scroll">
            <table className="table table--zebra">
              <caption className="sr-only">{text.caption}</caption>
              <thead>
                <tr>
                  <th scope="col">{text.name}</th>
                  <th scope="col">{text.email}</th>
                  <th scope="col">{text.role}</th>
                  <th scope="col">{text.expiresAt}</th>
                  <th scope="col">{leaderAdmin.invitations.actions}</th>
                </tr>
              </thead>
              <tbody>
                {loaded.data.map((i) => (
                  <tr key={i.id}>
                    <th scope="row">{i.name}</th>
                    <td>{i.email}</td>
                    <td>{common.roles[i.role]}</td>
                    <td>{i.status === 'expired' ? text.expired : i.sentAt ? formatDateTime(i.expiresAt) : leaderAdmin.invitations.notSentYet}</td>
                    <td>{buttonsFor(i)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
    </section>
  );
}
