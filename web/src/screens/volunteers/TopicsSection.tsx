import { type FormEvent, useEffect, useState } from 'react';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { ErrorSummary, type SummaryItem } from '../../components/ErrorSummary';
import { Field } from '../../components/Field';
import { volunteers } from '../../text/volunteers';
import { addTopic, failureText, topics, type Topic } from './volunteers-api';

const text = volunteers.summary;
const KEY = /^[a-z][a-z0-9_]{1,39}$/;

/** The topics volunteers choose from: the built-in ones and the plan's own, which the leader adds here. */
export function TopicsSection() {
  const [list, setList] = useState<Topic[]>([]);
  const [key, setKey] = useState('');
  const [label, setLabel] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    topics().then(setList, (error: unknown) => setMessage({ kind: 'error', text: failureText(error) }));
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setMessage(null);
    const found: Record<string, string> = {};
    if (!label.trim()) found['topic-label'] = text.topicLabelMissing;
    if (!KEY.test(key)) found['topic-key'] = text.topicKeyInvalid;
    setErrors(found);
    if (Object.keys(found).length) return;
    setBusy(true);
    try {
      const added = await addTopic({ key, label: label.trim() });
      setList((l) => [...l, added]);
      setMessage({ kind: 'success', text: text.topicAdded(added.label) });
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
    <section className="admin-section" aria-labelledby="topics-heading">
      <h2 id="topics-heading">{text.topicsHeading}</h2>
      <table className="table table--compact">
        <caption className="sr-only">{text.topicsCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{text.topicLabel}</th>
            <th scope="col">{text.topicKey}</th>
            <th scope="col">{text.topicOrigin}</th>
          </tr>
        </thead>
        <tbody>
          {list.map((t) => (
            <tr key={t.key}>
              <th scope="row">{t.label}</th>
              <td>{t.key}</td>
              <td>{t.builtIn ? text.builtIn : text.own}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <ErrorSummary items={summary} />
      <div aria-live="polite">{message && <Alert kind={message.kind}>{message.text}</Alert>}</div>
      <form onSubmit={submit} noValidate>
        <Field id="topic-label" label={text.topicLabel} value={label} onChange={(e) => setLabel(e.target.value)} error={errors['topic-label']} />
        <Field id="topic-key" label={text.topicKeyField} hint={text.topicKeyHint} value={key} onChange={(e) => setKey(e.target.value)} error={errors['topic-key']} autoCapitalize="none" />
        <Button type="submit" variant="secondary" busy={busy}>
          {text.addTopic}
        </Button>
      </form>
    </section>
  );
}
