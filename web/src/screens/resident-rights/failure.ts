import { ApiProblem, NetworkProblem } from '../../api/problem';
import { networkProblem, problemText } from '../../text/problems';
import { rights } from '../../text/resident-rights';

/** A failed call in Danish: the refusal's code, with the longer story where a bare code would leave staff guessing. */
export function failureText(error: unknown): string {
  if (error instanceof ApiProblem) return error.code === 'programme_running' ? rights.erasure.programmeRunning : problemText(error.code);
  if (error instanceof NetworkProblem) return networkProblem;
  return problemText(undefined);
}
