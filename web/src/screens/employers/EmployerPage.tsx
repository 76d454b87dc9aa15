import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { SelectField } from '../../components/SelectField';
import { useLoad } from '../../app/use-load';
import { useSession } from '../../app/session';
import { employers as text, statusLabel } from '../../text/employers';
import { failureText } from '../caseworker/caseworker-api';
import { ActionStatus } from '../social-worker/ActionStatus';
import { useAction } from '../social-worker/use-action';
import { AgreementsSection } from './AgreementsSection';
import { ContactsSection } from './ContactsSection';
import { employer, setStatus, type EmployerDetails, type EmployerStatus } from './employers-api';
import { NetworkSection } from './NetworkSection';

/**
 * One employer of the register: its status, contact log and network membership, which counsellors
 * and social workers keep alike; its cooperation agreements and matched youth are the social worker's.
 */
export function EmployerPage() {
  const { id = '' } = useParams();
  const { me } = useSession();
  const [loaded, replace] = useLoad<EmployerDetails>(id, () => employer(id));
  if (loaded.state === 'loading') return <Loading />;
  if (loaded.state === 'failed') {
    return (
      <>
        <PageHeading>{text.heading}</PageHeading>
        <Alert kind="error">{failureText(loaded.error)}</Alert>
        <Link to="/virksomheder">{text.back}</Link>
      </>
    );
  }
  const e = loaded.data;
  const reload = async () => replace(await employer(id));
  return (
    <>
      <p>
        <Link to="/virksomheder">{text.back}</Link>
      </p>
      <PageHeading>{e.name}</PageHeading>
      <dl className="facts">
        <dt>{text.status}</dt>
        <dd>{statusLabel[e.status]}</dd>
        <dt>{text.network}</dt>
        <dd>{e.networkMember ? text.yes : text.no}</dd>
        <dt>{text.cvr}</dt>
        <dd>{e.cvr ?? ''}</dd>
        <dt>{text.sector}</dt>
        <dd>{text.sectorLabel[e.sector] ?? e.sector}</dd>
      </dl>
      {e.meetingsAttended > 0 && <p>{text.meetingsAttended(e.meetingsAttended)}</p>}
      <StatusForm employer={e} onSaved={reload} />
      <ContactsSection employerId={id} onLogged={reload} />
      <NetworkSection employer={e} onChanged={reload} />
      <AgreementsSection employer={e} mayRecord={me?.role === 'social_worker'} onRecorded={reload} />
    </>
  );
}

function StatusForm({ employer: e, onSaved }: { employer: EmployerDetails; onSaved: () => Promise<void> }) {
  const [status, setStatusValue] = useState<EmployerStatus>(e.status);
  const action = useAction();
  const submit = () =>
    void action.run(async () => {
      await setStatus(e.id, status, e.version);
      await onSaved();
    }, text.statusSaved);
  return (
    <div className="section-form">
      <h2>{text.statusHeading}</h2>
      <ActionStatus action={action} />
      <SelectField id="employer-status" label={text.statusField} hint={text.statusHint} value={status} onChange={(x) => setStatusValue(x.target.value as EmployerStatus)} options={Object.entries(statusLabel)} />
      <Button busy={action.busy} onClick={submit}>
        {text.saveStatus}
      </Button>
    </div>
  );
}
