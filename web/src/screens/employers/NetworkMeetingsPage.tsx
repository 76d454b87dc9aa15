import { useState } from 'react';
import { Link } from 'react-router';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { Field } from '../../components/Field';
import { Empty, Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { SelectField } from '../../components/SelectField';
import { useLoad } from '../../app/use-load';
import { networkMeetings as text } from '../../text/employers';
import { formatDateTime, formatNumber } from '../../text/format';
import { failureText } from '../caseworker/caseworker-api';
import { ActionStatus } from '../social-worker/ActionStatus';
import { useAction } from '../social-worker/use-action';
import { allEmployers, meetingSessions, networkMeetingActivities, recordMeeting, type EmployerListItem, type MeetingActivity, type MeetingSession } from './employers-api';

interface Page {
  meetings: MeetingActivity[];
  employers: EmployerListItem[];
}

const loadPage = async (): Promise<Page> => {
  const [meetings, employers] = await Promise.all([networkMeetingActivities(), allEmployers()]);
  return { meetings, employers };
};

/** "Now" as a datetime-local control wants it: the browser's own clock and zone, to the minute. */
function localNow(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}T${pad(now.getHours())}:${pad(now.getMinutes())}`;
}

/**
 * The employer network's meetings (001_*: "fire årlige netværksmøder"): record that a network
 * meeting was held, how many people came, and which of the plan's employers took part. The
 * leader's activity page shows the same sessions with their guests.
 */
export function NetworkMeetingsPage() {
  const [loaded] = useLoad<Page>('network-meetings', loadPage);
  const [activityId, setActivityId] = useState('');
  return (
    <>
      <p>
        <Link to="/virksomheder">{text.back}</Link>
      </p>
      <PageHeading>{text.heading}</PageHeading>
      <p>{text.intro}</p>
      {loaded.state === 'loading' && <Loading />}
      {loaded.state === 'failed' && <Alert kind="error">{failureText(loaded.error)}</Alert>}
      {loaded.state === 'loaded' && loaded.data.meetings.length === 0 && <Empty text={text.noActivities} />}
      {loaded.state === 'loaded' && loaded.data.meetings.length > 0 && (
        <>
          <SelectField id="meeting-activity" label={text.activityField} empty={text.chooseActivity} value={activityId} onChange={(e) => setActivityId(e.target.value)} options={loaded.data.meetings.map((m) => [m.id, m.name] as const)} />
          {activityId && <MeetingSessions key={activityId} activityId={activityId} employers={loaded.data.employers} />}
        </>
      )}
    </>
  );
}

function MeetingSessions({ activityId, employers }: { activityId: string; employers: EmployerListItem[] }) {
  const [loaded, replace] = useLoad<MeetingSession[]>(`meeting-sessions-${activityId}`, () => meetingSessions(activityId));
  const [startsAt, setStartsAt] = useState(localNow);
  const [headcount, setHeadcount] = useState('');
  const [guests, setGuests] = useState<string[]>([]);
  const action = useAction();
  const toggle = (id: string, on: boolean) => setGuests(on ? [...guests, id] : guests.filter((g) => g !== id));
  const submit = () =>
    void action.run(async () => {
      await recordMeeting(activityId, { startsAt: new Date(startsAt).toISOString(), headcount: { total: Number(headcount || '0') }, employerIds: guests });
      setGuests([]);
      setHeadcount('');
      replace(await meetingSessions(activityId));
    }, text.saved);
  return (
    <>
      {loaded.state === 'loading' && <Loading />}
      {loaded.state === 'failed' && <Alert kind="error">{failureText(loaded.error)}</Alert>}
      {loaded.state === 'loaded' && loaded.data.length === 0 && <Empty text={text.noSessions} />}
      {loaded.state === 'loaded' && loaded.data.length > 0 && (
        <div className="table--responsive-scroll">
          <table className="table table--zebra">
            <caption>{text.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{text.startsAt}</th>
                <th scope="col">{text.headcount}</th>
                <th scope="col">{text.employers}</th>
              </tr>
            </thead>
            <tbody>
              {loaded.data.map((s) => (
                <tr key={s.id}>
                  <th scope="row">{formatDateTime(s.startsAt)}</th>
                  <td>{formatNumber(s.headcount.total)}</td>
                  <td>{s.employers.map((e) => e.name).join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="section-form">
        <h2>{text.formHeading}</h2>
        <ActionStatus action={action} />
        <Field id="meeting-startsAt" type="datetime-local" label={text.startsAtField} value={startsAt} onChange={(e) => setStartsAt(e.target.value)} />
        <Field id="meeting-headcount" type="number" inputMode="numeric" min={0} label={text.headcountField} hint={text.headcountHint} value={headcount} onChange={(e) => setHeadcount(e.target.value)} />
        <fieldset>
          <legend className="form-label">{text.employersLegend}</legend>
          {employers.length === 0 && <p>{text.noEmployers}</p>}
          {employers.map((e) => (
            <div className="form-group-checkbox" key={e.id}>
              <input className="form-checkbox" type="checkbox" id={`meeting-employer-${e.id}`} checked={guests.includes(e.id)} onChange={(x) => toggle(e.id, x.target.checked)} />
              <label htmlFor={`meeting-employer-${e.id}`}>{e.name}</label>
            </div>
          ))}
        </fieldset>
        <Button busy={action.busy} onClick={submit}>
          {text.button}
        </Button>
      </div>
    </>
  );
}
