import { type FormEvent, useState } from 'react';
import { Button } from '../../components/Button';
import { Field } from '../../components/Field';
import { outbox } from '../../outbox/outbox';
import { CHANNELS, caseView as text } from '../../text/counsellor';
import { useCurrentUser } from './current-user';
import { newKey } from './counsellor-api';

/** `2026-12-07T14:05` in the device's time, for a datetime-local field. */
function localNow(): string {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

/**
 * A further conversation. The time is now unless the counsellor changes it; the conversation
 * goes through the outbox with its key, so a dropped connection queues it instead of losing it.
 */
export function ContactForm({ caseId, onSent }: { caseId: string; onSent: () => void }) {
  const user = useCurrentUser();
  const [when, setWhen] = useState(localNow);
  const [whenEdited, setWhenEdited] = useState(false);
  const [channel, setChannel] = useState('in_person');
  const [duration, setDuration] = useState('');
  const [note, setNote] = useState('');
  const [notice, setNotice] = useState('');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const key = newKey();
    const occurredAt = whenEdited && when ? new Date(when).toISOString() : new Date().toISOString();
    outbox.enqueue({
      kind: 'contact',
      key,
      userId: user.id,
      caseId,
      body: { occurredAt, channel, ...(duration ? { durationMinutes: Number(duration) } : {}), ...(note.trim() ? { note: note.trim() } : {}) },
      enteredAt: new Date().toISOString(),
    });
    setNote('');
    setDuration('');
    setWhen(localNow());
    setWhenEdited(false);
    await outbox.flush();
    const stillWaiting = outbox.getSnapshot().waiting.some((i) => i.key === key);
    const refused = outbox.getSnapshot().refused.some((r) => r.item.key === key);
    setNotice(stillWaiting ? text.queued : refused ? '' : text.saved);
    if (!stillWaiting && !refused) onSent();
  };

  return (
    <form onSubmit={(e) => void submit(e)} aria-labelledby="contact-heading">
      <h2 id="contact-heading">{text.logConversation}</h2>
      <p role="status">{notice}</p>
      <Field
        id="contact-when"
        type="datetime-local"
        label={text.occurredAt}
        hint={text.nowHint}
        value={when}
        onChange={(e) => {
          setWhen(e.target.value);
          setWhenEdited(true);
        }}
      />
      <div className="form-group">
        <label className="form-label" htmlFor="contact-channel">
          {text.channel}
        </label>
        <select className="form-select" id="contact-channel" value={channel} onChange={(e) => setChannel(e.target.value)}>
          {Object.entries(CHANNELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <Field id="contact-duration" type="number" min={0} max={1440} inputMode="numeric" label={text.duration} value={duration} onChange={(e) => setDuration(e.target.value)} />
      <div className="form-group">
        <label className="form-label" htmlFor="contact-note">
          {text.note}
        </label>
        <textarea className="form-input" id="contact-note" rows={4} maxLength={4000} value={note} onChange={(e) => setNote(e.target.value)} />
      </div>
      <Button type="submit">{text.save}</Button>
    </form>
  );
}
