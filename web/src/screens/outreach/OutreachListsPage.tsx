import { useState } from 'react';
import { Link } from 'react-router';
import { useLoad, useMoreOfList } from '../../app/use-load';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { Field } from '../../components/Field';
import { LoadMore } from '../../components/LoadMore';
import { Empty, Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { formatDate } from '../../text/format';
import { outreach as text } from '../../text/outreach';
import { smallJobs } from '../../text/small-jobs';
import { failureText } from '../caseworker/caseworker-api';
import { SendStatus } from '../small-jobs/SendStatus';
import { useSend } from '../small-jobs/use-send';
import { createList, lists, type OutreachListPage } from './outreach-api';
import '../small-jobs/small-jobs.css';

/** The plan's outreach lists with counts, and setting up a new one with its legal basis and retention. */
export function OutreachListsPage() {
  const [version, setVersion] = useState(0);
  const [loaded, replace] = useLoad<OutreachListPage>(`outreach-lists-${version}`, () => lists());
  const more = useMoreOfList(loaded, replace, (cursor) => lists(cursor));
  const [name, setName] = useState('');
  const [source, setSource] = useState('');
  const [legalBasis, setLegalBasis] = useState('');
  const [retentionDays, setRetentionDays] = useState('90');
  const [key, setKey] = useState(() => crypto.randomUUID());
  const send = useSend();
  const submit = () =>
    void send.run(() => createList({ name: name.trim(), source: source.trim(), legalBasis: legalBasis.trim(), retentionDays: Number(retentionDays) }, key), text.created).then((ok) => {
      if (!ok) return;
      setKey(crypto.randomUUID());
      setName('');
      setSource('');
      setLegalBasis('');
      setVersion((v) => v + 1);
    });
  return (
    <>
      <PageHeading>{text.heading}</PageHeading>
      <p>{text.intro}</p>
      {loaded.state === 'loading' && <Loading />}
      {loaded.state === 'failed' && <Alert kind="error">{failureText(loaded.error)}</Alert>}
      {loaded.state === 'loaded' &&
        (loaded.data.items.length === 0 ? (
          <Empty text={text.none} />
        ) : (
          <table className="table table--zebra">
            <caption>{text.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{text.name}</th>
                <th scope="col">{text.source}</th>
                <th scope="col">{text.people}</th>
                <th scope="col">{text.attempts}</th>
                <th scope="col">{text.retainedUntil}</th>
              </tr>
            </thead>
            <tbody>
              {loaded.data.items.map((l) => (
                <tr key={l.id}>
                  <td>
                    <Link to={`/opsoegende/${l.id}`}>{l.name}</Link>
                  </td>
                  <td>{l.source}</td>
                  <td>{l.peopleCount}</td>
                  <td>{l.attemptCount}</td>
                  <td>{l.namesDeletedAt ? text.deleted : formatDate(l.retainedUntil)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      <LoadMore more={more} label={smallJobs.more} describe={failureText} />
      <div className="work-form">
        <h2>{text.newHeading}</h2>
        <SendStatus send={send} />
        <Field id="outreach-list-name" label={text.nameField} value={name} onChange={(e) => setName(e.target.value)} />
        <Field id="outreach-list-source" label={text.sourceField} value={source} onChange={(e) => setSource(e.target.value)} />
        <Field id="outreach-list-basis" label={text.legalBasisField} hint={text.legalBasisHint} value={legalBasis} onChange={(e) => setLegalBasis(e.target.value)} />
        <Field id="outreach-list-retention" inputMode="numeric" label={text.retentionField} hint={text.retentionHint} value={retentionDays} onChange={(e) => setRetentionDays(e.target.value)} />
        <Button busy={send.busy} onClick={submit}>
          {text.create}
        </Button>
      </div>
    </>
  );
}
