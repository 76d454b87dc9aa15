import { type FormEvent, useState } from 'react';
import type { SummaryItem } from '../../components/ErrorSummary';
import { summaryOf } from './problem-summary';

/**
 * One code typed into one field, checked for its shape before it is sent (a typo costs no attempt
 * towards the factor's lock), then sent; a refusal is shown at the field. The second steps of sign-in
 * (authenticator code, recovery code) and enrolment's first code share it.
 */
export function useCodeForm<T>(options: {
  fieldId: string;
  /** What is sent from what was typed, or null when it cannot be a code (then `formatError` is shown). */
  parse: (typed: string) => string | null;
  formatError: string;
  send: (code: string) => Promise<T>;
  onSent: (answer: T) => void;
  /** An authenticator code is gone after a wrong try; a recovery code is worth correcting. */
  clearOnRefusal: boolean;
}) {
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<SummaryItem[]>([]);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = options.parse(code);
    if (parsed === null) {
      setErrors([{ fieldId: options.fieldId, text: options.formatError }]);
      return;
    }
    setBusy(true);
    try {
      options.onSent(await options.send(parsed));
    } catch (error) {
      setErrors(summaryOf(error, options.fieldId));
      if (options.clearOnRefusal) setCode('');
    } finally {
      setBusy(false);
    }
  };

  return { code, setCode, errors, setErrors, busy, submit, fieldError: errors.find((e) => e.fieldId === options.fieldId)?.text };
}

/** Six digits, spaces allowed as the app shows them ("123 456"). */
export const authenticatorCode = (typed: string): string | null => {
  const digits = typed.replace(/\s/g, '');
  return /^\d{6}$/.test(digits) ? digits : null;
};
