import { useState } from 'react';
import { Button } from '../../components/Button';
import { formatDateTime } from '../../text/format';
import { leaderAdmin } from '../../text/leader-admin';
import { approve, refuseApproval, type StaffMember } from './leader-admin-api';
import { roleInSentence } from './StaffPage';

const text = leaderAdmin.member;

interface Props {
  member: StaffMember;
  meId: string;
  onDone: (next: StaffMember, said: string) => void;
  onFailed: (error: unknown) => void;
}

/**
 * A grant into a role that reads case notes, waiting for a second person: whoever asked may only
 * withdraw it, anyone else who may approve sees "Godkend" and "Afvis".
 */
export function PendingApproval({ member, meId, onDone, onFailed }: Props) {
  const pending = member.pendingApproval!;
  const [busy, setBusy] = useState<'approve' | 'refuse' | null>(null);
  const askedByMe = pending.requestedBy === meId;
  const isMe = member.id === meId;

  const run = async (which: 'approve' | 'refuse') => {
    setBusy(which);
    try {
      const next = which === 'approve' ? await approve(member.id) : await refuseApproval(member.id);
      onDone(next, which === 'approve' ? text.approved : text.refused);
    } catch (error) {
      onFailed(error);
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="admin-section" aria-labelledby="pending-heading">
      <h2 id="pending-heading">{text.pendingHeading}</h2>
      <p>
        {pending.fromRole ? text.pendingChange(roleInSentence(pending.fromRole), roleInSentence(pending.role)) : text.pendingNewAccount(roleInSentence(pending.role))}{' '}
        {text.requestedAt(formatDateTime(pending.requestedAt))}
      </p>
      {askedByMe && <p>{text.requestedByYou}</p>}
      {!isMe && (
        <div className="row-actions">
          {!askedByMe && (
            <Button busy={busy === 'approve'} onClick={() => run('approve')}>
              {text.approve}
            </Button>
          )}
          <Button variant="secondary" busy={busy === 'refuse'} onClick={() => run('refuse')}>
            {askedByMe ? text.withdraw : text.refuse}
          </Button>
        </div>
      )}
    </section>
  );
}
