import { useCallback } from 'react';
import { ApiProblem, NetworkProblem } from '../../api/problem';
import { networkProblem, problemText } from '../../text/problems';
import { consentRefusal } from '../../text/counsellor';

/** The refusal inside an error, if the API answered one. */
export function problemOf(error: unknown): { code: string; status: number; body: Record<string, unknown> } | null {
  return error instanceof ApiProblem ? { code: error.code, status: error.status, body: error.extensions } : null;
}

/** A Danish sentence for whatever went wrong; the API's English `detail` is never shown. */
export function describeProblem(error: unknown): string {
  if (error instanceof NetworkProblem) return networkProblem;
  if (error instanceof ApiProblem) {
    if (error.code === 'consent_required') return consentRefusal(error.extensions.latestConsent as Parameters<typeof consentRefusal>[0]);
    return problemText(error.code);
  }
  return problemText(undefined);
}

export function useProblemText(): (error: unknown) => string {
  return useCallback(describeProblem, []);
}
