import { useEffect, useState, useSyncExternalStore } from 'react';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { outbox as theOutbox } from '../../outbox/outbox';
import { outbox as text } from '../../text/counsellor';
import { problemText } from '../../text/problems';

export function useOutbox() {
  return useSyncExternalStore(theOutbox.subscribe, theOutbox.getSnapshot);
}

export function useOnline(): boolean {
  const [online, setOnline] = useState(() => navigator.onLine);
  useEffect(() => {
    const up = () => setOnline(true);
    const down = () => setOnline(false);
    window.addEventListener('online', up);
    window.addEventListener('offline', down);
    return () => {
      window.removeEventListener('online', up);
      window.removeEventListener('offline', down);
    };
  }, []);
  return online;
}

/** What waits to be sent, said where the counsellor looks: "2 venter på at blive sendt". */
export function OutboxStatus() {
  const state = useOutbox();
  const online = useOnline();
  return (
    <div className="outbox-status">
      {!online && <Alert kind="warning">{text.offline}</Alert>}
      <p role="status" className="outbox-count">
        {state.waiting.length > 0 ? text.waiting(state.waiting.length) : ''}
      </p>
      {state.refused.length > 0 && (
        <Alert kind="error" heading={text.refused}>
          <ul className="nobullet-list">
            {state.refused.map((r) => (
              <li key={r.item.key}>
                {r.item.kind === 'visit' ? text.visit : text.contact}: {problemText(r.code ?? undefined)}{' '}
                <Button variant="tertiary" onClick={() => theOutbox.dismissRefused(r.item.key)}>
                  {text.dismiss}
                </Button>
              </li>
            ))}
          </ul>
        </Alert>
      )}
    </div>
  );
}
