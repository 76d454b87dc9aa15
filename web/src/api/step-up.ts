/**
 * Step-up, at one place for every screen: when an answer is 401 `step_up_required`, the client
 * (api/client.ts) asks the prompt registered here (the step-up dialog) and, once the user has
 * proved their second factor, sends the request again. Several reads refused at the same moment
 * share one dialog.
 */
export type StepUpPrompt = () => Promise<boolean>;

let prompt: StepUpPrompt | null = null;
let pending: Promise<boolean> | null = null;

/** The dialog registers itself while it is mounted; answers the unregistration. */
export function onStepUpRequired(next: StepUpPrompt): () => void {
  prompt = next;
  return () => {
    if (prompt === next) prompt = null;
  };
}

/** Whether the user stepped up (true: retry), or cancelled or cannot (false: the refusal stands). */
export function stepUp(): Promise<boolean> {
  if (!prompt) return Promise.resolve(false);
  pending ??= prompt().finally(() => {
    pending = null;
  });
  return pending;
}
