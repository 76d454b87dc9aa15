import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useLoad } from '../../app/use-load';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { Field } from '../../components/Field';
import { Empty, Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { formatDate, formatDateTime } from '../../text/format';
import { attemptOutcomeLabel, outreach as text } from '../../text/outreach';
import { failureText } from '../caseworker/caseworker-api';
import { SendStatus } from '../small-jobs/SendStatus';
import { useSend } from '../small-jobs/use-send';
import { AttemptForm } from './AttemptForm';
import { addPerson, list, type OutreachListDetails, type Person } from './outreach-api';
import '../small-jobs/small-jobs.css';

function lastAttempt(p: Person): string {
  const last = p.attempts[p.attempts.length - 1];
  return last ? `${attemptOutcomeLabel[last.outcome]} (${formatDateTime(last.at)})` : text.notVisited;
}

/** One list: its legal basis and retention, the young people on it with their visits, adding one and recording a visit. */
export function OutreachListPage() {
  const { id = '' } = useParams();
  const [loaded, replace] = useLoad<OutreachListDetails>(id, () => list(id));
  // The forms stay on the page with what they said; only the list's people are read again.
  const reload = () => void list(id).then(replace, () => undefined);
  if (loaded.state === 'loading') return <Loading />;
  if (loaded.state === 'failed') {
    return (
      <>
        <PageHeading>{text.heading}</PageHeading>
        <Alert kind="error">{failureText(loaded.error)}</Alert>
        <Link to="/opsoegende">{text.back}</Link>
      </>
    );
  }
  const l = loaded.data;
  return (
    <>
      <p>
        <Link to="/opsoegende">{text.back}</Link>
      </p>
      <PageHeading>{l.name}</PageHeading>
      <dl className="work-facts">
        <dt>{text.source}</dt>
        <dd>{l.source}</dd>
        <dt>{text.legalBasis}</dt>
        <dd>{l.legalBasis}</dd>
        <dt>{text.retainedUntil}</dt>
        <dd>{formatDate(l.retainedUntil)}</dd>
      </dl>
      {l.expired && <Alert kind="info">{text.expired}</Alert>}
      {l.people.length === 0 ? (
        <Empty text={text.noPeople} />
      ) : (
        <table className="table table--zebra">
          <caption>{text.peopleCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{text.personNameField}</th>
              <th scope="col">{text.address}</th>
              <th scope="col">{text.birthYear}</th>
              <th scope="col">{text.lastAttempt}</th>
              <th scope="col">{text.caseOpened}</th>
            </tr>
          </thead>
          <tbody>
            {l.people.map((p) => {
              const opened = p.attempts.find((a) => a.caseId);
              return (
                <tr key={p.id}>
                  <td>{p.name}</td>
                  <td>{p.address ?? ''}</td>
                  <td>{p.birthYear ?? ''}</td>
                  <td>{lastAttempt(p)}</td>
                  <td>{opened?.caseId ? <Link to={`/sager/${opened.caseId}`}>{text.openCaseLink}</Link> : ''}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {!l.expired && (
        <>
          <AttemptForm listId={l.id} people={l.people} onRecorded={reload} />
          <AddPersonForm listId={l.id} onAdded={reload} />
        </>
      )}
    </>
  );
}

function AddPersonForm({ listId, onAdded }: { listId: string; onAdded: () => void }) {
  const [name, setName] = useState('');
  const [address, setAddress] = useState('');
  const [birthYear, setBirthYear] = useState('');
  const [key, setKey] = useState(() => crypto.randomUUID());
  const send = useSend();
  const submit = () =>
    void send
      .run(() => addPerson(listId, { name: name.trim(), ...(address.trim() ? { address: address.trim() } : {}), ...(birthYear.trim() ? { birthYear: Number(birthYear) } : {}) }, key), text.added)
      .then((ok) => {
        if (!ok) return;
        setKey(crypto.randomUUID());
        setName('');
        setAddress('');
        setBirthYear('');
        onAdded();
      });
  return (
    <div className="work-form">
      <h2>{text.addHeading}</h2>
      <SendStatus send={send} />
      <Field id="outreach-person-name" label={text.personNameField} value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" />
      <Field id="outreach-person-address" label={text.addressField} value={address} onChange={(e) => setAddress(e.target.value)} autoComplete="off" />
      <Field id="outreach-person-birth-year" inputMode="numeric" label={text.birthYearField} value={birthYear} onChange={(e) => setBirthYear(e.target.value)} />
      <Button busy={send.busy} onClick={submit}>
        {text.add}
      </Button>
    </div>
  );
}
