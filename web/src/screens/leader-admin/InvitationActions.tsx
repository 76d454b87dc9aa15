import { type ReactNode, useState } from 'react';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { leaderAdmin } from '../../text/leader-admin';
import { failureText, resendInvitation, revokeInvitation, type Invitation } from './leader-admin-api';

const text = leaderAdmin.invitations;

export type InvitationAction = 'resend' | 'revoke';

/**
 * Sending an invitation again (a new link) or withdrawing it, for the leader's list and the admin's
 * list of a plan's invitations alike: the row's buttons, and the message that says how it went.
 */
export function useInvitationActions(onChanged: (next: Invitation, action: InvitationAction) => void): {
  message: ReactNode;
  buttonsFor: (invitation: Invitation) => ReactNode;
} {
  const [busy, setBusy] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);

  const act = async (invitation: Invitation, action: InvitationAction) => {
    setBusy(`${action}-${invitation.id}`);
    setOutcome(null);
    try {
      const next = action === 'resend' ? await resendInvitation(invitation.id) : await revokeInvitation(invitation.id);
      onChanged(next, action);
      setOutcome({ kind: 'success', text: action === 'resend' ? text.resent(next.email) : text.revoked(next.email) });
    } catch (error) {
      setOutcome({ kind: 'error', text: failureText(error) });
    } finally {
      setBusy(null);
    }
  };

  return {
    message: <div aria-live="polite">{outcome && <Alert kind={outcome.kind}>{outcome.text}</Alert>}</div>,
    buttonsFor: (i) => (
      <div className="row-actions">
        <Button variant="secondary" aria-label={text.resendFor(i.name)} busy={busy === `resend-${i.id}`} onClick={() => act(i, 'resend')}>
          {text.resend}
        </Button>
        <Button variant="tertiary" aria-label={text.revokeFor(i.name)} busy={busy === `revoke-${i.id}`} onClick={() => act(i, 'revoke')}>
          {text.revoke}
        </Button>
      </div>
    ),
  };
}
