import { useState } from 'react';
import { Link } from 'react-router';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { Field } from '../../components/Field';
import { Empty, Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { SelectField } from '../../components/SelectField';
import { useLoad } from '../../app/use-load';
import { useSession } from '../../app/session';
import { csrAwards as text } from '../../text/employers';
import { failureText } from '../caseworker/caseworker-api';
import { ActionStatus } from '../social-worker/ActionStatus';
import { useAction } from '../social-worker/use-action';
import { allEmployers, awardCsrPrize, csrAwards, type CsrAward, type EmployerListItem } from './employers-api';

interface Page {
  awards: CsrAward[];
  employers: EmployerListItem[];
}

const loadPage = async (): Promise<Page> => {
  const [awards, employers] = await Promise.all([csrAwards(), allEmployers()]);
  return { awards, employers };
};

/**
 * The plan's local CSR prize: each year's winner and nominees, and recording this year's. The
 * leader comes here from the main menu and has no employer pages, so sees the winners as names.
 */
export function CsrAwardsPage() {
  const { me } = useSession();
  const inRegister = me?.role !== 'leader';
  const [loaded, replace] = useLoad<Page>('csr-awards', loadPage);
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const [winner, setWinner] = useState('');
  const [nominees, setNominees] = useState<string[]>([]);
  const [reason, setReason] = useState('');
  const action = useAction();
  const submit = () =>
    void action.run(async () => {
      await awardCsrPrize({ year: Number(year), employerId: winner, nominees, ...(reason.trim() ? { reason: reason.trim() } : {}) });
      setReason('');
      setNominees([]);
      replace(await loadPage());
    }, text.saved);
  const toggle = (id: string, on: boolean) => setNominees(on ? [...nominees, id] : nominees.filter((n) => n !== id));
  return (
    <>
      {inRegister && (
        <p>
          <Link to="/virksomheder">{text.back}</Link>
        </p>
      )}
      <PageHeading>{text.heading}</PageHeading>
      <p>{text.intro}</p>
      {loaded.state === 'loading' && <Loading />}
      {loaded.state === 'failed' && <Alert kind="error">{failureText(loaded.error)}</Alert>}
      {loaded.state === 'loaded' && (
        <>
          {loaded.data.awards.length === 0 ? (
            <Empty text={text.none} />
          ) : (
            <table className="table table--zebra">
              <caption>{text.caption}</caption>
              <thead>
                <tr>
                  <th scope="col">{text.year}</th>
                  <th scope="col">{text.winner}</th>
                  <th scope="col">{text.nominees}</th>
                  <th scope="col">{text.reason}</th>
                </tr>
              </thead>
              <tbody>
                {loaded.data.awards.map((a) => (
                  <tr key={a.id}>
                    <td>{a.year}</td>
                    <td>{inRegister ? <Link to={`/virksomheder/${a.employerId}`}>{a.employerName}</Link> : a.employerName}</td>
                    <td>{a.nomineeNames.join(', ')}</td>
                    <td>{a.reason ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <div className="section-form">
            <h2>{text.formHeading}</h2>
            <ActionStatus action={action} />
            <Field id="csr-year" type="number" inputMode="numeric" label={text.yearField} value={year} onChange={(e) => setYear(e.target.value)} />
            <SelectField id="csr-winner" label={text.winnerField} empty={text.chooseEmployer} value={winner} onChange={(e) => setWinner(e.target.value)} options={loaded.data.employers.map((e) => [e.id, e.name] as const)} />
            <fieldset>
              <legend className="form-label">{text.nomineesLegend}</legend>
              {loaded.data.employers
                .filter((e) => e.id !== winner)
                .map((e) => (
                  <div className="form-group-checkbox" key={e.id}>
                    <input className="form-checkbox" type="checkbox" id={`csr-nominee-${e.id}`} checked={nominees.includes(e.id)} onChange={(x) => toggle(e.id, x.target.checked)} />
                    <label htmlFor={`csr-nominee-${e.id}`}>{e.name}</label>
                  </div>
                ))}
            </fieldset>
            <Field id="csr-reason" label={text.reasonField} hint={text.reasonHint} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
            <Button busy={action.busy} onClick={submit}>
              {text.button}
            </Button>
          </div>
        </>
      )}
    </>
  );
}
