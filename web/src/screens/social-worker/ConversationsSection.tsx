import { useState } from 'react';
import { Button } from '../../components/Button';
import { Field } from '../../components/Field';
import { Empty } from '../../components/Loading';
import { formatDateTime } from '../../text/format';
import { socialWorker } from '../../text/social-worker';
import { ActionStatus } from './ActionStatus';
import { nowLocal } from './dates';
import { SelectField } from '../../components/SelectField';
import { recordConversation, type Programme } from './social-worker-api';
import { useAction } from './use-action';

const text = socialWorker.conversations;
const KINDS = ['clarification', 'follow_up', 'evaluation'] as const;
const PARTICIPANTS = ['youth', 'guardian', 'employer'] as const;

/** The programme's conversations and the form to log one: the clarification and evaluation conversations are what two phase changes ask for. */
export function ConversationsSection({ p, onChange }: { p: Programme; onChange: () => Promise<void> }) {
  const [kind, setKind] = useState<(typeof KINDS)[number]>(p.phase === 'evaluation' ? 'evaluation' : p.phase === 'clarification' ? 'clarification' : 'follow_up');
  const [who, setWho] = useState<string[]>(['youth', 'guardian']);
  const [when, setWhen] = useState(nowLocal());
  const [note, setNote] = useState('');
  const action = useAction();
  const toggle = (x: string) => setWho((w) => (w.includes(x) ? w.filter((y) => y !== x) : [...w, x]));
  const submit = () => {
    if (!who.length) return action.fail(text.whoMissing);
    void action.run(async () => {
      await recordConversation(p.id, { kind, participants: who as (typeof PARTICIPANTS)[number][], occurredAt: new Date(when).toISOString(), ...(note.trim() ? { note: note.trim() } : {}) });
      setNote('');
      await onChange();
    }, text.saved);
  };
  return (
    <>
      {p.conversations.length === 0 ? (
        <Empty text={text.none} />
      ) : (
        <table className="table table--zebra">
          <caption>{text.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{text.when}</th>
              <th scope="col">{text.kind}</th>
              <th scope="col">{text.who}</th>
              <th scope="col">{text.note}</th>
            </tr>
          </thead>
          <tbody>
            {p.conversations.map((c) => (
              <tr key={c.id}>
                <td>{formatDateTime(c.occurredAt)}</td>
                <td>{text.kindLabel[c.kind] ?? c.kind}</td>
                <td>{c.participants.map((x) => text.participantLabel[x] ?? x).join(', ')}</td>
                <td>{c.note ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {p.nextStep && (
        <div className="section-form">
          <h3>{text.formHeading}</h3>
          <ActionStatus action={action} />
          <SelectField id="conversation-kind" label={text.kindField} value={kind} onChange={(e) => setKind(e.target.value as typeof kind)} options={KINDS.map((k) => [k, text.kindLabel[k]] as const)} />
          <fieldset>
            <legend className="form-label">{text.whoField}</legend>
            {PARTICIPANTS.map((x) => (
              <div className="form-group-checkbox" key={x}>
                <input className="form-checkbox" type="checkbox" id={`conversation-${x}`} checked={who.includes(x)} onChange={() => toggle(x)} />
                <label htmlFor={`conversation-${x}`}>{text.participantLabel[x]}</label>
              </div>
            ))}
          </fieldset>
          <Field id="conversation-when" type="datetime-local" label={text.occurredField} value={when} onChange={(e) => setWhen(e.target.value)} />
          <Field id="conversation-note" label={text.noteField} value={note} onChange={(e) => setNote(e.target.value)} />
          <Button busy={action.busy} onClick={submit}>
            {text.button}
          </Button>
        </div>
      )}
    </>
  );
}
