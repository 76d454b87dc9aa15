import { useEffect, useRef } from 'react';
import { Button } from '../components/Button';
import { outbox as text } from '../text/counsellor';
import { outbox } from './outbox';

/** Asked before signing out while something waits to be sent: the conversations in memory would be lost. */
export function SignOutWarning({ onConfirm, onCancel }: { onConfirm: () => void; onCancel: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div className="alert alert-warning sign-out-warning" role="alertdialog" aria-labelledby="sign-out-warning-heading" aria-describedby="sign-out-warning-text" tabIndex={-1} ref={ref}>
      <div className="alert-body">
        <p className="alert-heading" id="sign-out-warning-heading">
          {text.waiting(outbox.waitingCount())}
        </p>
        <p className="alert-text" id="sign-out-warning-text">
          {text.leaveWarning}
        </p>
        <div className="button-row">
          <Button variant="secondary" onClick={onCancel}>
            {text.stay}
          </Button>
          <Button variant="tertiary" onClick={onConfirm}>
            {text.confirmLogout}
          </Button>
        </div>
      </div>
    </div>
  );
}
