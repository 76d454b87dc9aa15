import { useState } from 'react';
import { Link } from 'react-router';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { Field } from '../../components/Field';
import { Empty, Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { socialWorker } from '../../text/social-worker';
import { failureText } from '../caseworker/caseworker-api';
import { useLoad } from '../../app/use-load';
import { ActionStatus } from './ActionStatus';
import { SelectField } from '../../components/SelectField';
import { createEmployer, employers, type Employer } from './social-worker-api';
import { useAction } from './use-action';

const text = socialWorker.employers;

/** The plan's employers, and registering one (the API checks the CVR number's digits). */
export function EmployersPage() {
  const [loaded, replace] = useLoad<Employer[]>('employers', employers);
  const [name, setName] = useState('');
  const [cvr, setCvr] = useState('');
  const [sector, setSector] = useState<'private' | 'public'>('private');
  const action = useAction();
  const submit = () =>
    void action.run(async () => {
      await createEmployer({ name: name.trim(), sector, ...(cvr.trim() ? { cvr: cvr.replace(/\s/g, '') } : {}) });
      setName('');
      setCvr('');
      replace(await employers());
    }, text.created);
  return (
    <>
      <PageHeading>{text.heading}</PageHeading>
      {loaded.state === 'loading' && <Loading />}
      {loaded.state === 'failed' && <Alert kind="error">{failureText(loaded.error)}</Alert>}
      {loaded.state === 'loaded' &&
        (loaded.data.length === 0 ? (
          <Empty text={text.none} />
        ) : (
          <table className="table table--zebra">
            <caption>{text.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{text.name}</th>
                <th scope="col">{text.cvr}</th>
                <th scope="col">{text.sector}</th>
              </tr>
            </thead>
            <tbody>
              {loaded.data.map((e) => (
                <tr key={e.id}>
                  <td>
                    <Link to={`/virksomheder/${e.id}`}>{e.name}</Link>
                  </td>
                  <td>{e.cvr ?? ''}</td>
                  <td>{text.sectorLabel[e.sector] ?? e.sector}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      <div className="section-form">
        <h2>{text.formHeading}</h2>
        <ActionStatus action={action} />
        <Field id="employer-name" label={text.nameField} value={name} onChange={(e) => setName(e.target.value)} />
        <Field id="employer-cvr" inputMode="numeric" label={text.cvrField} hint={text.cvrHint} value={cvr} onChange={(e) => setCvr(e.target.value)} />
        <SelectField id="employer-sector" label={text.sectorField} value={sector} onChange={(e) => setSector(e.target.value as typeof sector)} options={(['private', 'public'] as const).map((s) => [s, text.sectorLabel[s]] as const)} />
        <Button busy={action.busy} onClick={submit}>
          {text.create}
        </Button>
      </div>
    </>
  );
}
