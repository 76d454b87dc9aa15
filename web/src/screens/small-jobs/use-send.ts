import { useState } from 'react';
import { failureText } from '../caseworker/caseworker-api';

export interface Send {
  busy: boolean;
  /** The Danish sentence of the last refusal. */
  error: string | null;
  done: string | null;
  run: (work: () => Promise<unknown>, doneText: string) => Promise<boolean>;
  fail: (text: string) => void;
}

/** One form's sending: busy while it is on its way, then what was done or why it was refused (in Danish). */
export function useSend(): Send {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const run = async (work: () => Promise<unknown>, doneText: string) => {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      await work();
      setDone(doneText);
      return true;
    } catch (e) {
      setError(failureText(e));
      return false;
    } finally {
      setBusy(false);
    }
  };
  const fail = (text: string) => {
    setDone(null);
    setError(text);
  };
  return { busy, error, done, run, fail };
}
