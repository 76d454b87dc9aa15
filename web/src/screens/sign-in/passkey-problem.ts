import { signIn } from '../../text/sign-in';
import { summaryOf } from './problem-summary';
import { isPasskeyCancelled } from './sign-in-api';

/** A failed passkey ceremony in Danish: the browser's refusal (cancelled, no passkey here) or the API's. */
export function passkeyProblemText(error: unknown): string {
  if (isPasskeyCancelled(error)) return signIn.passkeyCancelled;
  return summaryOf(error)[0]?.text ?? signIn.passkeyCancelled;
}
