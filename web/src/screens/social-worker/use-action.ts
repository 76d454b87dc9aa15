import { useState } from 'react';
import { ApiProblem } from '../../api/problem';
import { failureText } from '../caseworker/caseworker-api';
import { refusalRule, requirement } from '../../text/social-worker';

export interface Action {
  busy: boolean;
  /** The Danish sentence of the last refusal. */
  error: string | null;
  /** What a refusal's `errors` listed (a phase change's unmet requirements, an employment's broken rules), in Danish. */
  reasons: string[];
  done: string | null;
  run: (work: () => Promise<unknown>, doneText: string) => Promise<boolean>;
  fail: (text: string) => void;
}

/** One form's sending: busy while it is on its way, then what was done or why it was refused. */
export function useAction(): Action {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [reasons, setReasons] = useState<string[]>([]);
  const [done, setDone] = useState<string | null>(null);
  const run = async (work: () => Promise<unknown>, doneText: string) => {
    setBusy(true);
    setError(null);
    setReasons([]);
    setDone(null);
    try {
      await work();
      setDone(doneText);
      return true;
    } catch (e) {
      setError(failureText(e));
      const rules = e instanceof ApiProblem ? e.fieldErrors.map((f) => f.rule ?? '') : [];
      const words = rules.map((r) => (r in requirement ? requirement[r as keyof typeof requirement].need : refusalRule[r]));
      setReasons([...new Set(words.filter((w): w is string => Boolean(w)))]);
      return false;
    } finally {
      setBusy(false);
    }
  };
  const fail = (text: string) => {
    setDone(null);
    setError(text);
  };
  return { busy, error, reasons, done, run, fail };
}
