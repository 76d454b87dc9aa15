import { Alert } from '../../components/Alert';
import type { Send } from './use-send';

/** What became of a form's last sending: done (announced politely) or refused. */
export function SendStatus({ send }: { send: Send }) {
  if (send.error) return <Alert kind="error">{send.error}</Alert>;
  return <div aria-live="polite">{send.done && <Alert kind="success">{send.done}</Alert>}</div>;
}
