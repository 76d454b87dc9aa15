import { type FormEvent, useState } from 'react';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { ErrorSummary, type SummaryItem } from '../../components/ErrorSummary';
import { Field } from '../../components/Field';
import { leaderAdmin } from '../../text/leader-admin';
import { addActivityKind, failureText, type ActivityKind } from './leader-admin-api';

const text = leaderAdmin.activities;
const KEY = /^[a-z][a-z0-9_]{1,39}$/;

/** The built-in kinds and the plan's own, and the form for one more (a social caretaker, a homework café). */
export function KindsSection({ kinds, onAdded }: { kinds: ActivityKind[]; onAdded: (kind: ActivityKind) => void }) {
  const [key, setKey] = useState('');
  const [label, setLabel] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setMessage(null);
    const found: Record<string, string> = {};
    if (!label.trim()) found['kind-label'] = text.kindLabelMissing;
    if (!KEY.test(key)) found['kind-key'] = text.kindKeyInvalid;
    setErrors(found);
    if (Object.keys(found).length) return;
    setBusy(true);
    try {
      const added = await addActivityKind({ key, label: label.trim() });
      onAdded(added);
      setMessage({ kind: 'success', text: text.kindAdded(added.label) });
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
    <section className="admin-section" aria-labelledby="kinds-heading">
      <h2 id="kinds-heading">{text.kindsHeading}</h2>
      <table className="table table--compact">
        <caption className="sr-only">{text.kindsCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{text.kindLabel}</th>
            <th scope="col">{text.kindKey}</th>
            <th scope="col">{text.kindOrigin}</th>
          </tr>
        </thead>
        <tbody>
          {kinds.map((k) => (
            <tr key={k.key}>
              <th scope="row">{k.label}</th>
              <td>{k.key}</td>
              <td>{k.builtIn ? text.builtIn : text.own}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <ErrorSummary items={summary} />
      <div aria-live="polite">{message && <Alert kind={message.kind}>{message.text}</Alert>}</div>
      <form onSubmit={submit} noValidate>
        <Field id="kind-label" label={text.kindLabel} value={label} onChange={(e) => setLabel(e.target.value)} error={errors['kind-label']} />
        <Field id="kind-key" label={text.kindKeyField} hint={text.kindKeyHint} value={key} onChange={(e) => setKey(e.target.value)} error={errors['kind-key']} autoCapitalize="none" />
        <Button type="submit" variant="secondary" busy={busy}>
          {text.addKind}
        </Button>
      </form>
    </section>
  );
}
