import { Alert } from '../../components/Alert';
import type { Action } from './use-action';

/** What became of a form's last sending: done (announced politely) or refused, with what is missing. */
export function ActionStatus({ action }: { action: Action }) {
  if (action.error) {
    return (
      <Alert kind="error">
        <p>{action.error}</p>
        {action.reasons.length > 0 && (
          <ul>
            {action.reasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        )}
      </Alert>
    );
  }
  return <div aria-live="polite">{action.done && <Alert kind="success">{action.done}</Alert>}</div>;
}
