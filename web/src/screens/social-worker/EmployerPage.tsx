import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { Field } from '../../components/Field';
import { Empty, Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { formatCalendarDate } from '../../text/format';
import { failureText } from '../caseworker/caseworker-api';
import { useLoad } from '../../app/use-load';
import { ActionStatus } from './ActionStatus';
import { todayIso } from './dates';
import { phaseLabel, socialWorker } from '../../text/social-worker';
import { addAgreement, employer, programmesAtEmployer, type EmployerDetails, type ProgrammeListItem } from './social-worker-api';
import { useAction } from './use-action';

const text = socialWorker.employers;

interface Page {
  e: EmployerDetails;
  youth: ProgrammeListItem[];
}

const loadPage = async (id: string): Promise<Page> => {
  const [e, youth] = await Promise.all([employer(id), programmesAtEmployer(id)]);
  return { e, youth };
};

/** One employer: its details and cooperation agreements, recording a new agreement, and the youth matched with it. */
export function EmployerPage() {
  const { id = '' } = useParams();
  const [loaded, replace] = useLoad<Page>(id, () => loadPage(id));
  const [signedAt, setSignedAt] = useState(todayIso());
  const [validFrom, setValidFrom] = useState(todayIso());
  const [validTo, setValidTo] = useState('');
  const action = useAction();
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
  const { e, youth } = loaded.data;
  const submit = () =>
    void action.run(async () => {
      await addAgreement(id, { signedAt, validFrom, ...(validTo ? { validTo } : {}) });
      replace(await loadPage(id));
    }, text.agreementSaved);
  return (
    <>
      <p>
        <Link to="/virksomheder">{text.back}</Link>
      </p>
      <PageHeading>{e.name}</PageHeading>
      <dl className="facts">
        <dt>{text.cvr}</dt>
        <dd>{e.cvr ?? ''}</dd>
        <dt>{text.sector}</dt>
        <dd>{text.sectorLabel[e.sector] ?? e.sector}</dd>
      </dl>
      <h2>{text.agreementsHeading}</h2>
      {e.agreements.length === 0 ? (
        <Empty text={text.noAgreements} />
      ) : (
        <table className="table table--zebra">
          <caption>{text.agreementsCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{text.signedAt}</th>
              <th scope="col">{text.validFrom}</th>
              <th scope="col">{text.validTo}</th>
              <th scope="col">{text.active}</th>
            </tr>
          </thead>
          <tbody>
            {e.agreements.map((a) => (
              <tr key={a.id}>
                <td>{formatCalendarDate(a.signedAt)}</td>
                <td>{formatCalendarDate(a.validFrom)}</td>
                <td>{a.validTo ? formatCalendarDate(a.validTo) : text.untilFurther}</td>
                <td>{a.active ? text.yes : text.no}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>{text.youthHeading}</h2>
      {youth.length === 0 ? (
        <Empty text={text.noYouth} />
      ) : (
        <table className="table table--zebra">
          <caption>{text.youthCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{text.youth}</th>
              <th scope="col">{text.phase}</th>
              <th scope="col">{text.matchStatus}</th>
            </tr>
          </thead>
          <tbody>
            {youth.map((p) => (
              <tr key={p.id}>
                <td>
                  <Link to={`/forloeb/${p.id}`}>{p.youthName ?? socialWorker.board.unnamed}</Link>
                </td>
                <td>{phaseLabel[p.phase]}</td>
                <td>{(p.matchesAtEmployer ?? []).map((m) => socialWorker.matches.statusLabel[m] ?? m).join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="section-form">
        <h2>{text.agreementFormHeading}</h2>
        <ActionStatus action={action} />
        <Field id="agreement-signed" type="date" label={text.signedAt} value={signedAt} onChange={(x) => setSignedAt(x.target.value)} />
        <Field id="agreement-from" type="date" label={text.validFrom} value={validFrom} onChange={(x) => setValidFrom(x.target.value)} />
        <Field id="agreement-to" type="date" label={`${text.validTo} (valgfrit)`} value={validTo} onChange={(x) => setValidTo(x.target.value)} />
        <Button busy={action.busy} onClick={submit}>
          {text.agreementButton}
        </Button>
      </div>
    </>
  );
}
