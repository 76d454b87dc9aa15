import { useState } from 'react';
import { Link } from 'react-router';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { Field } from '../../components/Field';
import { LoadMore } from '../../components/LoadMore';
import { Empty, Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { SelectField } from '../../components/SelectField';
import { useLoad, useMoreOfList } from '../../app/use-load';
import { employers as text, networkMeetings, statusLabel } from '../../text/employers';
import { failureText } from '../caseworker/caseworker-api';
import { ActionStatus } from '../social-worker/ActionStatus';
import { useAction } from '../social-worker/use-action';
import { createEmployer, employerPage, type EmployerFilter, type EmployerPage, type EmployerStatus } from './employers-api';

const STATUSES = Object.entries(statusLabel) as [EmployerStatus, string][];

/** The plan's one employer register: the list with its status and network filters, and registering an employer (the API checks the CVR). */
export function EmployersPage() {
  const [filter, setFilter] = useState<EmployerFilter>({});
  const [loaded, replace] = useLoad<EmployerPage>(JSON.stringify(filter), () => employerPage(filter));
  const more = useMoreOfList(loaded, replace, (cursor) => employerPage(filter, cursor));
  const [name, setName] = useState('');
  const [cvr, setCvr] = useState('');
  const [sector, setSector] = useState<'private' | 'public'>('private');
  const action = useAction();
  const filtered = Boolean(filter.status || filter.networkOnly);
  const submit = () =>
    void action.run(async () => {
      await createEmployer({ name: name.trim(), sector, ...(cvr.trim() ? { cvr: cvr.replace(/\s/g, '') } : {}) });
      setName('');
      setCvr('');
      replace(await employerPage(filter));
    }, text.created);
  return (
    <>
      <PageHeading>{text.heading}</PageHeading>
      <p>{text.intro}</p>
      <p>
        <Link to="/virksomheder/csr-pris">{text.csrLink}</Link>
      </p>
      <p>
        <Link to="/virksomheder/netvaerksmoeder">{networkMeetings.link}</Link>
      </p>
      <div className="section-form">
        <h2>{text.filterHeading}</h2>
        <SelectField
          id="employers-status"
          label={text.statusFilter}
          empty={text.allStatuses}
          value={filter.status ?? ''}
          onChange={(e) => setFilter({ ...filter, status: (e.target.value || undefined) as EmployerStatus | undefined })}
          options={STATUSES}
        />
        <div className="form-group form-group-checkbox">
          <input className="form-checkbox" type="checkbox" id="employers-network" checked={Boolean(filter.networkOnly)} onChange={(e) => setFilter({ ...filter, networkOnly: e.target.checked })} />
          <label htmlFor="employers-network">{text.networkOnly}</label>
        </div>
      </div>
      {loaded.state === 'loading' && <Loading />}
      {loaded.state === 'failed' && <Alert kind="error">{failureText(loaded.error)}</Alert>}
      {loaded.state === 'loaded' &&
        (loaded.data.items.length === 0 ? (
          <Empty text={filtered ? text.noneMatching : text.none} />
        ) : (
          <>
            <table className="table table--zebra">
              <caption>{text.caption}</caption>
              <thead>
                <tr>
                  <th scope="col">{text.name}</th>
                  <th scope="col">{text.status}</th>
                  <th scope="col">{text.network}</th>
                  <th scope="col">{text.cvr}</th>
                  <th scope="col">{text.sector}</th>
                </tr>
              </thead>
              <tbody>
                {loaded.data.items.map((e) => (
                  <tr key={e.id}>
                    <td>
                      <Link to={`/virksomheder/${e.id}`}>{e.name}</Link>
                    </td>
                    <td>{statusLabel[e.status]}</td>
                    <td>{e.networkMember ? text.yes : text.no}</td>
                    <td>{e.cvr ?? ''}</td>
                    <td>{text.sectorLabel[e.sector] ?? e.sector}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <LoadMore more={more} label={text.more} describe={failureText} />
          </>
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
