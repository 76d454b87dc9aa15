import { ApiProblem, NetworkProblem } from '../../api/problem';
import type { SummaryItem } from '../../components/ErrorSummary';
import { networkProblem, problemText } from '../../text/problems';

/** A failed step as the error summary shows it: the Danish sentence of the refusal's code. */
export function summaryOf(error: unknown, fieldId?: string): SummaryItem[] {
  if (error instanceof ApiProblem) return [{ fieldId, text: problemText(error.code) }];
  if (error instanceof NetworkProblem) return [{ text: networkProblem }];
  return [{ text: problemText(undefined) }];
}
