import { useState } from 'react';
import { Link } from 'react-router';
import { Button } from '../../components/Button';
import { Field } from '../../components/Field';
import { Empty } from '../../components/Loading';
import { useLoad } from '../../app/use-load';
import { employers as text } from '../../text/employers';
import { formatCalendarDate } from '../../text/format';
import { phaseLabel, socialWorker } from '../../text/social-worker';
import { ActionStatus } from '../social-worker/ActionStatus';
import { todayIso } from '../social-worker/dates';
import { programmesAtEmployer, type ProgrammeListItem } from '../social-worker/social-worker-api';
import { useAction } from '../social-worker/use-action';
import { addAgreement, type EmployerDetails } from './employers-api';

/**
 * Cooperation agreements: everyone in the register sees them; only the social worker records one
 * (they concern youths' leisure jobs) and sees the youth matched with the employer.
 */
export function AgreementsSection({ employer: e, mayRecord, onRecorded }: { employer: EmployerDetails; mayRecord: boolean; onRecorded: () => Promise<void> }) {
  const [signedAt, setSignedAt] = useState(todayIso());
  const [validFrom, setValidFrom] = useState(todayIso());
  const [validTo, setValidTo] = useState('');
  const action = useAction();
  const submit = () =>
    void action.run(async () => {
      await addAgreement(e.id, { signedAt, validFrom, ...(validTo ? { validTo } : {}) });
      await onRecorded();
    }, text.agreementSaved);
  return (
    <section aria-labelledby="agreements-heading">
      <h2 id="agreements-heading">{text.agreementsHeading}</h2>
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
      {mayRecord && (
        <>
          <YouthAtEmployer employerId={e.id} />
          <div className="section-form">
            <h3>{text.agreementFormHeading}</h3>
            <ActionStatus action={action} />
            <Field id="agreement-signed" type="date" label={text.signedAt} value={signedAt} onChange={(x) => setSignedAt(x.target.value)} />
            <Field id="agreement-from" type="date" label={text.validFrom} value={validFrom} onChange={(x) => setValidFrom(x.target.value)} />
            <Field id="agreement-to" type="date" label={`${text.validTo} (valgfrit)`} value={validTo} onChange={(x) => setValidTo(x.target.value)} />
            <Button busy={action.busy} onClick={submit}>
              {text.agreementButton}
            </Button>
          </div>
        </>
      )}
    </section>
  );
}

function YouthAtEmployer({ employerId }: { employerId: string }) {
  const [loaded] = useLoad<ProgrammeListItem[]>(employerId, () => programmesAtEmployer(employerId));
  if (loaded.state !== 'loaded') return null;
  const youth = loaded.data;
  return (
    <>
      <h3>{text.youthHeading}</h3>
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
    </>
  );
}
