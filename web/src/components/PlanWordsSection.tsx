import { type FormEvent, useState } from 'react';
import { Alert } from './Alert';
import { Button } from './Button';
import { ErrorSummary, type SummaryItem } from './ErrorSummary';
import { Field } from './Field';

/** A word of the plan's vocabulary as the API lists it: built-in or the plan's own. */
export interface PlanWord {
  key: string;
  label: string;
  builtIn: boolean;
}

export interface PlanWordsText {
  heading: string;
  caption: string;
  label: string;
  key: string;
  origin: string;
  builtIn: string;
  own: string;
  keyField: string;
  keyHint: string;
  keyInvalid: string;
  labelMissing: string;
  add: string;
  added: (label: string) => string;
}

/** The API's rule for a key, checked before sending so the person is told at the field. */
const KEY = /^[a-z][a-z0-9_]{1,39}$/;

/**
 * A plan's own words next to the built-in ones (activity kinds, volunteer-help topics), and the
 * form for one more: one table and one form, whichever vocabulary it is.
 */
export function PlanWordsSection({
  idPrefix,
  text,
  words,
  add,
  onAdded,
  failureText,
}: {
  /** Distinguishes the section's ids when a page holds two ("kind", "topic"). */
  idPrefix: string;
  text: PlanWordsText;
  words: PlanWord[];
  add: (word: { key: string; label: string }) => Promise<PlanWord>;
  onAdded: (word: PlanWord) => void;
  failureText: (error: unknown) => string;
}) {
  const [key, setKey] = useState('');
  const [label, setLabel] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const labelId = `${idPrefix}-label`;
  const keyId = `${idPrefix}-key`;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setMessage(null);
    const found: Record<string, string> = {};
    if (!label.trim()) found[labelId] = text.labelMissing;
    if (!KEY.test(key)) found[keyId] = text.keyInvalid;
    setErrors(found);
    if (Object.keys(found).length) return;
    setBusy(true);
    try {
      const added = await add({ key, label: label.trim() });
      onAdded(added);
      setMessage({ kind: 'success', text: text.added(added.label) });
      setKey('');
      setLabel('');
    } catch (error) {
      setMessage({ kind: 'error', text: failureText(error) });
    } finally {
      setBusy(false);
    }
  };

  const summary: SummaryItem[] = Object.entries(errors).map(([fieldId, t]) => ({ fieldId, text: t }));
  return (
    <section className="admin-section" aria-labelledby={`${idPrefix}-words-heading`}>
      <h2 id={`${idPrefix}-words-heading`}>{text.heading}</h2>
      <table className="table table--compact">
        <caption className="sr-only">{text.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{text.label}</th>
            <th scope="col">{text.key}</th>
            <th scope="col">{text.origin}</th>
          </tr>
        </thead>
        <tbody>
          {words.map((w) => (
            <tr key={w.key}>
              <th scope="row">{w.label}</th>
              <td>{w.key}</td>
              <td>{w.builtIn ? text.builtIn : text.own}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <ErrorSummary items={summary} />
      <div aria-live="polite">{message && <Alert kind={message.kind}>{message.text}</Alert>}</div>
      <form onSubmit={submit} noValidate>
        <Field id={labelId} label={text.label} value={label} onChange={(e) => setLabel(e.target.value)} error={errors[labelId]} />
        <Field id={keyId} label={text.keyField} hint={text.keyHint} value={key} onChange={(e) => setKey(e.target.value)} error={errors[keyId]} autoCapitalize="none" />
        <Button type="submit" variant="secondary" busy={busy}>
          {text.add}
        </Button>
      </form>
    </section>
  );
}
