import { type FormEvent, useState } from 'react';
import { Link, useParams } from 'react-router';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { ErrorSummary, type SummaryItem } from '../../components/ErrorSummary';
import { Field } from '../../components/Field';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { SelectField } from '../../components/SelectField';
import { useLoad } from '../../app/use-load';
import { formatCalendarDate } from '../../text/format';
import { criteria, endReasons, jobcentre, targetGroups } from '../../text/jobcentre';
import { statusText } from './CaseloadPage';
import { endEnrolment, enrolment, failureText, markQuarter, quartersOf, todayInDenmark, type EndReason, type Enrolment } from './jobcentre-api';
import './jobcentre.css';

const text = jobcentre.enrolment;

/** One person's enrolment: the facts, the quarters to mark active, and ending it with a reason. */
export function EnrolmentPage() {
  const { id = '' } = useParams();
  const [loaded, replace] = useLoad<Enrolment>(id, () => enrolment(id));
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  if (loaded.state === 'loading') return <Loading />;
  if (loaded.state === 'failed') return <Alert kind="error">{failureText(loaded.error)}</Alert>;
  const e = loaded.data;
  const marks = new Map(e.quarters.map((q) => [q.quarter, q.active]));

  const mark = async (quarter: string, active: boolean) => {
    setBusy(quarter);
    setFailure(null);
    try {
      replace(await markQuarter(e.id, quarter, active, e.version));
      setNotice(text.marked(quarter, active));
    } catch (error) {
      setFailure(failureText(error));
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      <p>
        <Link to="/jobcenter">{text.back}</Link>
      </p>
      <PageHeading>{text.heading(e.residentName)}</PageHeading>
      {notice && <Alert kind="success">{notice}</Alert>}
      {failure && <Alert kind="error">{failure}</Alert>}
      <h2>{text.facts}</h2>
      <dl className="facts">
        <dt>{text.effort}</dt>
        <dd>{e.effort}</dd>
        <dt>{text.targetGroup}</dt>
        <dd>{targetGroups[e.targetGroup]}</dd>
        <dt>{text.criteria}</dt>
        <dd>{e.criteriaMet.length ? e.criteriaMet.map((c) => criteria[c]).join('; ') : text.criteriaNone}</dd>
        <dt>{text.startedOn}</dt>
        <dd>{formatCalendarDate(e.startedOn)}</dd>
        <dt>{text.status}</dt>
        <dd>{statusText(e)}</dd>
      </dl>
      <h2>{text.quartersHeading}</h2>
      <p>{text.quartersIntro}</p>
      <table className="table table--zebra">
        <caption className="sr-only">{text.quartersCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{text.quarter}</th>
            <th scope="col">{text.activeColumn}</th>
            <th scope="col">
              <span className="sr-only">{text.quarter}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {quartersOf(e.startedOn, e.endedOn, todayInDenmark()).map((quarter) => {
            const active = marks.get(quarter);
            return (
              <tr key={quarter}>
                <th scope="row">{quarter}</th>
                <td>{active === undefined ? text.notMarked : active ? text.yes : text.no}</td>
                <td>
                  <Button variant="secondary" busy={busy === quarter} onClick={() => mark(quarter, !active)}>
                    {active ? text.markInactive(quarter) : text.markActive(quarter)}
                  </Button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {e.running && <EndForm enrolment={e} onEnded={(ended) => { replace(ended); setNotice(text.ended); }} />}
    </>
  );
}

function EndForm({ enrolment: e, onEnded }: { enrolment: Enrolment; onEnded: (ended: Enrolment) => void }) {
  const [endedOn, setEndedOn] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<SummaryItem[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const missing: SummaryItem[] = [];
    if (!endedOn) missing.push({ fieldId: 'end-endedOn', text: text.required.endedOn });
    if (!reason) missing.push({ fieldId: 'end-reason', text: text.required.reason });
    setErrors(missing);
    setFailure(null);
    if (missing.length) return;
    setBusy(true);
    try {
      onEnded(await endEnrolment(e.id, { endedOn, reason: reason as EndReason, version: e.version }));
    } catch (error) {
      setFailure(failureText(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="enrolment-form" noValidate onSubmit={submit} aria-labelledby="end-heading">
      <h2 id="end-heading">{text.endHeading}</h2>
      <ErrorSummary items={errors} />
      {failure && <Alert kind="error">{failure}</Alert>}
      <Field id="end-endedOn" label={text.endedOn} hint={text.endedOnHint} type="date" value={endedOn} onChange={(ev) => setEndedOn(ev.target.value)} error={errors.find((x) => x.fieldId === 'end-endedOn')?.text} />
      <SelectField id="end-reason" label={text.reason} empty={text.chooseReason} value={reason} onChange={(ev) => setReason(ev.target.value)} options={Object.entries(endReasons)} error={errors.find((x) => x.fieldId === 'end-reason')?.text} />
      <Button type="submit" busy={busy}>
        {text.endSubmit}
      </Button>
    </form>
  );
}
