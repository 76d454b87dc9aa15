import { useState } from 'react';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { Field } from '../../components/Field';
import { LoadMore } from '../../components/LoadMore';
import { Empty, Loading } from '../../components/Loading';
import { SelectField } from '../../components/SelectField';
import { useLoad, useMoreOfList } from '../../app/use-load';
import { contactKindLabel, employers as text, type ContactKind } from '../../text/employers';
import { formatDateTime } from '../../text/format';
import { failureText } from '../caseworker/caseworker-api';
import { ActionStatus } from '../social-worker/ActionStatus';
import { nowLocal } from '../social-worker/dates';
import { useAction } from '../social-worker/use-action';
import { contacts, recordContact, type ContactPage } from './employers-api';

/** The employer's contact log, latest first, and logging a contact (which makes a prospect "Kontaktet"). */
export function ContactsSection({ employerId, onLogged }: { employerId: string; onLogged: () => Promise<void> }) {
  const [loaded, replace] = useLoad<ContactPage>(employerId, () => contacts(employerId));
  const more = useMoreOfList(loaded, replace, (cursor) => contacts(employerId, cursor));
  const [at, setAt] = useState(nowLocal());
  const [kind, setKind] = useState<ContactKind>('visit');
  const [note, setNote] = useState('');
  const action = useAction();
  const submit = () =>
    void action.run(async () => {
      await recordContact(employerId, { at, kind, ...(note.trim() ? { note: note.trim() } : {}) });
      setNote('');
      replace(await contacts(employerId));
      await onLogged();
    }, text.contactSaved);
  return (
    <section aria-labelledby="contacts-heading">
      <h2 id="contacts-heading">{text.contactsHeading}</h2>
      {loaded.state === 'loading' && <Loading />}
      {loaded.state === 'failed' && <Alert kind="error">{failureText(loaded.error)}</Alert>}
      {loaded.state === 'loaded' &&
        (loaded.data.items.length === 0 ? (
          <Empty text={text.noContacts} />
        ) : (
          <>
            <table className="table table--zebra">
              <caption>{text.contactsCaption}</caption>
              <thead>
                <tr>
                  <th scope="col">{text.contactAt}</th>
                  <th scope="col">{text.contactKind}</th>
                  <th scope="col">{text.contactBy}</th>
                  <th scope="col">{text.contactNote}</th>
                </tr>
              </thead>
              <tbody>
                {loaded.data.items.map((c) => (
                  <tr key={c.id}>
                    <td>{formatDateTime(c.at)}</td>
                    <td>{contactKindLabel[c.kind]}</td>
                    <td>{c.recordedByName ?? text.unknownStaff}</td>
                    <td>{c.note ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <LoadMore more={more} label={text.moreContacts} describe={failureText} />
          </>
        ))}
      <div className="section-form">
        <h3>{text.contactFormHeading}</h3>
        <ActionStatus action={action} />
        <Field id="contact-at" type="datetime-local" label={text.contactAtField} value={at} onChange={(e) => setAt(e.target.value)} />
        <SelectField id="contact-kind" label={text.contactKindField} value={kind} onChange={(e) => setKind(e.target.value as ContactKind)} options={Object.entries(contactKindLabel)} />
        <Field id="contact-note" label={text.contactNoteField} hint={text.contactNoteHint} maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} />
        <Button busy={action.busy} onClick={submit}>
          {text.contactButton}
        </Button>
      </div>
    </section>
  );
}
