import { useState } from 'react';
import { useLoad, useMoreOfList } from '../../app/use-load';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { Field } from '../../components/Field';
import { LoadMore } from '../../components/LoadMore';
import { Empty, Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { SelectField } from '../../components/SelectField';
import { formatCalendarDate, formatNumber } from '../../text/format';
import { ageGroupLabel, smallJobOutcomeLabel, smallJobs as text, type SmallJobOutcome } from '../../text/small-jobs';
import { failureText } from '../caseworker/caseworker-api';
import { todayIso } from '../social-worker/dates';
import { SendStatus } from './SendStatus';
import { endSmallJob, smallJobsPage, type SmallJob, type SmallJobPage } from './small-jobs-api';
import { StartSmallJobForm } from './StartSmallJobForm';
import { useSend } from './use-send';
import './small-jobs.css';

/** The counsellor's småjobs: the list with ending one by its outcome, and starting one for a resident with an employer. */
export function SmallJobsPage() {
  const [version, setVersion] = useState(0);
  const [loaded, replace] = useLoad<SmallJobPage>(`small-jobs-${version}`, () => smallJobsPage());
  const more = useMoreOfList(loaded, replace, (cursor) => smallJobsPage(cursor));
  const [ending, setEnding] = useState<SmallJob | null>(null);
  const reload = () => setVersion((v) => v + 1);
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
                <th scope="col">{text.resident}</th>
                <th scope="col">{text.employer}</th>
                <th scope="col">{text.startsOn}</th>
                <th scope="col">{text.hours}</th>
                <th scope="col">{text.ageGroup}</th>
                <th scope="col">{text.status}</th>
              </tr>
            </thead>
            <tbody>
              {loaded.data.items.map((j) => (
                <tr key={j.id}>
                  <td>{j.residentName}</td>
                  <td>{j.employerName ?? ''}</td>
                  <td>{formatCalendarDate(j.startsOn)}</td>
                  <td>{formatNumber(j.hoursPerWeek)}</td>
                  <td>{ageGroupLabel[j.ageGroup] ?? j.ageGroup}</td>
                  <td>
                    {j.running ? (
                      <Button variant="secondary" onClick={() => setEnding(j)} aria-label={text.endFor(j.residentName)}>
                        {text.end}
                      </Button>
                    ) : (
                      text.endedOn(smallJobOutcomeLabel[j.outcome as SmallJobOutcome] ?? '', formatCalendarDate(j.endedOn ?? ''))
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      <LoadMore more={more} label={text.more} describe={failureText} />
      {ending && <EndSmallJobForm job={ending} onDone={() => { setEnding(null); reload(); }} onCancel={() => setEnding(null)} />}
      <StartSmallJobForm onStarted={reload} />
    </>
  );
}

function EndSmallJobForm({ job, onDone, onCancel }: { job: SmallJob; onDone: () => void; onCancel: () => void }) {
  const [endedOn, setEndedOn] = useState(todayIso());
  const [outcome, setOutcome] = useState<SmallJobOutcome>('more_hours');
  const [key] = useState(() => crypto.randomUUID());
  const send = useSend();
  const submit = () =>
    void send.run(() => endSmallJob(job.id, { endedOn, outcome, version: job.version }, key), text.ended).then((ok) => ok && onDone());
  return (
    <div className="work-form">
      <h2>{text.endFor(job.residentName)}</h2>
      <SendStatus send={send} />
      <Field id="small-job-ended-on" type="date" label={text.endedOnField} value={endedOn} onChange={(e) => setEndedOn(e.target.value)} />
      <SelectField
        id="small-job-outcome"
        label={text.outcomeField}
        value={outcome}
        onChange={(e) => setOutcome(e.target.value as SmallJobOutcome)}
        options={Object.entries(smallJobOutcomeLabel)}
      />
      <div className="work-buttons">
        <Button busy={send.busy} onClick={submit}>
          {text.endSubmit}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {text.cancel}
        </Button>
      </div>
    </div>
  );
}
