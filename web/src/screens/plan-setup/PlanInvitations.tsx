import { useState } from 'react';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { Empty, Loading } from '../../components/Loading';
import { common } from '../../text/common';
import { formatDateTime } from '../../text/format';
import { planSetup } from '../../text/plan-setup';
import { useLoad } from '../../app/use-load';
import { failureText, openInvitations, resendInvitation, revokeInvitation, type Invitation } from './plan-setup-api';

const text = planSetup.invitations;

/**
 * The plan's open invitations for the admin. Until the first leader has accepted, nobody in the plan
 * can send their invitation again, so an expired link or a mistyped address is mended here.
 * `round` changes when the admin has just invited someone, so the list is read again.
 */
export function PlanInvitations({ planId, round }: { planId: string; round: number }) {
  const [loaded, replace] = useLoad<Invitation[]>(`${planId}:invitations:${round}`, () => openInvitations(planId));
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);

  const act = async (invitation: Invitation, action: 'resend' | 'revoke', items: Invitation[]) => {
    setBusy(`${action}-${invitation.id}`);
    setMessage(null);
    try {
      const next = action === 'resend' ? await resendInvitation(invitation.id) : await revokeInvitation(invitation.id);
      replace(action === 'resend' ? items.map((i) => (i.id === next.id ? next : i)) : items.filter((i) => i.id !== next.id));
      setMessage({ kind: 'success', text: action === 'resend' ? text.resent(next.email) : text.revoked(next.email) });
    } catch (error) {
      setMessage({ kind: 'error', text: failureText(error) });
    } finally {
      setBusy(null);
    }
  };

  return (
    <section aria-labelledby="plan-invitations-heading">
      <h3 id="plan-invitations-heading">{text.heading}</h3>
      <div aria-live="polite">{message && <Alert kind={message.kind}>{message.text}</Alert>}</div>
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
                  <th scope="col">{text.actions}</th>
                </tr>
              </thead>
              <tbody>
                {loaded.data.map((i) => (
                  <tr key={i.id}>
                    <th scope="row">{i.name}</th>
                    <td>{i.email}</td>
                    <td>{common.roles[i.role]}</td>
                    <td>{i.status === 'expired' ? text.expired : i.sentAt ? formatDateTime(i.expiresAt) : text.notSentYet}</td>
                    <td>
                      <div className="setup-row-actions">
                        <Button variant="secondary" aria-label={text.resendFor(i.name)} busy={busy === `resend-${i.id}`} onClick={() => act(i, 'resend', loaded.data)}>
                          {text.resend}
                        </Button>
                        <Button variant="tertiary" aria-label={text.revokeFor(i.name)} busy={busy === `revoke-${i.id}`} onClick={() => act(i, 'revoke', loaded.data)}>
                          {text.revoke}
                        </Button>
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
    </section>
  );
}
